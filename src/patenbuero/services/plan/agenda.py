"""Tagesordnung: ordered items whose times follow from the event's start and the durations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from patenbuero.db.models import AgendaItem, Event
from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database

MAX_DURATION = 12 * 60


@dataclass(frozen=True)
class AgendaInput:
    title: str
    duration_minutes: int = 15
    speaker: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AgendaRow:
    position: int
    title: str
    duration_minutes: int
    speaker: str
    notes: str
    starts_at: dt.datetime
    ends_at: dt.datetime


def timed(start: dt.datetime, items: Sequence[AgendaInput]) -> list[AgendaRow]:
    """Each item starts when the previous one ends; the first at the event's start."""
    rows: list[AgendaRow] = []
    clock = start
    for position, item in enumerate(items, start=1):
        end = clock + dt.timedelta(minutes=max(item.duration_minutes, 0))
        rows.append(
            AgendaRow(
                position, item.title, item.duration_minutes, item.speaker, item.notes, clock, end
            )
        )
        clock = end
    return rows


def list_agenda(db: Database, event_id: int) -> list[AgendaRow]:
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        items = [
            AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
        ]
        return timed(event.starts_at, items)


def check_items(items: Sequence[AgendaInput]) -> list[AgendaInput]:
    """Trimmed items; raises for an item without title or with an impossible duration."""
    cleaned = []
    for number, item in enumerate(items, start=1):
        what = f"Tagesordnungspunkt {number}:"
        title = field_checks.limited(
            item.title, "agenda", f"{what} Der Titel", field_checks.AGENDA_TITLE_LIMIT
        )
        speaker = field_checks.limited(
            item.speaker, "agenda", f"{what} Die Angabe Referent:in", field_checks.NAME_LIMIT
        )
        notes = field_checks.limited(
            item.notes,
            "agenda",
            f"{what} Die Notizen",
            field_checks.LONG_TEXT_LIMIT,
            multiline=True,
        )
        if not title:
            raise ValidationError(f"Tagesordnungspunkt {number} hat keinen Titel.", field="agenda")
        if not 0 <= item.duration_minutes <= MAX_DURATION:
            raise ValidationError(
                f"Die Dauer von „{title}“ muss zwischen 0 und {MAX_DURATION} Minuten liegen.",
                field="agenda",
            )
        cleaned.append(AgendaInput(title, item.duration_minutes, speaker, notes))
    return cleaned


def save_agenda(db: Database, event_id: int, items: Sequence[AgendaInput]) -> None:
    """Replace the whole Tagesordnung of an event in the given order."""
    with db.unit_of_work() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(f"Es gibt keine Veranstaltung mit der ID {event_id}.")
        replace_items(session, event, check_items(items))


def replace_items(session: Session, event: Event, items: Sequence[AgendaInput]) -> None:
    """Replace an event's agenda inside the caller's unit of work (positions 1, 2, …)."""
    event.agenda_items.clear()
    session.flush()  # the unique (event, position) must be free before new rows arrive
    for position, item in enumerate(items, start=1):
        event.agenda_items.append(
            AgendaItem(
                position=position,
                title=item.title,
                duration_minutes=item.duration_minutes,
                speaker=item.speaker,
                notes=item.notes,
            )
        )
