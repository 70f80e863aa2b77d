"""Deleted events live on for a year as cancelled entries in the calendar export.

Outlook, Thunderbird and phones remove an imported event only when a later file lists
the same UID with STATUS:CANCELLED and a higher SEQUENCE; an event that simply vanishes
from the file stays in their calendars as a ghost.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from patenbuero.db.models import Event, EventTombstone

KEEP_FOR = dt.timedelta(days=365)


def leave_tombstone(session: Session, event: Event, now: dt.datetime) -> None:
    session.execute(delete(EventTombstone).where(EventTombstone.event_id == event.id))
    session.add(
        EventTombstone(
            event_id=event.id,
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            all_day=event.all_day,
            sequence=(event.ics_sequence or 0) + 1,
            deleted_at=now,
        )
    )


def recent_tombstones(
    session: Session, first: dt.datetime, last: dt.datetime, now: dt.datetime
) -> list[EventTombstone]:
    """Tombstones younger than a year for events starting in [first, last).

    An id that SQLite gave to a new event since is skipped: the new event's entry
    replaces the old one in the calendar anyway.
    """
    live = select(Event.id)
    return list(
        session.scalars(
            select(EventTombstone)
            .where(
                EventTombstone.starts_at >= first,
                EventTombstone.starts_at < last,
                EventTombstone.deleted_at >= now - KEEP_FOR,
                EventTombstone.event_id.not_in(live),
            )
            .order_by(EventTombstone.starts_at, EventTombstone.event_id)
        )
    )
