"""The attendance list's input read from a SQLite file with the plain ``sqlite3`` module.

Printing one list from the command line would otherwise spend most of its time
importing SQLAlchemy (~0.2 s) and the ORM models (~0.1-0.2 s). The rules are those of
:mod:`.attendance_orm` (a test compares both readers field by field): confirmed
registrations only; the newest consent entry per person decides the no-photos mark;
the event's own funder, else its series'.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from patenbuero.db.enums import (
    ACTIVE_LEGAL_BASES,
    ConsentPurpose,
    RegistrationStatus,
    SubjectKind,
)
from patenbuero.errors import NotFoundError
from patenbuero.pdf.inputs import AttendanceListInput, Funder
from patenbuero.services.core.network_text_values import texts_from_settings
from patenbuero.services.printing.attendance import (
    EventFields,
    attendance_input,
    print_funder,
    stored_funder,
)
from patenbuero.services.printing.print_fields import participant_of
from patenbuero.services.printing.request import PrintRequest

_EVENT = (
    "SELECT title, starts_at, ends_at, all_day, location, address, online_url, speaker"
    " FROM event WHERE id = ?"
)
_CONFIRMED = "SELECT person_id FROM registration WHERE event_id = ? AND status = ?"
_PEOPLE = (
    "SELECT p.id, p.first_name, p.last_name, p.latin_name, p.organisation, m.name,"
    " p.email, p.phone"
    " FROM registration r JOIN person p ON p.id = r.person_id"
    " LEFT JOIN member_project m ON m.id = p.project_id"
    " WHERE r.event_id = ? AND r.status = ? ORDER BY r.id"
)
_PHOTO_CONSENTS = (
    "SELECT subject_id, basis, withdrawn_on FROM consent_record"
    " WHERE subject_kind = ? AND purpose = ? AND subject_id IN (" + _CONFIRMED + ")"
    " ORDER BY recorded_at, id"
)
_EVENT_FUNDER = (
    "SELECT f.name, e.funding_measure, e.funding_code, e.teaching_units, f.logo_png"
    " FROM event e JOIN funders f ON f.id = e.funder_id WHERE e.id = ?"
)
_SERIES_FUNDER = (
    "SELECT f.name, s.funding_measure, s.funding_code, s.teaching_units, f.logo_png"
    " FROM event e JOIN series s ON s.id = e.series_id JOIN funders f ON f.id = s.funder_id"
    " WHERE e.id = ?"
)


def read_attendance_sqlite(path: Path, event_id: int, request: PrintRequest) -> AttendanceListInput:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as connection:
        connection.execute("BEGIN")  # one snapshot for every statement below
        row = connection.execute(_EVENT, (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        title, starts_at, ends_at, all_day, location, address, online_url, speaker = row
        event = EventFields(
            title=title,
            starts_at=dt.datetime.fromisoformat(starts_at),
            ends_at=dt.datetime.fromisoformat(ends_at),
            all_day=bool(all_day),
            location=location,
            address=address,
            online_url=online_url,
            speaker=speaker,
        )
        texts = texts_from_settings(connection.execute('SELECT "key", value FROM setting'))
        confirmed = RegistrationStatus.CONFIRMED.value
        no_photos = _without_photos(connection, event_id, confirmed)
        people = [
            participant_of(
                first,
                last,
                latin,
                organisation,
                project,
                email,
                phone,
                with_contact=request.show_contact,
                no_photos=person_id in no_photos,
            )
            for person_id, first, last, latin, organisation, project, email, phone in (
                connection.execute(_PEOPLE, (event_id, confirmed))
            )
        ]
        funder = _funder(connection, event_id)
    return attendance_input(texts, event, people, print_funder(request, funder))


def _without_photos(connection: sqlite3.Connection, event_id: int, confirmed: str) -> set[int]:
    """Persons whose newest photo entry is a refusal or was withdrawn."""
    newest: dict[int, bool] = {}
    parameters = (SubjectKind.PERSON.value, ConsentPurpose.PHOTOS.value, event_id, confirmed)
    for person_id, basis, withdrawn_on in connection.execute(_PHOTO_CONSENTS, parameters):
        newest[person_id] = basis in ACTIVE_LEGAL_BASES and withdrawn_on is None
    return {person_id for person_id, active in newest.items() if not active}


def _funder(connection: sqlite3.Connection, event_id: int) -> Funder | None:
    for query in (_EVENT_FUNDER, _SERIES_FUNDER):
        row = connection.execute(query, (event_id,)).fetchone()
        if row is not None:
            name, measure, code, units, logo = row
            return stored_funder(name, measure, code, units, logo)
    return None
