"""Recurring meetings: the dates a rule yields, and changing one or all following."""

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.plan import events, recurrence
from patenbuero.services.plan.use_cases import list_events
from tests.helpers.plan_builders import NOW, meeting, quarterly

BERLIN = ZoneInfo("Europe/Berlin")


def test_second_wednesday_of_each_quarter_month() -> None:
    starts = [start for start, _end in recurrence.dates(quarterly())]
    assert [s.date() for s in starts] == [
        dt.date(2026, 3, 11),
        dt.date(2026, 6, 10),
        dt.date(2026, 9, 9),
        dt.date(2026, 12, 9),
    ]
    assert all(s.weekday() == 2 and 8 <= s.day <= 14 for s in starts)


def test_wall_clock_stays_across_daylight_saving_changes() -> None:
    # Weekly Wednesdays from early March to early November cross both changes
    # (29 March 2026: CET→CEST, 25 October 2026: CEST→CET).
    rule = quarterly(
        first=dt.date(2026, 3, 1), last=dt.date(2026, 11, 10), frequency="weekly", months=()
    )
    occurrences = recurrence.dates(rule)
    assert {(s.hour, s.minute, e.hour) for s, e in occurrences} == {(16, 0, 18)}
    offsets = {s.replace(tzinfo=BERLIN).utcoffset() for s, _e in occurrences}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    days = [s.date() for s, _e in occurrences]
    assert dt.date(2026, 3, 25) in days and dt.date(2026, 4, 1) in days
    assert dt.date(2026, 10, 21) in days and dt.date(2026, 10, 28) in days


def test_last_weekday_and_describe_in_german() -> None:
    rule = quarterly(week_of_month=-1, weekday=4, months=(10,))
    assert [s.date() for s, _ in recurrence.dates(rule)] == [dt.date(2026, 10, 30)]
    assert rule.describe() == "jeden letzten Freitag im Oktober, 16:00–18:00 Uhr"
    assert quarterly().describe() == (
        "jeden zweiten Mittwoch im März, Juni, September und Dezember, 16:00–18:00 Uhr"
    )


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (quarterly(months=(2,), week_of_month=-1, last=dt.date(2026, 1, 31)), "keinen einzigen"),
        (quarterly(frequency="weekly", months=(), last=dt.date(2028, 12, 31)), "mehr als 100"),
        (quarterly(end_time=dt.time(15)), "Ende der Termine liegt vor"),
        (quarterly(last=dt.date(2025, 1, 1)), "vor seinem Anfang"),
    ],
)
def test_bad_rules_are_refused_in_german(db, rule, words) -> None:
    with pytest.raises(ValidationError) as refused:
        recurrence.create_recurring(db, meeting(), rule, now=NOW)
    assert words in str(refused.value)
    assert list_events(db) == []


def test_preview_marks_conflicts_and_create_makes_the_set(db) -> None:
    rule = quarterly(
        weekday=5, week_of_month=1, months=(10,), start_time=dt.time(10), end_time=dt.time(14)
    )
    (occurrence,) = recurrence.preview(db, rule)
    assert occurrence.starts_at == dt.datetime(2026, 10, 3, 10)
    messages = " ".join(c.message for c in occurrence.conflicts)
    assert "Tag der Deutschen Einheit" in messages and "Samstag" in messages
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    rows = list_events(db, 2026)
    assert [r.id for r in rows] == ids
    assert len({r.recurrence_id for r in rows}) == 1 and rows[0].recurrence_id


def test_one_occurrence_moves_or_is_cancelled_alone(db) -> None:
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    june = events.get_event(db, ids[1])
    moved = dataclasses.replace(
        june,
        starts_at=dt.datetime(2026, 6, 17, 15),
        ends_at=dt.datetime(2026, 6, 17, 17),
    )
    events.update_event(db, ids[1], moved, now=NOW)
    events.cancel_event(db, ids[2], now=NOW)
    rows = {r.id: r for r in list_events(db, 2026)}
    assert rows[ids[1]].starts_at == dt.datetime(2026, 6, 17, 15)
    assert rows[ids[2]].status_label == "abgesagt"
    assert rows[ids[0]].starts_at == dt.datetime(2026, 3, 11, 16)
    assert rows[ids[3]].starts_at == dt.datetime(2026, 12, 9, 16)
    assert rows[ids[3]].status == "planned"


def test_change_all_following(db) -> None:
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    events.cancel_event(db, ids[3], now=NOW)
    june = events.get_event(db, ids[1])
    later = dataclasses.replace(
        june,
        location="Stadtbibliothek Halle",
        starts_at=june.starts_at.replace(hour=17),
        ends_at=june.ends_at.replace(hour=19, minute=30),
    )
    recurrence.update_following(db, ids[1], later, now=NOW)
    rows = {r.id: r for r in list_events(db, 2026)}
    assert rows[ids[0]].location == "Freiwilligen-Agentur Halle"
    assert rows[ids[0]].starts_at.hour == 16
    for event_id in ids[1:]:
        assert rows[event_id].location == "Stadtbibliothek Halle"
        assert (rows[event_id].starts_at.hour, rows[event_id].ends_at.time()) == (
            17,
            dt.time(19, 30),
        )
    assert rows[ids[2]].starts_at.date() == dt.date(2026, 9, 9)
    assert rows[ids[3]].status == "cancelled"  # cancelled alone, stays cancelled
