"""The attendance list (Teilnehmerliste) of one event: its input read once, then drawn.

The input comes from one of two readers that build the same
:class:`~patenbuero.pdf.inputs.AttendanceListInput`: a SQLite file at the current schema
is read with the plain ``sqlite3`` module (:mod:`.attendance_sqlite`: the command line
then starts without SQLAlchemy and the ORM models, ~0.3 s), every other database
through the ORM (:mod:`.attendance_orm`). Both hand their plain values to
:func:`attendance_input`, so the rules (place, funder, privacy note, order) exist once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from patenbuero.db.migrate import HEAD_REVISION
from patenbuero.errors import ValidationError
from patenbuero.pdf.collation import participant_sort_key
from patenbuero.pdf.inputs import (
    DEFAULT_PRIVACY_NOTE,
    NO_PHOTOS_LEGEND,
    AttendanceListInput,
    Funder,
    Participant,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_text_values import NetworkTexts
from patenbuero.services.printing.print_fields import file_name, office_from_texts
from patenbuero.services.printing.request import PrintRequest, PrintResult


@dataclass(frozen=True)
class EventFields:
    """What the list prints of the event itself."""

    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    location: str
    address: str
    online_url: str
    speaker: str


def attendance_list(db: Database, request: PrintRequest) -> PrintResult:
    from patenbuero.pdf.attendance_list import build_attendance_list

    data = read_attendance(db, request)
    document = build_attendance_list(
        data,
        landscape=request.landscape,
        show_contact=request.show_contact,
        blank_rows=max(request.blank_rows, 0),
    )
    return PrintResult(document, file_name("Teilnehmerliste", data.event_title, data.date))


def read_attendance(db: Database, request: PrintRequest) -> AttendanceListInput:
    """The input of the list: plain sqlite3 for a SQLite file, else the ORM."""
    event_id = event_id_of(request)
    path = db.location.path
    if path is not None and db.revision == HEAD_REVISION:
        from patenbuero.services.printing.attendance_sqlite import read_attendance_sqlite

        return read_attendance_sqlite(path, event_id, request)
    from patenbuero.services.printing.attendance_orm import read_attendance_orm

    return read_attendance_orm(db, event_id, request)


def attendance_input(
    texts: NetworkTexts,
    event: EventFields,
    people: Sequence[Participant],
    funder: Funder | None,
) -> AttendanceListInput:
    """The list's input from the values either reader found (people in booking order)."""
    return AttendanceListInput(
        office=office_from_texts(texts),
        event_title=event.title,
        date=event.starts_at.date(),
        place=place_text(event.location, event.address) or event.online_url or "–",
        participants=tuple(sorted(people, key=participant_sort_key)),
        start_time=None if event.all_day else event.starts_at.time(),
        end_time=None if event.all_day else event.ends_at.time(),
        speaker=event.speaker or None,
        funder=funder,
        **_privacy_note(texts.privacy_note, any(p.no_photos for p in people)),
    )


def print_funder(request: PrintRequest, stored: Funder | None) -> Funder | None:
    """The funder named for this print (command line), else the one stored for the event
    or its series."""
    chosen = request.funder
    if chosen and chosen.name:
        return Funder(
            name=chosen.name,
            measure=chosen.measure or None,
            funding_code=chosen.funding_code or None,
            teaching_units=chosen.teaching_units,
        )
    return stored


def stored_funder(
    name: str, measure: str, code: str, units: float | None, logo: bytes | None
) -> Funder:
    """The funder stored for an event or its series, as printed."""
    return Funder(
        name=name,
        measure=measure or None,
        funding_code=code or None,
        teaching_units=units,
        logo=logo,
    )


def place_text(event_location: str, address: str) -> str:
    return ", ".join(part for part in (event_location, address.replace("\n", ", ")) if part)


def _privacy_note(note: str, any_no_photos: bool) -> dict[str, str]:
    """The office's note, and the meaning of the mark when someone wishes no photos."""
    if not any_no_photos:
        return {"privacy_note": note} if note else {}
    return {"privacy_note": f"{note or DEFAULT_PRIVACY_NOTE} {NO_PHOTOS_LEGEND}"}


def event_id_of(request: PrintRequest) -> int:
    if request.event_id is None:
        raise ValidationError("Bitte wählen Sie eine Veranstaltung.", field="event")
    return request.event_id
