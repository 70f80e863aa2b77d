"""The yearly plan of the small demo: this year and the first four months of the next.

Fixed dates follow the network's rhythm (Vernetzungstreffen on the second
Wednesday of every quarter's last month, the Fachtag in November); a few dates
are placed relative to today, so that whenever the demo is made there is a
training series in progress and a fully booked training in three weeks.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import NamedTuple

from dateutil.relativedelta import FR, SA, TH, TU
from dateutil.relativedelta import relativedelta as rd
from dateutil.rrule import MONTHLY, WE, rrule

from patenbuero.db.enums import EventKind, EventStatus
from patenbuero.db.models import Series
from patenbuero.services.demo import reference
from patenbuero.services.demo.planner import EventWriter, Planned
from patenbuero.services.demo.projects import Network
from patenbuero.services.demo.rows import RowSet

K = EventKind
TRAININGS = (
    # theme, month counted from January of this year (None: in three weeks), capacity, speaker
    ("Fundraising für kleine Projekte", 2, 18, "Frank Hübner, Fundraising-Berater"),
    ("Resilienz: gut für sich sorgen im Ehrenamt", 5, 16, "Dr. Henriette Voß, Psychologin"),
    ("Interkulturelle Öffnung von Patenprojekten", 9, 20, "Nilüfer Çelik, Trainerin"),
    ("Kinderschutz in Patenschaften", None, 15, "Ulrike Zöllner, Kinderschutzfachkraft"),
    ("Digitalisierung: Ehrenamt online koordinieren", 14, 15, "Marco Engelhardt, Digitalberater"),
)
MODULES = (  # theme, days from today
    ("Rolle und Haltung als Pat:in", -63),
    ("Kommunikation, Nähe und Distanz", -28),
    ("Kinderschutz und Grenzen", 14),
    ("Vielfalt, Abschied und Reflexion", 49),
)
INFO_STANDS = (  # month counted from January of this year, venue
    (3, reference.LIBRARY),
    (5, reference.MARKET),
    (9, reference.MARKET),
    (10, reference.LIBRARY),
    (15, reference.LIBRARY),
)
STAND_TEXT = "Pat:innen und Koordinator:innen stellen die Projekte vor; Flyer liegen aus."


EARLIER_SERIES_SHIFT = -245  # days: the previous round of the series, finished in spring


class Plan(NamedTuple):
    events: list[Planned]
    series_id: int
    modules: list[Planned]
    earlier_modules: list[Planned]


def build_plan(rows: RowSet, rng: random.Random, now: dt.datetime, network: Network) -> Plan:
    add = EventWriter(rows, rng, now, network)
    _meetings(add, rng, now.year)
    _fachtag(add, now.year)
    _trainings(add, now)
    _earlier_id, earlier_modules = _series(
        rows,
        add,
        now,
        shift=EARLIER_SERIES_SHIFT,
        title="Fortbildungsreihe für Pat:innen (Frühjahr)",
    )
    series_id, modules = _series(rows, add, now)
    for month, venue in INFO_STANDS:
        start = _month_start(now.year, month, 10) + rd(weekday=SA(+2))
        responsible = rng.choice(network.active)
        add(
            "Infostand des Patenschaftsnetzwerks",
            K.INFO_STAND,
            start,
            start + rd(hours=4),
            venue=venue,
            responsible=responsible,
            description=STAND_TEXT,
        )
    _online(add, now)
    thanks = _month_start(now.year, 12, 18) + rd(weekday=FR(+1))
    add(
        "Dankeschön-Abend für alle Pat:innen",
        K.OTHER,
        thanks,
        thanks + rd(hours=3),
        capacity=60,
        venue=reference.VENUES[1],
        description="Mit Musik, Buffet und der Ehrung langjähriger Pat:innen.",
    )
    party = _month_start(now.year, 16, 14) + rd(weekday=SA(+4))
    add(
        "Patenschaftsfest im Park",
        K.OTHER,
        party,
        party + rd(hours=4),
        status=EventStatus.IDEA,
        description="Idee aus dem Vernetzungstreffen: ein Fest für Pat:innen und Patenkinder.",
    )
    return Plan(add.events, series_id, modules, earlier_modules)


def _month_start(year: int, month: int, hour: int) -> dt.datetime:
    """The first of a month counted from January of ``year`` (13 is next January)."""
    return dt.datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1, hour)


def _meetings(add: EventWriter, rng: random.Random, year: int) -> None:
    network = add.network
    hosts = rng.sample(network.active, 8)
    names = {pid: name for name, pid in network.project_ids.items()}
    rule = rrule(
        MONTHLY, bymonth=(3, 6, 9, 12), byweekday=WE(+2), dtstart=_month_start(year, 1, 16)
    )
    for number, start in enumerate(
        rule.between(_month_start(year, 1, 0), _month_start(year, 17, 0))
    ):
        host = hosts[number % len(hosts)]
        add(
            f"Vernetzungstreffen {reference.MONTHS[start.month - 1]} {start.year}",
            K.NETWORK_MEETING,
            start,
            start + rd(hours=2),
            capacity=40,
            venue=(f"Zu Gast bei {names[host]}", network.addresses[host]),
            responsible=host,
            description="Austausch der Mitgliedsprojekte mit Schwerpunktthema; die Einladung "
            "mit Tagesordnung geht an den Verteiler.",
            recurrence_id=f"vernetzungstreffen-{year}",
        )


def _fachtag(add: EventWriter, year: int) -> None:
    start = _month_start(year, 11, 9) + rd(weekday=TH(+2))
    add(
        f"Fachtag Patenschaften {year}: Beziehungen, die tragen",
        K.SPECIALIST_DAY,
        start,
        start + rd(hours=7),
        capacity=80,
        venue=reference.VENUES[4],
        speaker="Prof. Dr. Miriam Ebert (Hochschule Merseburg)",
        description="Vorträge und Workshops für Koordinator:innen und Engagierte aus allen "
        "Mitgliedsprojekten, mit Mittagsimbiss.",
        deadline_days=14,
    )


def _trainings(add: EventWriter, now: dt.datetime) -> None:
    for theme, month, capacity, speaker in TRAININGS:
        if month is None:
            start = dt.datetime.combine(now.date() + rd(days=21, weekday=TU), dt.time(14))
        else:
            start = _month_start(now.year, month, 14) + rd(weekday=TU(+3))
        add(
            f"Fortbildung für Koordinator:innen: {theme}",
            K.COORDINATOR_TRAINING,
            start,
            start + rd(hours=3, minutes=30),
            capacity=capacity,
            venue=reference.OFFICE_LOCATION,
            speaker=speaker,
            fully_booked=month is None,
        )


def _series(
    rows: RowSet,
    add: EventWriter,
    now: dt.datetime,
    *,
    shift: int = 0,
    title: str = "Fortbildungsreihe für Pat:innen",
) -> tuple[int, list[Planned]]:
    series_id = rows.add(
        Series,
        title=title,
        description="Vier Module zur Vorbereitung und Begleitung von Patenschaften; die "
        "Teilnahmebescheinigung setzt alle vier Module voraus.",
        module_count=len(MODULES),
        required_modules=len(MODULES),
    )
    modules = []
    for number, (theme, offset) in enumerate(MODULES, start=1):
        start = dt.datetime.combine(now.date() + rd(days=offset + shift, weekday=SA), dt.time(10))
        module = add(
            f"Modul {number}: {theme}",
            K.SERIES_MODULE,
            start,
            start + rd(hours=5),
            capacity=20,
            venue=reference.OFFICE_LOCATION,
            speaker=reference.OFFICE_STAFF[number % 2],
            series=(series_id, number),
        )
        modules.append(module)
    return series_id, modules


def _online(add: EventWriter, now: dt.datetime) -> None:
    past = _month_start(now.year, 4, 18) + rd(weekday=TU(+3))
    soon = dt.datetime.combine(now.date() + rd(days=9, weekday=TU), dt.time(18))
    for title, start, slug in (
        ("Online-Austausch: Datenschutz in Patenprojekten", past, "datenschutz"),
        ("Online-Sprechstunde: Versicherungsschutz im Ehrenamt", soon, "versicherung"),
    ):
        add(
            title,
            K.ONLINE,
            start,
            start + rd(hours=1, minutes=30),
            url=f"https://meet.example.org/patenschaften-{slug}",
            speaker=reference.OFFICE_STAFF[2],
            description="Per Videokonferenz; den Zugangslink erhalten Angemeldete per E-Mail.",
        )
