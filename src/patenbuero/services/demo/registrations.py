"""Anmeldungen of the small demo: lively, and true to the capacity and waitlist rules."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from patenbuero.db.enums import EventKind, EventStatus, PersonRole
from patenbuero.services.demo.booking import Arrival, Booked, book_event
from patenbuero.services.demo.events import Plan
from patenbuero.services.demo.planner import Planned
from patenbuero.services.demo.rows import RowSet

R, K = PersonRole, EventKind
ATTENDANCE = 0.85
CANCELLATION = 0.08
SOURCES = ("E-Mail", "E-Mail", "Telefon", "Online-Formular", "persönlich")
# kind -> (who registers, how many (for trainings: more or less than the capacity),
#          how many days before the event the registration opens)
DEMAND = {
    K.NETWORK_MEETING.value: ((R.COORDINATOR,), (14, 24), 42),
    K.SPECIALIST_DAY.value: ((R.COORDINATOR, R.VOLUNTEER, R.SPEAKER), (68, 76), 70),
    K.COORDINATOR_TRAINING.value: ((R.COORDINATOR,), (-3, 3), 42),
    K.ONLINE.value: ((R.INTERESTED, R.VOLUNTEER), (15, 28), 21),
    K.OTHER.value: ((R.VOLUNTEER, R.COORDINATOR), (40, 50), 35),
}
SERIES_PARTICIPANTS = 16


def register_small(
    rows: RowSet,
    rng: random.Random,
    now: dt.datetime,
    plan: Plan,
    people: dict[PersonRole, list[int]],
) -> None:
    for event in plan.events:
        if event.status == EventStatus.IDEA.value or event.kind not in DEMAND:
            continue
        if event.fully_booked:
            _book_fully(rows, rng, now, event, people[R.COORDINATOR])
            continue
        roles, (low, high), window = DEMAND[event.kind]
        pool = [pid for role in roles for pid in people[role]]
        count = rng.randint(low, high)
        if kind_counts_from_capacity(event):
            count += event.capacity or 0
        opens = event.starts_at - dt.timedelta(days=window)
        arrivals = []
        for person_id in rng.sample(pool, min(count, len(pool))):
            at = moment(rng, opens, event.starts_at - dt.timedelta(days=1))
            if at < now:
                arrivals.append(_arrival(rng, person_id, at, min(now, event.starts_at)))
        _book(rows, rng, now, event, arrivals)
    _book_series(rows, rng, now, plan.earlier_modules, people[R.VOLUNTEER])
    _book_series(rows, rng, now, plan.modules, people[R.VOLUNTEER])


def kind_counts_from_capacity(event: Planned) -> bool:
    """Trainings fill up to about their capacity; other events draw a fixed number."""
    return event.kind == K.COORDINATOR_TRAINING.value


def moment(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """A random minute between start and end, at a time of day people write e-mails."""
    span = max(int((end - start).total_seconds() // 60), 1)
    at = start + dt.timedelta(minutes=rng.randrange(span))
    if not 7 <= at.hour < 22:
        at = at.replace(hour=rng.randrange(8, 21))
    return min(max(at, start), end)


def _arrival(rng: random.Random, person_id: int, at: dt.datetime, latest: dt.datetime) -> Arrival:
    cancelled = None
    if rng.random() < CANCELLATION and latest - at > dt.timedelta(hours=2):
        cancelled = moment(rng, at + dt.timedelta(hours=1), latest - dt.timedelta(minutes=30))
    return Arrival(at, person_id, cancelled, rng.choice(SOURCES))


def _book(
    rows: RowSet, rng: random.Random, now: dt.datetime, event: Planned, arrivals: list[Arrival]
) -> Booked:
    held = event.ends_at if event.starts_at < now else None
    return book_event(
        rows,
        event.id,
        event.capacity,
        arrivals,
        held_at=held,
        attends=lambda _person: rng.random() < ATTENDANCE,
    )


def _book_fully(
    rows: RowSet, rng: random.Random, now: dt.datetime, event: Planned, pool: list[int]
) -> None:
    """The training in three weeks: every place taken, four on the waitlist, two cancelled."""
    capacity = event.capacity or 15
    persons = rng.sample(pool, capacity + 6)
    times = sorted(
        moment(rng, now - dt.timedelta(days=20), now - dt.timedelta(hours=2)) for _ in persons
    )
    arrivals = [
        Arrival(at, pid, None, rng.choice(SOURCES)) for at, pid in zip(times, persons, strict=True)
    ]
    for index in (2, 5):
        early = arrivals[index]
        cancel = moment(rng, times[-1] + dt.timedelta(minutes=5), now - dt.timedelta(minutes=30))
        arrivals[index] = early._replace(cancelled_at=cancel)
    _book(rows, rng, now, event, arrivals)


def _book_series(
    rows: RowSet, rng: random.Random, now: dt.datetime, modules: list[Planned], pool: list[int]
) -> None:
    """A series registration is a registration for every module; some miss one."""
    first = modules[0].starts_at
    participants = rng.sample(pool, SERIES_PARTICIPANTS)
    signed_up = {
        pid: moment(rng, first - dt.timedelta(days=40), first - dt.timedelta(days=5))
        for pid in participants
    }
    quitter = participants[-1]
    for number, module in enumerate(modules, start=1):
        held = module.ends_at if module.starts_at < now else None
        absent = set(rng.sample(participants[:-1], rng.randint(1, 2))) if held else set()
        arrivals = []
        for pid, at in signed_up.items():
            cancelled = None
            if pid == quitter and number > 2:
                cancelled = min(now, modules[1].ends_at + dt.timedelta(days=3))
            arrivals.append(Arrival(at, pid, cancelled, "Anmeldung zur Reihe"))
        book_event(
            rows, module.id, module.capacity, arrivals, held_at=held, attends=_present(absent)
        )


def _present(absent: set[int]) -> Callable[[int], bool]:
    return lambda person_id: person_id not in absent
