"""Use cases of the yearly plan (Jahresplanung)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Event, Registration
from patenbuero.services import labels
from patenbuero.services.database import Database


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool
    location: str
    capacity: int | None
    confirmed: int
    waitlisted: int
    responsible: str
    series_title: str
    module_number: int | None

    @property
    def free_places(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)


def list_events(db: Database, year: int | None = None) -> list[EventRow]:
    """The events of a year (or all), in date order, with their registration counts."""
    with db.reading() as session:
        query = (
            select(Event)
            .options(joinedload(Event.responsible_project), joinedload(Event.series))
            .order_by(Event.starts_at, Event.id)
        )
        if year is not None:
            query = query.where(
                Event.starts_at >= dt.datetime(year, 1, 1),
                Event.starts_at < dt.datetime(year + 1, 1, 1),
            )
        events = session.scalars(query).all()
        counts = _registration_counts(session, [e.id for e in events] if year else None)
        return [_row(event, counts) for event in events]


def event_years(db: Database) -> list[int]:
    """The years that have events, plus the current year."""
    with db.reading() as session:
        first, last = session.execute(
            select(func.min(Event.starts_at), func.max(Event.starts_at))
        ).one()
    this_year = dt.date.today().year
    if first is None:
        return [this_year]
    return list(range(min(first.year, this_year), max(last.year, this_year) + 1))


def _registration_counts(session, event_ids: list[int] | None) -> dict[tuple[int, str], int]:  # type: ignore[no-untyped-def]
    query = select(Registration.event_id, Registration.status, func.count()).group_by(
        Registration.event_id, Registration.status
    )
    if event_ids is not None:
        if not event_ids:
            return {}
        query = query.where(Registration.event_id.in_(event_ids))
    return {(event_id, status): n for event_id, status, n in session.execute(query)}


def _row(event: Event, counts: dict[tuple[int, str], int]) -> EventRow:
    if event.responsible_project is not None:
        responsible = event.responsible_project.name
    else:
        responsible = "Koordinierungsstelle"
    return EventRow(
        id=event.id,
        title=event.title,
        kind=event.kind,
        kind_label=labels.label(labels.EVENT_KIND, event.kind),
        status=event.status,
        status_label=labels.label(labels.EVENT_STATUS, event.status),
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        all_day=event.all_day,
        location=event.location or ("online" if event.online_url else ""),
        capacity=event.capacity,
        confirmed=counts.get((event.id, RegistrationStatus.CONFIRMED.value), 0),
        waitlisted=counts.get((event.id, RegistrationStatus.WAITLISTED.value), 0),
        responsible=responsible,
        series_title=event.series.title if event.series else "",
        module_number=event.module_number,
    )
