"""Mitgliedsprojekte: the register, Träger, Ansprechpartner:innen, the Verteiler, import, export.

Other areas of the services use only the names exported here. The package itself loads
nothing heavy: its plain values (``records``) are read before SQLAlchemy has loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from patenbuero.services.projects.use_cases import projects_with_lists

__all__ = ["projects_with_lists"]


def __getattr__(name: str) -> Any:
    if name == "projects_with_lists":
        from patenbuero.services.projects.use_cases import projects_with_lists

        return projects_with_lists
    raise AttributeError(name)
