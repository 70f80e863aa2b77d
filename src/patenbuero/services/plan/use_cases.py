"""Use cases of the yearly plan (Jahresplanung)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from patenbuero.db.enums import ProjectStatus, RegistrationStatus
from patenbuero.db.models import Contact, Event, MemberProject, Registration, Series
from patenbuero.services.core import kinds, labels
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import list_funders
from patenbuero.services.core.kinds import KindChoice


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
    responsible_project_id: int | None = None
    responsible_contact: str = ""
    speaker: str = ""
    recurrence_id: str | None = None
    online_url: str = ""

    @property
    def free_places(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)


def list_events(
    db: Database,
    year: int | None = None,
    *,
    kinds: Collection[str] = (),
    statuses: Collection[str] = (),
    project_id: int | None = None,
    office_only: bool = False,
) -> list[EventRow]:
    """The events of a year (or all), in date order, with their registration counts.

    Optional filters: kinds and statuses (empty: all), the responsible member
    project, or only the events the office itself is responsible for.
    """
    with db.reading() as session:
        query = (
            select(Event)
            .options(
                joinedload(Event.responsible_project),
                joinedload(Event.responsible_contact),
                joinedload(Event.series),
            )
            .order_by(Event.starts_at, Event.id)
        )
        if kinds:
            query = query.where(Event.kind.in_(list(kinds)))
        if statuses:
            query = query.where(Event.status.in_(list(statuses)))
        if project_id is not None:
            query = query.where(Event.responsible_project_id == project_id)
        if office_only:
            query = query.where(Event.responsible_project_id.is_(None))
        if year is not None:
            query = query.where(
                Event.starts_at >= dt.datetime(year, 1, 1),
                Event.starts_at < dt.datetime(year + 1, 1, 1),
            )
        events = session.scalars(query).all()
        filtered = year is not None or kinds or statuses or project_id is not None or office_only
        counts = _registration_counts(session, [e.id for e in events] if filtered else None)
        return [_row(event, counts) for event in events]


def event_row(db: Database, event_id: int) -> EventRow | None:
    """One event as in :func:`list_events` (None if it is gone): after a change to its
    registrations a list shows the fresh row without reading all the others."""
    with db.reading() as session:
        event = session.scalars(
            select(Event)
            .options(
                joinedload(Event.responsible_project),
                joinedload(Event.responsible_contact),
                joinedload(Event.series),
            )
            .where(Event.id == event_id)
        ).one_or_none()
        if event is None:
            return None
        return _row(event, _registration_counts(session, [event_id]))


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
        kind_label=kinds.event_kind_label(event),
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
        responsible_project_id=event.responsible_project_id,
        responsible_contact=(
            event.responsible_contact.full_name if event.responsible_contact else ""
        ),
        speaker=event.speaker,
        recurrence_id=event.recurrence_id,
        online_url=event.online_url,
    )


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    project_id: int | None = None  # contacts: the project they belong to
    size: int = 0  # series: the number of modules


@dataclass(frozen=True)
class PlanChoices:
    """What the event and task dialogs offer in their drop-down lists."""

    projects: tuple[Choice, ...]
    contacts: tuple[Choice, ...]
    series: tuple[Choice, ...]
    funders: tuple[Choice, ...] = ()
    kinds: tuple[KindChoice, ...] = ()  # the office's event kinds, retired ones marked


def plan_choices(db: Database) -> PlanChoices:
    with db.reading() as session:
        projects = session.execute(
            select(MemberProject.id, MemberProject.name, MemberProject.status).order_by(
                MemberProject.name
            )
        ).all()
        contacts = session.scalars(
            select(Contact)
            .where(Contact.project_id.is_not(None))
            .order_by(Contact.last_name, Contact.first_name)
        ).all()
        series = session.scalars(select(Series).order_by(Series.title)).all()
        return PlanChoices(
            projects=tuple(
                Choice(
                    pid, name if status != ProjectStatus.LEFT.value else f"{name} (ausgeschieden)"
                )
                for pid, name, status in projects
            ),
            contacts=tuple(Choice(c.id, c.full_name, c.project_id) for c in contacts),
            series=tuple(Choice(s.id, s.title, size=s.module_count) for s in series),
            funders=tuple(Choice(f.id, f.name) for f in list_funders(db)),
            kinds=tuple(kinds.event_kinds(db)),
        )
