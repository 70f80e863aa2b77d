"""Mitgliedsprojekte: the register, Träger, Ansprechpartner:innen, the Verteiler, import, export.

Other areas of the services use only the names exported here.
"""

from patenbuero.services.projects.use_cases import projects_with_lists

__all__ = ["projects_with_lists"]
