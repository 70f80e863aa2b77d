"""What speaks against a date: public holidays in Sachsen-Anhalt, weekends, overlaps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.enums import EventStatus
from patenbuero.db.models import Event
from patenbuero.services.core.database import Database
from patenbuero.services.plan.public_holidays import sachsen_anhalt

HOLIDAY = "holiday"
WEEKEND = "weekend"
OVERLAP = "overlap"


@dataclass(frozen=True)
class Conflict:
    kind: str  # holiday, weekend, overlap
    day: dt.date
    message: str
    other_event_id: int | None = None


@lru_cache(maxsize=32)
def _holidays_of(year: int) -> dict[dt.date, str]:
    return sachsen_anhalt(year)


def holidays_in(year: int) -> dict[dt.date, str]:
    """The public holidays of Sachsen-Anhalt in ``year``, with their German names."""
    return dict(_holidays_of(year))


def holiday_name(day: dt.date) -> str | None:
    return _holidays_of(day.year).get(day)


def span(
    starts_at: dt.datetime, ends_at: dt.datetime, all_day: bool
) -> tuple[dt.datetime, dt.datetime]:
    """The half-open time range an event occupies (all-day: whole days)."""
    if all_day:
        return (
            dt.datetime.combine(starts_at.date(), dt.time()),
            dt.datetime.combine(ends_at.date() + dt.timedelta(days=1), dt.time()),
        )
    return (starts_at, max(ends_at, starts_at + dt.timedelta(minutes=1)))


def date_conflicts(starts_at: dt.datetime, ends_at: dt.datetime) -> list[Conflict]:
    """Holidays and weekend days the event touches."""
    return list(_day_conflicts(starts_at.date(), max(ends_at.date(), starts_at.date())))


@lru_cache(maxsize=1024)  # asked for every event of a year on every change of year
def _day_conflicts(first: dt.date, last: dt.date) -> tuple[Conflict, ...]:
    found: list[Conflict] = []
    for day in (first + dt.timedelta(days=n) for n in range(min((last - first).days + 1, 366))):
        name = holiday_name(day)
        if name:
            found.append(Conflict(HOLIDAY, day, f"{day:%d.%m.%Y} ist ein Feiertag: {name}."))
        if day.weekday() >= 5:
            weekday = "Samstag" if day.weekday() == 5 else "Sonntag"
            found.append(Conflict(WEEKEND, day, f"{day:%d.%m.%Y} ist ein {weekday}."))
    return tuple(found)


def overlaps(
    session: Session,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    all_day: bool,
    exclude_ids: Iterable[int] = (),
) -> list[Conflict]:
    """Other events (not cancelled) that take place at the same time."""
    start, end = span(starts_at, ends_at, all_day)
    candidates = session.scalars(
        select(Event)
        .where(
            Event.starts_at < end,
            Event.ends_at >= start - dt.timedelta(days=1),
            Event.status != EventStatus.CANCELLED.value,
            Event.id.not_in(list(exclude_ids)),
        )
        .order_by(Event.starts_at)
    ).all()
    found = []
    for other in candidates:
        other_start, other_end = span(other.starts_at, other.ends_at, other.all_day)
        if other_start < end and start < other_end:
            when = (
                "ganztägig" if other.all_day else f"{other.starts_at:%H:%M}–{other.ends_at:%H:%M}"
            )
            found.append(
                Conflict(
                    OVERLAP,
                    other.starts_at.date(),
                    f"Gleichzeitig am {other.starts_at:%d.%m.%Y}: „{other.title}“ ({when}).",
                    other.id,
                )
            )
    return found


def check_date(
    db: Database,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    all_day: bool = False,
    event_id: int | None = None,
) -> list[Conflict]:
    """Everything that speaks against this date, for the dialog while it is edited."""
    with db.reading() as session:
        clash = overlaps(session, starts_at, ends_at, all_day, [event_id] if event_id else [])
    return date_conflicts(starts_at, ends_at) + clash


def year_conflicts(db: Database, year: int) -> dict[int, list[Conflict]]:
    """Conflicts of every event of a year that is not cancelled, by event id."""
    begin, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
    with db.reading() as session:
        events = session.execute(
            select(Event.id, Event.title, Event.starts_at, Event.ends_at, Event.all_day)
            .where(
                Event.starts_at >= begin,
                Event.starts_at < end,
                Event.status != EventStatus.CANCELLED.value,
            )
            .order_by(Event.starts_at, Event.id)
        ).all()
    spans = [span(starts_at, ends_at, all_day) for _id, _t, starts_at, ends_at, all_day in events]
    partners = _overlapping(spans)
    result: dict[int, list[Conflict]] = {}
    for index, (event_id, _title, starts_at, ends_at, _all_day) in enumerate(events):
        found = date_conflicts(starts_at, ends_at)
        for other in partners[index]:
            other_id, other_title, other_start = events[other][:3]
            found.append(
                Conflict(OVERLAP, other_start.date(), f"Gleichzeitig: „{other_title}“.", other_id)
            )
        if found:
            result[event_id] = found
    return result


def _overlapping(spans: list[tuple[dt.datetime, dt.datetime]]) -> list[list[int]]:
    """For each span the positions of the others it overlaps, in list order.

    One pass in order of beginning, keeping the spans not yet over: a year's events
    are compared with the few that run at the same time, not with all the others.
    """
    partners: list[list[int]] = [[] for _ in spans]
    running: list[int] = []
    for index in sorted(range(len(spans)), key=lambda n: spans[n][0]):
        start = spans[index][0]
        running = [other for other in running if spans[other][1] > start]
        for other in running:
            partners[index].append(other)
            partners[other].append(index)
        running.append(index)
    for found in partners:
        found.sort()
    return partners
