"""Jahresplanung: events, recurrence, agenda, tasks, conflicts, year copy, calendar, invitations.

Other areas of the services use only the names exported here.
"""

from patenbuero.services.plan.agenda import AgendaInput, timed
from patenbuero.services.plan.conflicts import holidays_in
from patenbuero.services.plan.invitation_mail import when_text
from patenbuero.services.plan.use_cases import list_events

__all__ = ["AgendaInput", "holidays_in", "list_events", "timed", "when_text"]
