"""Personen und Datenschutz: consents per purpose, Auskunft, Löschen, retention.

Other areas of the services use only the names exported here.
"""

from patenbuero.services.privacy.consents import (
    ConsentInput,
    add_consent,
    add_consents,
    add_withdrawal,
    contacts_with_mailing_basis,
    has_basis,
    persons_without_photos,
)
from patenbuero.services.privacy.refs import SubjectRef

__all__ = [
    "ConsentInput",
    "SubjectRef",
    "add_consent",
    "add_consents",
    "add_withdrawal",
    "contacts_with_mailing_basis",
    "has_basis",
    "persons_without_photos",
]
