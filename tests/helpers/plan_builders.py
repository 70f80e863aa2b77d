"""Builders for the Jahresplanung tests."""

import datetime as dt

import pytest

from patenbuero.services.plan.events import EventInput
from patenbuero.services.plan.recurrence import RecurrenceRule

NOW = dt.datetime(2026, 1, 15, 10, 0)


def meeting(**values) -> EventInput:
    start = values.pop("starts_at", dt.datetime(2026, 3, 11, 16, 0))
    return EventInput(
        title=values.pop("title", "Vernetzungstreffen März 2026"),
        kind=values.pop("kind", "network_meeting"),
        starts_at=start,
        ends_at=values.pop("ends_at", start + dt.timedelta(hours=2)),
        location=values.pop("location", "Freiwilligen-Agentur Halle"),
        address=values.pop("address", "Leipziger Straße 82, 06108 Halle (Saale)"),
        **values,
    )


def quarterly(first=dt.date(2026, 1, 1), last=dt.date(2026, 12, 31), **values) -> RecurrenceRule:
    """Every second Wednesday in March, June, September and December, 16:00–18:00."""
    return RecurrenceRule(
        first_day=first,
        last_day=last,
        start_time=values.pop("start_time", dt.time(16)),
        end_time=values.pop("end_time", dt.time(18)),
        weekday=values.pop("weekday", 2),
        week_of_month=values.pop("week_of_month", 2),
        months=values.pop("months", (3, 6, 9, 12)),
        **values,
    )


@pytest.fixture
def now() -> dt.datetime:
    return NOW
