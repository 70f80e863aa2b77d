"""Fortbildungsreihe: registering for every module, the attendance matrix, certificates due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from patenbuero.db.enums import RegistrationStatus
from patenbuero.db.models import Event, Person, Registration, Series
from patenbuero.errors import NotFoundError
from patenbuero.services.core.database import Database
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.persons import PersonInput, find_or_create_person


@dataclass(frozen=True)
class ModuleOutcome:
    event_id: int
    module_number: int
    title: str
    status: str
    waitlist_position: int | None


@dataclass(frozen=True)
class ModuleColumn:
    event_id: int
    number: int
    title: str
    starts_at: dt.datetime


@dataclass(frozen=True)
class MatrixRow:
    person_id: int
    first_name: str
    last_name: str
    organisation: str
    attendance: tuple[bool | None, ...]  # per module: True present, False absent, None open
    registered: tuple[bool, ...]

    @property
    def attended_count(self) -> int:
        return sum(a is True for a in self.attendance)


@dataclass(frozen=True)
class SeriesMatrix:
    series_id: int
    title: str
    required_modules: int
    modules: tuple[ModuleColumn, ...]
    rows: tuple[MatrixRow, ...]

    def certificate_due(self, row: MatrixRow) -> bool:
        return row.attended_count >= self.required_modules

    @property
    def due(self) -> list[MatrixRow]:
        return [row for row in self.rows if self.certificate_due(row)]


def register_for_series(
    db: Database,
    series_id: int,
    person: PersonInput | int,
    *,
    now: dt.datetime | None = None,
) -> list[ModuleOutcome]:
    """Register for every module; each module's capacity and waitlist apply on their own."""
    now = now or dt.datetime.now()
    with db.unit_of_work() as session:
        series = session.get(Series, series_id)
        if series is None:
            raise NotFoundError(f"Es gibt keine Fortbildungsreihe mit der ID {series_id}.")
        # The modules' locks first, then the person's creation lock: the order every
        # booking takes them in, so two workplaces never wait for each other.
        events = [booking.lock_event(session, module.id) for module in series.modules]
        if isinstance(person, int):
            subject = session.get(Person, person)
            if subject is None:
                raise NotFoundError(f"Es gibt keine Person mit der ID {person}.")
        else:
            subject, _created = find_or_create_person(session, person, now)
        outcomes = []
        for event in events:
            registration, _new = booking.book(session, event, subject, now, "", "Reihe")
            outcomes.append(
                ModuleOutcome(
                    event_id=event.id,
                    module_number=event.module_number or 0,
                    title=event.title,
                    status=registration.status,
                    waitlist_position=booking.waitlist_position(session, registration),
                )
            )
        return outcomes


def series_matrix(db: Database, series_id: int) -> SeriesMatrix:
    """Persons × modules with attendance; who is due a certificate."""
    with db.reading() as session:
        series = session.get(Series, series_id)
        if series is None:
            raise NotFoundError(f"Es gibt keine Fortbildungsreihe mit der ID {series_id}.")
        modules = session.scalars(
            select(Event).where(Event.series_id == series_id).order_by(Event.module_number)
        ).all()
        columns = tuple(
            ModuleColumn(m.id, m.module_number or 0, m.title, m.starts_at) for m in modules
        )
        index = {column.event_id: n for n, column in enumerate(columns)}
        registrations = session.scalars(
            select(Registration)
            .where(
                Registration.event_id.in_(index),
                Registration.status == RegistrationStatus.CONFIRMED.value,
            )
            .options(joinedload(Registration.person).joinedload(Person.project))
        ).all()
        people: dict[int, tuple[Person, list[bool | None], list[bool]]] = {}
        for registration in registrations:
            person = registration.person
            entry = people.setdefault(
                person.id, (person, [None] * len(columns), [False] * len(columns))
            )
            entry[1][index[registration.event_id]] = registration.attended
            entry[2][index[registration.event_id]] = True
        rows = tuple(
            MatrixRow(
                person_id=p.id,
                first_name=p.first_name,
                last_name=p.last_name,
                organisation=p.organisation or (p.project.name if p.project else ""),
                attendance=tuple(attendance),
                registered=tuple(registered),
            )
            for p, attendance, registered in sorted(
                people.values(), key=lambda item: (item[0].last_name, item[0].first_name)
            )
        )
        return SeriesMatrix(series.id, series.title, series.required_modules, columns, rows)


@dataclass(frozen=True)
class SeriesChoice:
    id: int
    title: str
    module_count: int


def list_series(db: Database) -> list[SeriesChoice]:
    with db.reading() as session:
        return [
            SeriesChoice(s.id, s.title, s.module_count)
            for s in session.scalars(select(Series).order_by(Series.id.desc()))
        ]
