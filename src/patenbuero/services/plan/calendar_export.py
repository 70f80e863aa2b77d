"""iCalendar (.ics, RFC 5545) of the yearly plan, for Outlook, Thunderbird and phones.

UIDs are built from the event's id and a fixed domain, never from the time of the
export, and SEQUENCE is the event's ``ics_sequence``: importing an updated file
updates the events already in the calendar instead of adding them a second time.
Times carry TZID=Europe/Berlin and the file includes the matching VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from patenbuero.db.enums import EventStatus
from patenbuero.db.models import Event, EventTombstone

if TYPE_CHECKING:  # imported where a calendar is written, not at start-up
    import icalendar
from patenbuero.errors import ValidationError
from patenbuero.services.core import kinds
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database
from patenbuero.services.plan.agenda import AgendaInput, timed
from patenbuero.services.plan.tombstones import recent_tombstones

BERLIN = ZoneInfo("Europe/Berlin")
UID_DOMAIN = "patenschaften-halle.de"
PRODID = "-//Patenschaftsnetzwerk Halle//Patenbüro//DE"
ICS_STATUS = {
    EventStatus.IDEA.value: "TENTATIVE",
    EventStatus.PLANNED.value: "TENTATIVE",
    EventStatus.CONFIRMED.value: "CONFIRMED",
    EventStatus.DONE.value: "CONFIRMED",
    EventStatus.CANCELLED.value: "CANCELLED",
}
# A fixed DTSTAMP for events that never recorded a change keeps the file reproducible.
_FALLBACK_STAMP = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def event_uid(event_id: int) -> str:
    """The stable UID of an event: the same in every export, on every computer."""
    return f"veranstaltung-{event_id}@{UID_DOMAIN}"


@logged_action("calendar.export_year")
def export_year(db: Database, year: int, *, now: dt.datetime | None = None) -> bytes:
    """All events of a year, cancelled ones included (so calendars learn of the Absage),
    and events deleted within the last year as cancelled entries."""
    first, last = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
    with db.reading() as session:
        events = session.scalars(
            _query().where(Event.starts_at >= first, Event.starts_at < last)
        ).all()
        deleted = recent_tombstones(session, first, last, now or dt.datetime.now())
        return _calendar(
            list(events), f"Patenschaftsnetzwerk Halle {year}", [_cancelled(t) for t in deleted]
        )


@logged_action("calendar.export_events")
def export_events(db: Database, event_ids: Sequence[int]) -> bytes:
    """The chosen events only."""
    if not event_ids:
        raise ValidationError("Bitte wählen Sie mindestens eine Veranstaltung.", field="events")
    with db.reading() as session:
        events = session.scalars(_query().where(Event.id.in_(list(event_ids)))).all()
        return _calendar(list(events), "Patenschaftsnetzwerk Halle")


def file_name(year: int | None = None) -> str:
    return f"Jahresplanung_{year}.ics" if year else "Veranstaltungen.ics"


def _query():  # type: ignore[no-untyped-def]
    return (
        select(Event).options(selectinload(Event.agenda_items)).order_by(Event.starts_at, Event.id)
    )


def _cancelled(tombstone: EventTombstone) -> icalendar.Event:
    """The entry that makes calendars drop a deleted event: same UID, higher SEQUENCE."""
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event_uid(tombstone.event_id))
    stamp = tombstone.deleted_at.replace(tzinfo=BERLIN).astimezone(dt.UTC)
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", tombstone.sequence)
    vevent.add("summary", tombstone.title)
    if tombstone.all_day:
        vevent.add("dtstart", tombstone.starts_at.date())
        vevent.add("dtend", tombstone.ends_at.date() + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", tombstone.starts_at.replace(tzinfo=BERLIN))
        vevent.add("dtend", tombstone.ends_at.replace(tzinfo=BERLIN))
    vevent.add("description", "Diese Veranstaltung findet nicht statt.")
    vevent.add("status", "CANCELLED")
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _calendar(events: list[Event], name: str, cancelled: Sequence[icalendar.Event] = ()) -> bytes:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        calendar.add_component(_vevent(event))
    for entry in cancelled:
        calendar.add_component(entry)
    starts = [e.starts_at for e in events] + [c.decoded("dtstart") for c in cancelled]
    if starts:
        first = min(_as_date(value) for value in starts)
        last = max(_as_date(value) for value in starts)
        # VTIMEZONE Europe/Berlin with the transitions around the exported dates.
        calendar.add_missing_timezones(dt.date(first.year - 1, 1, 1), dt.date(last.year + 2, 1, 1))
    return bytes(calendar.to_ical())


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _vevent(event: Event) -> icalendar.Event:
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event.id))
    stamp = (
        event.updated_at.replace(tzinfo=BERLIN).astimezone(dt.UTC)
        if event.updated_at
        else _FALLBACK_STAMP
    )
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", event.ics_sequence or 0)
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", event.starts_at.date())
        # DTEND of an all-day event is exclusive: the day after the last day.
        vevent.add("dtend", event.ends_at.date() + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", event.starts_at.replace(tzinfo=BERLIN))
        vevent.add("dtend", event.ends_at.replace(tzinfo=BERLIN))
    place = ", ".join(p for p in (event.location, event.address.replace("\n", ", ")) if p)
    if place or event.online_url:
        vevent.add("location", place or event.online_url)
    if event.online_url:
        vevent.add("url", event.online_url)
    description = _description(event)
    if description:
        vevent.add("description", description)
    vevent.add("status", ICS_STATUS.get(event.status, "TENTATIVE"))
    vevent.add("categories", [kinds.event_kind_label(event)])
    vevent.add("transp", "OPAQUE")
    return vevent


def _description(event: Event) -> str:
    parts = []
    if event.status == EventStatus.CANCELLED.value:
        parts.append("Diese Veranstaltung ist abgesagt.")
    if event.description:
        parts.append(event.description)
    if event.speaker:
        parts.append(f"Referent:in: {event.speaker}")
    if event.online_url:
        parts.append(f"Online-Link: {event.online_url}")
    if event.agenda_items and not event.all_day:
        items = [
            AgendaInput(i.title, i.duration_minutes, i.speaker, i.notes) for i in event.agenda_items
        ]
        lines = [
            f"{row.starts_at:%H:%M} {row.title}" + (f" ({row.speaker})" if row.speaker else "")
            for row in timed(event.starts_at, items)
        ]
        parts.append("Tagesordnung:\n" + "\n".join(lines))
    return "\n\n".join(parts)
