"""Registrations out of the app: the list of an event (the year's figures: sachbericht)."""

from __future__ import annotations

from sqlalchemy import select

from patenbuero.db.models import Person
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.use_cases import RegistrationRow, list_registrations

REGISTRATION_HEADERS = (
    "ID",
    "Nachname",
    "Vorname",
    "E-Mail",
    "Organisation",
    "Status",
    "Wartelistenplatz",
    "angemeldet am",
    "anwesend",
)


def registration_cells(row: RegistrationRow) -> list[object]:
    attended = {True: "ja", False: "nein", None: ""}[row.attended]
    return [
        row.id,
        row.last_name,
        row.first_name,
        row.email,
        row.organisation,
        row.status_label,
        row.waitlist_position,
        row.registered_at,
        attended,
    ]


def export_registrations(db: Database, event_id: int, file_format: str) -> bytes:
    """The event's registrations as a file; restricted persons (Art. 18) stay out."""
    with db.reading() as session:
        hidden = set(session.scalars(select(Person.id).where(Person.restricted_until.is_not(None))))
    rows = [
        registration_cells(row)
        for row in list_registrations(db, event_id)
        if row.person_id not in hidden
    ]
    if file_format == "xlsx":
        return to_xlsx(REGISTRATION_HEADERS, rows, "Anmeldungen")
    return to_csv_excel(REGISTRATION_HEADERS, rows)
