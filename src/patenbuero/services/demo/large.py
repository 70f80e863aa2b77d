"""The large demo: ten years of an office, for benchmarks.

Same building blocks as the small demo (projects, events, the booking rules),
but drawn in bulk: about 60 projects, 2,000 events, 30,000 persons, 150,000
registrations with their history, and 3,000 inquiries.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import SA, TH
from dateutil.relativedelta import relativedelta as rd
from dateutil.rrule import MONTHLY, WE, rrule

from patenbuero.db.enums import EventKind, PersonRole
from patenbuero.db.models import Series
from patenbuero.services.demo import reference
from patenbuero.services.demo.booking import Arrival, book_event
from patenbuero.services.demo.events import MODULES
from patenbuero.services.demo.inquiries import add_random_inquiries
from patenbuero.services.demo.meetings import add_agenda, add_tasks
from patenbuero.services.demo.people import add_persons, settle_created_at
from patenbuero.services.demo.planner import EventWriter, Planned
from patenbuero.services.demo.projects import build_network
from patenbuero.services.demo.rows import RowSet

K, R = EventKind, PersonRole
OFFICE_OPENS = dt.time(8, 0)
# kind, weight, (capacity range or None), title
OTHER_EVENTS = (
    (K.COORDINATOR_TRAINING, 30, (15, 30), "Fortbildung für Koordinator:innen"),
    (K.INFO_STAND, 15, None, "Infostand des Patenschaftsnetzwerks"),
    (K.ONLINE, 25, None, "Online-Austausch"),
    (K.OTHER, 30, (40, 150), "Netzwerkveranstaltung"),
)
THEMES = ("Fundraising", "Kinderschutz", "Resilienz", "Interkulturalität", "Digitalisierung")


@dataclass(frozen=True)
class LargeSize:
    years: int = 10
    extra_projects: int = 28
    events: int = 2_000
    persons: int = 30_000
    registrations: int = 150_000
    inquiries: int = 3_000
    # one upcoming event this large: what opening, cancelling and printing are timed on
    big_event: int = 1_000


DEFAULT_SIZE = LargeSize()


def build_large(rows: RowSet, rng: random.Random, today: dt.date) -> None:
    size = DEFAULT_SIZE
    now = dt.datetime.combine(today, OFFICE_OPENS)
    network = build_network(rows, rng, today, extra_projects=size.extra_projects)
    shares = {R.COORDINATOR: 6, R.VOLUNTEER: 50, R.INTERESTED: 40, R.SPEAKER: 4}
    people = add_persons(
        rows,
        rng,
        now,
        network,
        {role: size.persons * share // 100 for role, share in shares.items()},
    )
    add = EventWriter(rows, rng, now, network)
    first_year = today.year + 2 - size.years
    series_modules: list[list[Planned]] = []
    for year in range(first_year, today.year + 2):
        count = size.events // size.years - (1 if year == today.year else 0)
        series_modules.append(_year(rows, add, rng, year, count))
    big_event = _big_event(add, today, size.big_event)
    add_agenda(rows, rng, [e for e in add.events if e.kind == K.NETWORK_MEETING.value], network)
    add_tasks(rows, rng, today, add.events, network)
    others = [event for event in add.events if event is not big_event]
    _register(rows, rng, now, others, people, size.registrations, series_modules)
    _fill_big_event(rows, rng, now, big_event, people, size.big_event)
    settle_created_at(rows)
    add_random_inquiries(rows, rng, dt.date(first_year, 1, 1), today, size.inquiries, network)


def _year(
    rows: RowSet, add: EventWriter, rng: random.Random, year: int, count: int
) -> list[Planned]:
    """One year's plan: four meetings, a Fachtag, a series of four modules, and more."""
    start_of_year = dt.datetime(year, 1, 1, 16)
    for start in rrule(
        MONTHLY, bymonth=(3, 6, 9, 12), byweekday=WE(+2), dtstart=start_of_year, count=4
    ):
        month = reference.MONTHS[start.month - 1]
        add(
            f"Vernetzungstreffen {month} {year}",
            K.NETWORK_MEETING,
            start,
            start + rd(hours=2),
            capacity=60,
            responsible=rng.choice(add.network.active),
            recurrence_id=f"vernetzungstreffen-{year}",
        )
    fachtag = dt.datetime(year, 11, 1, 9) + rd(weekday=TH(+2))
    add(
        f"Fachtag Patenschaften {year}",
        K.SPECIALIST_DAY,
        fachtag,
        fachtag + rd(hours=7),
        capacity=200,
        venue=reference.VENUES[4],
    )
    series_id = rows.add(
        Series,
        title=f"Fortbildungsreihe für Pat:innen {year}",
        description="",
        module_count=4,
        required_modules=4,
    )
    modules = []
    for number in range(1, 5):
        start = dt.datetime(year, 2 + 2 * number, 1, 10) + rd(weekday=SA(+1))
        modules.append(
            add(
                f"Modul {number}: {MODULES[number - 1][0]}",
                K.SERIES_MODULE,
                start,
                start + rd(hours=5),
                capacity=25,
                venue=reference.OFFICE_LOCATION,
                series=(series_id, number),
            )
        )
    weights = [entry[1] for entry in OTHER_EVENTS]
    for _ in range(count - 9):
        kind, _weight, capacity_range, title = rng.choices(OTHER_EVENTS, weights)[0]
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        start = dt.datetime.combine(day, dt.time(rng.choice((10, 14, 16, 18))))
        capacity = rng.randint(*capacity_range) if capacity_range else None
        theme = rng.choice(THEMES)
        online = kind == K.ONLINE
        add(
            f"{title}: {theme}",
            kind,
            start,
            start + rd(hours=2),
            capacity=capacity,
            url="https://meet.example.org/patenschaften" if online else "",
            venue=("", "") if online else rng.choice(reference.VENUES),
        )
    return modules


def _big_event(add: EventWriter, today: dt.date, registrations: int) -> Planned:
    start = dt.datetime.combine(today + dt.timedelta(days=20), dt.time(10))
    return add(
        "Jubiläumsfest 15 Jahre Patenschaftsnetzwerk",
        K.OTHER,
        start,
        start + rd(hours=6),
        capacity=registrations * 19 // 20,
        venue=reference.VENUES[4],
    )


def _fill_big_event(
    rows: RowSet,
    rng: random.Random,
    now: dt.datetime,
    event: Planned,
    people: dict[PersonRole, list[int]],
    wanted: int,
) -> None:
    """About 1,000 registrations, the last twentieth of them on the waitlist."""
    everyone = [pid for ids in people.values() for pid in ids]
    wanted = min(wanted, len(everyone) // 2)
    opens = now - dt.timedelta(days=60)
    arrivals = [
        Arrival(_minute(rng, opens, 59 * 24 * 60), pid) for pid in rng.sample(everyone, wanted)
    ]
    book_event(rows, event.id, event.capacity, arrivals)


def _register(
    rows: RowSet,
    rng: random.Random,
    now: dt.datetime,
    events: list[Planned],
    people: dict[PersonRole, list[int]],
    target: int,
    series_modules: list[list[Planned]],
) -> None:
    """Spread about ``target`` registrations over the events, then book them by the rules."""
    everyone = [pid for ids in people.values() for pid in ids]
    coordinators = people[R.COORDINATOR]
    singles = [e for e in events if e.kind not in (K.SERIES_MODULE.value, K.INFO_STAND.value)]
    demand = [(e.capacity or rng.randint(40, 250)) * rng.uniform(0.7, 1.25) for e in singles]
    per_series = 22
    # only events that have opened their registration count, the rest get none yet
    bookable = sum(w for e, w in zip(singles, demand, strict=True) if e.starts_at < now)
    factor = (target - per_series * 4 * len(series_modules)) / max(bookable, 1.0)
    for event, wanted in zip(singles, demand, strict=True):
        pool = coordinators if event.kind in _FOR_COORDINATORS else everyone
        count = min(round(wanted * factor), len(pool))
        _book(rows, rng, now, event, rng.sample(pool, count), rng.randrange(14, 70))
    volunteers = people[R.VOLUNTEER]
    for modules in series_modules:
        participants = rng.sample(volunteers, per_series)
        first = modules[0].starts_at
        times = [_minute(rng, first - dt.timedelta(days=40), 35 * 24 * 60) for _ in participants]
        for module in modules:
            if first >= now:
                continue
            arrivals = [
                Arrival(at, pid, None, "Anmeldung zur Reihe")
                for at, pid in zip(times, participants, strict=True)
            ]
            held = module.ends_at if module.starts_at < now else None
            book_event(
                rows, module.id, module.capacity, arrivals, held_at=held, attends=_attends(rng)
            )


_FOR_COORDINATORS = (K.NETWORK_MEETING.value, K.COORDINATOR_TRAINING.value)


def _book(
    rows: RowSet,
    rng: random.Random,
    now: dt.datetime,
    event: Planned,
    persons: list[int],
    window_days: int,
) -> None:
    opens = event.starts_at - dt.timedelta(days=window_days)
    span = (window_days - 1) * 24 * 60
    latest = min(now, event.starts_at)
    arrivals = []
    for pid in persons:
        at = _minute(rng, opens, span)
        if at >= now:
            continue
        cancelled = None
        if rng.random() < 0.08 and latest - at > dt.timedelta(hours=2):
            cancelled = at + (latest - at) * rng.uniform(0.1, 0.9)
        arrivals.append(Arrival(at, pid, cancelled))
    held = event.ends_at if event.starts_at < now else None
    book_event(rows, event.id, event.capacity, arrivals, held_at=held, attends=_attends(rng))


def _minute(rng: random.Random, start: dt.datetime, span_minutes: int) -> dt.datetime:
    return start + dt.timedelta(minutes=rng.randrange(max(span_minutes, 1)))


def _attends(rng: random.Random) -> Callable[[int], bool]:
    return lambda _person: rng.random() < 0.85
