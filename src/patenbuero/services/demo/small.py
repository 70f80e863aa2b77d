"""The small demo: one lively year of the network, built around today."""

from __future__ import annotations

import datetime as dt
import random

from patenbuero.db.enums import PersonRole
from patenbuero.services.demo.events import build_plan
from patenbuero.services.demo.inquiries import add_small_inquiries
from patenbuero.services.demo.meetings import add_agenda, add_tasks
from patenbuero.services.demo.people import add_persons, settle_created_at
from patenbuero.services.demo.projects import build_network
from patenbuero.services.demo.registrations import register_small
from patenbuero.services.demo.rows import RowSet

OFFICE_OPENS = dt.time(8, 0)  # "now" is the morning of today: later events are still to come
PERSONS = {
    PersonRole.COORDINATOR: 34,
    PersonRole.VOLUNTEER: 56,
    PersonRole.INTERESTED: 24,
    PersonRole.SPEAKER: 6,
}


def build_small(rows: RowSet, rng: random.Random, today: dt.date) -> None:
    now = dt.datetime.combine(today, OFFICE_OPENS)
    network = build_network(rows, rng, today)
    plan = build_plan(rows, rng, now, network)
    add_agenda(rows, rng, plan.events, network)
    add_tasks(rows, rng, today, plan.events, network)
    people = add_persons(rows, rng, now, network, PERSONS)
    register_small(rows, rng, now, plan, people)
    settle_created_at(rows)
    add_small_inquiries(rows, rng, today, network)
