"""„Nächstes Jahr aus diesem planen“: copy chosen events into another year.

The weekday pattern is kept: the second Wednesday of March stays the second
Wednesday of March, a fifth (last) Saturday becomes the last Saturday. Copies are
ideas (status Idee) with their Tagesordnung and open tasks, without registrations.

A Fortbildungsreihe belongs to the year of its first module and is copied whole: a
module in January of the next year goes with its autumn series, and the copy keeps
the series' rule ("3 von 4"). The preview names clashes with events already planned
in the target year (same time, same room).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta, weekday
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from patenbuero.db.enums import EventStatus
from patenbuero.db.models import Event, Series, Task
from patenbuero.errors import ValidationError
from patenbuero.services.core import kinds, labels
from patenbuero.services.core.database import Database
from patenbuero.services.plan import conflicts
from patenbuero.services.plan.events import copy_agenda


@dataclass(frozen=True)
class CopyPlan:
    event_id: int
    title: str
    kind_label: str
    status_label: str
    old_start: dt.datetime
    new_title: str
    new_start: dt.datetime
    new_end: dt.datetime
    already_there: bool  # an event with this title already exists on the new date
    conflicts: tuple[str, ...]
    suggested: bool  # pre-selected in the dialog (not cancelled, not already there)


def same_pattern(day: dt.date, year: int) -> dt.date:
    """The day in ``year`` with the same place in its month: n-th weekday, or the last."""
    nth = (day.day - 1) // 7 + 1
    wd = weekday(day.weekday())
    first = dt.date(year, day.month, 1)
    if nth >= 5:
        return first + relativedelta(day=31, weekday=wd(-1))
    return first + relativedelta(weekday=wd(+nth))


def plan_copy(
    db: Database, from_year: int, to_year: int, event_ids: Sequence[int] | None = None
) -> list[CopyPlan]:
    """What a copy would create: every event of ``from_year`` (or the chosen ones)."""
    _check_years(from_year, to_year)
    with db.reading() as session:
        events = _source_events(session, from_year, event_ids)
        return [_plan(session, event, from_year, to_year) for event in events]


def copy_year(
    db: Database,
    from_year: int,
    to_year: int,
    event_ids: Sequence[int] | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[int]:
    """Copy the chosen events (default: the suggested ones); returns the new ids.

    Events that already exist in the target year (same title on the same day) are
    skipped, so running the copy twice does not double the plan.
    """
    _check_years(from_year, to_year)
    now = now or dt.datetime.now()
    new_ids: list[int] = []
    with db.unit_of_work() as session:
        event_ids = _whole_series(session, from_year, event_ids)
        events = _source_events(session, from_year, event_ids)
        plans = {e.id: _plan(session, e, from_year, to_year) for e in events}
        chosen = [
            e
            for e in events
            if not plans[e.id].already_there and (event_ids is not None or plans[e.id].suggested)
        ]
        if not chosen:
            raise ValidationError(
                f"Es gibt nichts zu übernehmen: keine Veranstaltung aus {from_year} ist gewählt "
                f"oder alle sind in {to_year} schon eingetragen.",
                field="events",
            )
        recurrences: dict[str, str] = {}
        series_copies: dict[int, int] = {}
        for event in chosen:
            copy = _copy(session, event, plans[event.id], now, recurrences, series_copies, to_year)
            new_ids.append(copy.id)
    return new_ids


def _check_years(from_year: int, to_year: int) -> None:
    if from_year == to_year:
        raise ValidationError("Quell- und Zieljahr müssen verschieden sein.", field="to_year")
    for year in (from_year, to_year):
        if not 1900 <= year <= 2200:
            raise ValidationError(f"{year} ist kein gültiges Jahr.", field="to_year")


def _series_years(session: Session) -> dict[int, int]:
    """The year of each series: the year of its first module."""
    firsts = session.execute(
        select(Event.series_id, func.min(Event.starts_at))
        .where(Event.series_id.is_not(None))
        .group_by(Event.series_id)
    ).all()
    return {series_id: first.year for series_id, first in firsts if series_id is not None}


def _source_events(session: Session, year: int, event_ids: Sequence[int] | None) -> list[Event]:
    """The events of ``year``; a series module counts in the year of its series."""
    years = _series_years(session)
    in_year = (Event.starts_at >= dt.datetime(year, 1, 1)) & (
        Event.starts_at < dt.datetime(year + 1, 1, 1)
    )
    series_of_year = [series_id for series_id, first in years.items() if first == year]
    query = (
        select(Event)
        .where(in_year | Event.series_id.in_(series_of_year))
        .options(selectinload(Event.tasks), selectinload(Event.agenda_items))
        .order_by(Event.starts_at, Event.id)
    )
    if event_ids is not None:
        query = query.where(Event.id.in_(list(event_ids)))
    return [
        event
        for event in session.scalars(query).all()
        if event.series_id is None or years.get(event.series_id) == year
    ]


def _whole_series(
    session: Session, year: int, event_ids: Sequence[int] | None
) -> Sequence[int] | None:
    """The chosen events, plus every other module of a series one module was chosen of."""
    if event_ids is None:
        return None
    chosen = set(event_ids)
    series_ids = set(
        session.scalars(
            select(Event.series_id).where(Event.id.in_(chosen), Event.series_id.is_not(None))
        )
    )
    if series_ids:
        chosen |= set(session.scalars(select(Event.id).where(Event.series_id.in_(series_ids))))
    return sorted(chosen)


def _plan(session: Session, event: Event, from_year: int, to_year: int) -> CopyPlan:
    # A module in January of the next year stays in January of the year after the target.
    new_day = same_pattern(event.starts_at.date(), event.starts_at.year + to_year - from_year)
    new_start = dt.datetime.combine(new_day, event.starts_at.time())
    new_end = new_start + (event.ends_at - event.starts_at)
    new_title = event.title.replace(str(from_year), str(to_year))
    exists = session.scalar(
        select(Event.id).where(
            Event.title == new_title,
            Event.starts_at >= dt.datetime.combine(new_day, dt.time()),
            Event.starts_at < dt.datetime.combine(new_day + dt.timedelta(days=1), dt.time()),
        )
    )
    found = [c.message for c in conflicts.date_conflicts(new_start, new_end)]
    found += _clashes(session, event, new_title, new_start, new_end)
    return CopyPlan(
        event_id=event.id,
        title=event.title,
        kind_label=kinds.event_kind_label(event),
        status_label=labels.label(labels.EVENT_STATUS, event.status),
        old_start=event.starts_at,
        new_title=new_title,
        new_start=new_start,
        new_end=new_end,
        already_there=exists is not None,
        conflicts=tuple(found),
        suggested=exists is None and event.status != EventStatus.CANCELLED.value,
    )


def _clashes(
    session: Session, event: Event, new_title: str, start: dt.datetime, end: dt.datetime
) -> list[str]:
    """Events already planned at the same time in the same room (or without a room,
    at the same time for the same kind)."""
    others = session.scalars(
        select(Event).where(
            Event.starts_at < end,
            Event.ends_at > start,
            Event.status != EventStatus.CANCELLED.value,
        )
    ).all()
    room = " ".join(event.location.split()).casefold()
    found = []
    for other in others:
        if other.title == new_title and other.starts_at == start:
            continue  # the copy itself, already there
        same_room = room and " ".join(other.location.split()).casefold() == room
        if same_room:
            found.append(
                f"Überschneidung mit „{other.title}“ ({other.starts_at:%d.%m.%Y %H:%M}) "
                f"im selben Raum ({other.location})"
            )
        elif not room and other.kind == event.kind:
            found.append(
                f"Überschneidung mit „{other.title}“ ({other.starts_at:%d.%m.%Y %H:%M}), "
                "gleiche Art"
            )
    return found


def copy_title(title: str, from_year: int, to_year: int) -> str:
    """The title of a copy: the year replaced, else the new year placed before a closing
    remark in brackets: "Reihe (Frühjahr)" → "Reihe 2027 (Frühjahr)", never "… (2027)"
    behind it."""
    if str(from_year) in title:
        return title.replace(str(from_year), str(to_year))
    match = re.fullmatch(r"(.*?)\s*(\([^()]*\))\s*", title)
    if match:
        return f"{match.group(1)} {to_year} {match.group(2)}"
    return f"{title} {to_year}"


def _copy(
    session: Session,
    event: Event,
    plan: CopyPlan,
    now: dt.datetime,
    recurrences: dict[str, str],
    series_copies: dict[int, int],
    to_year: int,
) -> Event:
    deadline = None
    if event.registration_deadline is not None:
        deadline = plan.new_start.date() - (event.starts_at.date() - event.registration_deadline)
    recurrence_id = None
    if event.recurrence_id:
        recurrence_id = recurrences.setdefault(
            event.recurrence_id, f"reihe-{uuid.uuid4().hex[:20]}"
        )
    copy = Event(
        title=plan.new_title,
        kind=event.kind,
        status=EventStatus.IDEA.value,
        starts_at=plan.new_start,
        ends_at=plan.new_end,
        all_day=event.all_day,
        location=event.location,
        address=event.address,
        online_url=event.online_url,
        description=event.description,
        speaker=event.speaker,
        capacity=event.capacity,
        registration_deadline=deadline,
        responsible_project_id=event.responsible_project_id,
        responsible_contact_id=event.responsible_contact_id,
        series_id=_series_copy(session, event, series_copies, to_year),
        module_number=event.module_number if event.series_id else None,
        recurrence_id=recurrence_id,
        ics_sequence=0,
        updated_at=now,
    )
    copy_agenda(event, copy)
    shift = plan.new_start.date() - event.starts_at.date()
    for task in event.tasks:
        copy.tasks.append(
            Task(
                title=task.title,
                project_id=task.project_id,
                contact_id=task.contact_id,
                due_on=task.due_on + shift if task.due_on else None,
                done=False,
            )
        )
    session.add(copy)
    session.flush()
    return copy


def _series_copy(
    session: Session, event: Event, series_copies: dict[int, int], to_year: int
) -> int | None:
    """A module goes into a new series of the same kind (module numbers are unique)."""
    if event.series is None:
        return None
    if event.series.id not in series_copies:
        old = event.series
        first_year = min(module.starts_at.year for module in old.modules)
        title = copy_title(old.title, first_year, to_year)
        series = Series(
            title=title,
            description=old.description,
            module_count=old.module_count,
            required_modules=old.required_modules,
        )
        session.add(series)
        session.flush()
        series_copies[old.id] = series.id
    return series_copies[event.series.id]
