"""Use cases of the yearly plan (Jahresplanung)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from patenbuero.db.enums import ProjectStatus, RegistrationStatus
from patenbuero.db.models import Contact, Event, MemberProject, Registration, Series
from patenbuero.services.core import kinds, labels
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import list_funders
from patenbuero.services.core.kinds import KindChoice, event_kind_names


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
    query = _row_query().order_by(Event.starts_at, Event.id)
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
    with db.reading() as session:
        found = session.execute(query).all()
        filtered = year is not None or kinds or statuses or project_id is not None or office_only
        counts = _registration_counts(session, [r[0] for r in found] if filtered else None)
        names = event_kind_names(session)
        return [_row(values, counts, names) for values in found]


def event_row(db: Database, event_id: int) -> EventRow | None:
    """One event as in :func:`list_events` (None if it is gone): after a change to its
    registrations a list shows the fresh row without reading all the others."""
    with db.reading() as session:
        found = session.execute(_row_query().where(Event.id == event_id)).one_or_none()
        if found is None:
            return None
        return _row(found, _registration_counts(session, [event_id]), event_kind_names(session))


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


def _row_query():  # type: ignore[no-untyped-def]
    """The columns of an EventRow, read as plain values (no ORM objects: the lists of a
    year or two load in a third of the time)."""
    return (
        select(
            Event.id,
            Event.title,
            Event.kind,
            Event.status,
            Event.starts_at,
            Event.ends_at,
            Event.all_day,
            Event.location,
            Event.online_url,
            Event.capacity,
            Event.responsible_project_id,
            MemberProject.name,
            Contact.first_name,
            Contact.last_name,
            Series.title,
            Event.module_number,
            Event.speaker,
            Event.recurrence_id,
        )
        .outerjoin(MemberProject, Event.responsible_project_id == MemberProject.id)
        .outerjoin(Contact, Event.responsible_contact_id == Contact.id)
        .outerjoin(Series, Event.series_id == Series.id)
    )


def _row(values: Any, counts: dict[tuple[int, str], int], kind_names: dict[str, str]) -> EventRow:
    (
        event_id,
        title,
        kind,
        status,
        starts_at,
        ends_at,
        all_day,
        location,
        online_url,
        capacity,
        project_id,
        project_name,
        contact_first,
        contact_last,
        series_title,
        module_number,
        speaker,
        recurrence_id,
    ) = values
    return EventRow(
        id=event_id,
        title=title,
        kind=kind,
        kind_label=kind_names.get(kind, kind),
        status=status,
        status_label=labels.label(labels.EVENT_STATUS, status),
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        location=location or ("online" if online_url else ""),
        capacity=capacity,
        confirmed=counts.get((event_id, RegistrationStatus.CONFIRMED.value), 0),
        waitlisted=counts.get((event_id, RegistrationStatus.WAITLISTED.value), 0),
        responsible=project_name if project_id is not None else "Koordinierungsstelle",
        series_title=series_title or "",
        module_number=module_number,
        responsible_project_id=project_id,
        responsible_contact=(
            f"{contact_first} {contact_last}".strip() if contact_first is not None else ""
        ),
        speaker=speaker,
        recurrence_id=recurrence_id,
        online_url=online_url,
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


def project_choices(db: Database) -> tuple[Choice, ...]:
    """The member projects, those that left marked: the plan's filter (one statement)."""
    with db.reading() as session:
        return _project_choices(session)


def _project_choices(session: Session) -> tuple[Choice, ...]:
    projects = session.execute(
        select(MemberProject.id, MemberProject.name, MemberProject.status).order_by(
            MemberProject.name
        )
    ).all()
    return tuple(
        Choice(pid, name if status != ProjectStatus.LEFT.value else f"{name} (ausgeschieden)")
        for pid, name, status in projects
    )


def plan_choices(db: Database) -> PlanChoices:
    with db.reading() as session:
        projects = _project_choices(session)
        contacts = session.scalars(
            select(Contact)
            .where(Contact.project_id.is_not(None))
            .order_by(Contact.last_name, Contact.first_name)
        ).all()
        series = session.scalars(select(Series).order_by(Series.title)).all()
        return PlanChoices(
            projects=projects,
            contacts=tuple(Choice(c.id, c.full_name, c.project_id) for c in contacts),
            series=tuple(Choice(s.id, s.title, size=s.module_count) for s in series),
            funders=tuple(Choice(f.id, f.name) for f in list_funders(db)),
            kinds=tuple(kinds.event_kinds(db)),
        )
