"""Create, change, cancel and delete one Veranstaltung, with the plan's rules.

Every change that a calendar shows (date, time, place, title, status) raises the
event's ``ics_sequence``, so that Outlook and Thunderbird update their copy when
the office sends an updated ``.ics`` file instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import EventStatus
from patenbuero.db.models import (
    AgendaItem,
    Contact,
    Event,
    EventKindEntry,
    MemberProject,
    Registration,
    Series,
)
from patenbuero.errors import ConflictError, NotFoundError, ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import Funding, check_funding
from patenbuero.services.core.kinds import check_kind
from patenbuero.services.plan import agenda
from patenbuero.services.plan.agenda import AgendaInput
from patenbuero.services.plan.tombstones import leave_tombstone
from patenbuero.services.registrations import MovedUp, lock_event, set_capacity

# Fields whose change a calendar program has to learn about (RFC 5545 SEQUENCE).
CALENDAR_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "all_day",
    "location",
    "address",
    "online_url",
    "status",
)


@dataclass(frozen=True)
class EventInput:
    """What the event dialog collects. For all-day events only the dates count."""

    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str = EventStatus.PLANNED.value
    all_day: bool = False
    location: str = ""
    address: str = ""
    online_url: str = ""
    description: str = ""
    speaker: str = ""
    capacity: int | None = None
    registration_deadline: dt.date | None = None
    responsible_project_id: int | None = None
    responsible_contact_id: int | None = None
    series_id: int | None = None
    module_number: int | None = None
    internal_note: str = ""  # for the office only, never printed
    funder_id: int | None = None
    funding_measure: str = ""
    funding_code: str = ""
    teaching_units: float | None = None


@dataclass(frozen=True)
class EventEdit(EventInput):
    """An event with its Tagesordnung: one side of a conflict between two saves."""

    agenda: tuple[AgendaInput, ...] = ()


@dataclass(frozen=True)
class EditableEvent:
    """What the event dialog starts from: values, Tagesordnung and the version read."""

    data: EventInput
    agenda: tuple[AgendaInput, ...]
    version: int


@dataclass(frozen=True)
class SaveResult:
    event_id: int
    moved_up: tuple[MovedUp, ...] = field(default=())


def get_event(db: Database, event_id: int) -> EventInput:
    """The stored values of an event, ready to fill the dialog."""
    with db.reading() as session:
        event = _event(session, event_id)
        return to_input(event)


def get_event_for_editing(db: Database, event_id: int) -> EditableEvent:
    """Values, Tagesordnung and version of an event, read together."""
    with db.reading() as session:
        event = _event(session, event_id)
        return EditableEvent(to_input(event), _stored_agenda(event), event.version)


def _stored_agenda(event: Event) -> tuple[AgendaInput, ...]:
    return tuple(
        AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
    )


def to_input(event: Event) -> EventInput:
    return EventInput(**{f.name: getattr(event, f.name) for f in fields(EventInput)})


@logged_action("event.create")
def create_event(
    db: Database,
    data: EventInput,
    *,
    agenda_items: Sequence[AgendaInput] | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Check and store a new event (with its Tagesordnung); returns its id."""
    data = normalise(data)
    items = agenda.check_items(agenda_items or ())
    with db.unit_of_work() as session:
        check(session, data, event_id=None)
        event = new_event(data, now or dt.datetime.now())
        session.add(event)
        session.flush()
        if items:
            agenda.replace_items(session, event, items)
        return event.id


@logged_action("event.update")
def update_event(
    db: Database,
    event_id: int,
    data: EventInput,
    *,
    agenda_items: Sequence[AgendaInput] | None = None,
    now: dt.datetime | None = None,
    expected_version: int | None = None,
) -> SaveResult:
    """Store the dialog's values in one go; capacity goes through the waitlist rule.

    ``agenda_items`` replaces the Tagesordnung when given (None leaves it alone).
    With ``expected_version``, a save over a change made meanwhile elsewhere raises
    ConflictError with both versions (the Tagesordnung counts as part of the event).
    """
    data = normalise(data)
    items = None if agenda_items is None else agenda.check_items(agenda_items)
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        event = lock_event(session, event_id)
        if expected_version is not None and event.version != expected_version:
            stored_agenda = _stored_agenda(event)
            raise ConflictError(
                f"„{event.title}“ wurde inzwischen an einem anderen Arbeitsplatz geändert.",
                mine=as_edit(data, stored_agenda if items is None else tuple(items)),
                theirs=as_edit(to_input(event), stored_agenda),
                version=event.version,
            )
        check(session, data, event_id=event_id)
        moved = apply(session, event, data, now)
        if items is not None and _agenda_changed(event, items):
            agenda.replace_items(session, event, items)
            event.updated_at = now  # a new Tagesordnung is a new version of the event
        return SaveResult(event_id, tuple(moved))


def as_edit(data: EventInput, agenda_items: Sequence[AgendaInput]) -> EventEdit:
    return EventEdit(
        **{f.name: getattr(data, f.name) for f in fields(EventInput)}, agenda=tuple(agenda_items)
    )


def _agenda_changed(event: Event, items: Sequence[AgendaInput]) -> bool:
    stored = [
        AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
    ]
    return stored != list(items)


@logged_action("event.cancel")
def cancel_event(db: Database, event_id: int, *, now: dt.datetime | None = None) -> None:
    """Mark one event (or one occurrence of a series) as abgesagt."""
    with db.unit_of_work() as session:
        event = _event(session, event_id)
        if event.status != EventStatus.CANCELLED.value:
            event.status = EventStatus.CANCELLED.value
            touch(event, now or dt.datetime.now())


@logged_action("event.delete")
def delete_event(db: Database, event_id: int, *, now: dt.datetime | None = None) -> None:
    """Delete an event without registrations; with registrations, cancel it instead.

    A tombstone stays behind for a year so that the calendar export can tell calendars
    that imported the event to remove it (see calendar_export).
    """
    with db.unit_of_work() as session:
        event = _event(session, event_id)
        registered = session.scalar(
            select(Registration.id).where(Registration.event_id == event_id).limit(1)
        )
        if registered is not None:
            raise ValidationError(
                f"„{event.title}“ hat Anmeldungen und kann nicht gelöscht werden. "
                "Sagen Sie die Veranstaltung stattdessen ab."
            )
        leave_tombstone(session, event, now or dt.datetime.now())
        session.delete(event)


def normalise(data: EventInput) -> EventInput:
    """Trimmed texts; all-day events run from midnight of the first day to the last day."""
    texts = {
        f.name: getattr(data, f.name).strip()
        for f in fields(EventInput)
        if isinstance(getattr(data, f.name), str)
    }
    data = replace(data, **texts)
    if data.all_day:
        data = replace(
            data,
            starts_at=dt.datetime.combine(data.starts_at.date(), dt.time()),
            ends_at=dt.datetime.combine(data.ends_at.date(), dt.time()),
        )
    if data.series_id is None:
        data = replace(data, module_number=None)
    return data


# (field, German name, limit, several lines allowed) of the event's texts.
TEXT_LIMITS = (
    ("title", "Der Titel", field_checks.NAME_LIMIT, False),
    ("location", "Der Ort", field_checks.NAME_LIMIT, False),
    ("address", "Die Adresse", field_checks.ADDRESS_LIMIT, True),
    ("online_url", "Der Online-Link", field_checks.URL_LIMIT, False),
    ("description", "Die Beschreibung", field_checks.LONG_TEXT_LIMIT, True),
    ("speaker", "Die Angabe Referent:in", field_checks.NAME_LIMIT, False),
    ("internal_note", "Die interne Notiz", field_checks.LONG_TEXT_LIMIT, True),
    ("funding_measure", "Die Fördermaßnahme", 300, False),
    ("funding_code", "Das Förderkennzeichen", 100, False),
)


def check(session: Session, data: EventInput, event_id: int | None) -> None:
    """Raise a ValidationError naming the first field that breaks a rule."""
    if not data.title:
        raise ValidationError("Bitte geben Sie einen Titel ein.", field="title")
    for key, label, limit, multiline in TEXT_LIMITS:
        field_checks.limited(getattr(data, key), key, label, limit, multiline=multiline)
    if not data.kind:
        raise ValidationError("Bitte wählen Sie die Art der Veranstaltung.", field="kind")
    before = (
        None if event_id is None else session.scalar(select(Event.kind).where(Event.id == event_id))
    )
    check_kind(session, EventKindEntry, data.kind, before)
    if data.status not in {s.value for s in EventStatus}:
        raise ValidationError("Bitte wählen Sie einen Status.", field="status")
    if data.ends_at < data.starts_at:
        raise ValidationError(
            "Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit.", field="ends_at"
        )
    if data.capacity is not None and data.capacity < 0:
        raise ValidationError("Die Kapazität kann nicht negativ sein.", field="capacity")
    deadline = data.registration_deadline
    if deadline is not None and deadline > data.starts_at.date():
        raise ValidationError(
            f"Die Anmeldefrist ({deadline:%d.%m.%Y}) liegt nach der Veranstaltung "
            f"({data.starts_at:%d.%m.%Y}). Sie muss am Tag der Veranstaltung oder davor enden.",
            field="registration_deadline",
        )
    if data.online_url and not data.online_url.lower().startswith(("https://", "http://")):
        raise ValidationError(
            "Der Online-Link muss mit https:// oder http:// beginnen.", field="online_url"
        )
    _check_responsible(session, data)
    _check_series(session, data, event_id)
    check_funding(
        session,
        Funding(data.funder_id, data.funding_measure, data.funding_code, data.teaching_units),
    )


def _check_responsible(session: Session, data: EventInput) -> None:
    if data.responsible_project_id is not None and (
        session.get(MemberProject, data.responsible_project_id) is None
    ):
        raise ValidationError("Das gewählte Mitgliedsprojekt gibt es nicht mehr.", field="project")
    if data.responsible_contact_id is not None:
        contact = session.get(Contact, data.responsible_contact_id)
        if contact is None:
            raise ValidationError(
                "Die gewählte Ansprechperson gibt es nicht mehr.", field="contact"
            )
        if data.responsible_project_id is not None and contact.project_id not in (
            None,
            data.responsible_project_id,
        ):
            raise ValidationError(
                f"{contact.full_name} gehört nicht zum gewählten Mitgliedsprojekt.",
                field="contact",
            )


def _check_series(session: Session, data: EventInput, event_id: int | None) -> None:
    if data.series_id is None:
        return
    series = session.get(Series, data.series_id)
    if series is None:
        raise ValidationError("Die gewählte Fortbildungsreihe gibt es nicht mehr.", field="series")
    number = data.module_number
    if number is None or not 1 <= number <= series.module_count:
        raise ValidationError(
            f"Bitte geben Sie die Modulnummer an (1 bis {series.module_count}).",
            field="module_number",
        )
    taken = session.scalar(
        select(Event.title).where(
            Event.series_id == series.id,
            Event.module_number == number,
            Event.id != (event_id or 0),
        )
    )
    if taken is not None:
        raise ValidationError(
            f"Modul {number} von „{series.title}“ ist schon vergeben („{taken}“).",
            field="module_number",
        )


def new_event(data: EventInput, now: dt.datetime) -> Event:
    values = {f.name: getattr(data, f.name) for f in fields(EventInput)}
    return Event(**values, ics_sequence=0, updated_at=now)


def apply(session: Session, event: Event, data: EventInput, now: dt.datetime) -> list[MovedUp]:
    """Copy the values onto ``event``; raise the ICS sequence if a calendar must update."""
    moved: list[MovedUp] = []
    if data.capacity != event.capacity:
        moved = set_capacity(session, event, data.capacity, now)
    calendar_changed = any(getattr(event, name) != getattr(data, name) for name in CALENDAR_FIELDS)
    changed = calendar_changed
    for f in fields(EventInput):
        if f.name != "capacity" and getattr(event, f.name) != getattr(data, f.name):
            setattr(event, f.name, getattr(data, f.name))
            changed = True
    if calendar_changed:
        event.ics_sequence = (event.ics_sequence or 0) + 1
    if changed or moved:
        event.updated_at = now
    session.flush()
    return moved


def touch(event: Event, now: dt.datetime) -> None:
    """Record a change a calendar must learn about."""
    event.ics_sequence = (event.ics_sequence or 0) + 1
    event.updated_at = now


def copy_agenda(source: Event, target: Event) -> None:
    for item in source.agenda_items:
        target.agenda_items.append(
            AgendaItem(
                position=item.position,
                title=item.title,
                duration_minutes=item.duration_minutes,
                speaker=item.speaker,
                notes=item.notes,
            )
        )


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
    return event
