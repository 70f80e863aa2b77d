"""Anmeldungen: booking rules, persons and duplicates, series, attendance, import and reports.

Other areas of the services use only the names exported here.
"""

from patenbuero.services.registrations.booking import (
    MovedUp,
    cancel,
    fill_free_places,
    lock_event,
    set_capacity,
)
from patenbuero.services.registrations.matching import duplicate_key, person_matches
from patenbuero.services.registrations.persons import email_key
from patenbuero.services.registrations.series import series_matrix

__all__ = [
    "MovedUp",
    "cancel",
    "duplicate_key",
    "email_key",
    "fill_free_places",
    "lock_event",
    "person_matches",
    "series_matrix",
    "set_capacity",
]
