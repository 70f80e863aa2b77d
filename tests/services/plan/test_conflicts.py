"""Conflicts: holidays of Sachsen-Anhalt in German, weekends, overlapping events."""

import datetime as dt

from patenbuero.services.plan import conflicts, events
from tests.helpers.plan_builders import NOW, meeting


def test_holidays_of_sachsen_anhalt_are_german_whatever_the_locale(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    found = conflicts.holidays_in(2026)
    assert found[dt.date(2026, 1, 6)] == "Heilige Drei Könige"
    assert found[dt.date(2026, 10, 31)] == "Reformationstag"
    assert found[dt.date(2026, 12, 25)] == "Erster Weihnachtstag"
    assert dt.date(2026, 11, 18) not in found  # Buß- und Bettag is Saxony's, not ours
    assert not any("Day" in name or "Christmas" in name for name in found.values())


def test_date_conflicts_name_holiday_and_weekend() -> None:
    found = conflicts.date_conflicts(dt.datetime(2026, 10, 31, 10), dt.datetime(2026, 10, 31, 14))
    assert [c.kind for c in found] == ["holiday", "weekend"]
    assert "Reformationstag" in found[0].message
    assert "Samstag" in found[1].message
    assert (
        conflicts.date_conflicts(dt.datetime(2026, 3, 11, 16), dt.datetime(2026, 3, 11, 18)) == []
    )


def test_overlaps_with_other_events_but_not_cancelled_ones_or_itself(db) -> None:
    first = events.create_event(db, meeting(), now=NOW)
    found = conflicts.check_date(
        db, dt.datetime(2026, 3, 11, 17), dt.datetime(2026, 3, 11, 19), event_id=None
    )
    assert [c.other_event_id for c in found] == [first]
    assert "Vernetzungstreffen März 2026" in found[0].message
    assert "16:00–18:00" in found[0].message
    # back to back is no conflict, nor is the event itself
    assert (
        conflicts.check_date(db, dt.datetime(2026, 3, 11, 18), dt.datetime(2026, 3, 11, 19)) == []
    )
    assert (
        conflicts.check_date(
            db, dt.datetime(2026, 3, 11, 16), dt.datetime(2026, 3, 11, 18), event_id=first
        )
        == []
    )
    events.cancel_event(db, first)
    assert (
        conflicts.check_date(db, dt.datetime(2026, 3, 11, 17), dt.datetime(2026, 3, 11, 19)) == []
    )


def test_all_day_event_overlaps_every_meeting_that_day(db) -> None:
    day = meeting(
        title="Fachtag",
        all_day=True,
        starts_at=dt.datetime(2026, 11, 12),
        ends_at=dt.datetime(2026, 11, 12),
    )
    fachtag = events.create_event(db, day, now=NOW)
    meeting_id = events.create_event(db, meeting(starts_at=dt.datetime(2026, 11, 12, 18)), now=NOW)
    year = conflicts.year_conflicts(db, 2026)
    assert [c.other_event_id for c in year[fachtag]] == [meeting_id]
    assert [c.other_event_id for c in year[meeting_id]] == [fachtag]


def test_year_conflicts_find_every_overlapping_pair_and_only_those(db) -> None:
    times = [
        (dt.datetime(2026, 5, 4, 9), dt.datetime(2026, 5, 4, 17), False),  # long day
        (dt.datetime(2026, 5, 4, 10), dt.datetime(2026, 5, 4, 11), False),  # inside it
        (dt.datetime(2026, 5, 4, 16), dt.datetime(2026, 5, 4, 18), False),  # overlaps its end
        (dt.datetime(2026, 5, 4, 17), dt.datetime(2026, 5, 4, 19), False),  # back to back
        (dt.datetime(2026, 5, 5), dt.datetime(2026, 5, 6), True),  # two whole days
        (dt.datetime(2026, 5, 6, 20), dt.datetime(2026, 5, 6, 21), False),  # its evening
        (dt.datetime(2026, 5, 7, 9), dt.datetime(2026, 5, 7, 10), False),  # alone
        (dt.datetime(2026, 5, 4, 10), dt.datetime(2026, 5, 4, 11), False),  # same as the 2nd
    ]
    ids = [
        events.create_event(
            db,
            meeting(title=f"Termin {n}", starts_at=start, ends_at=end, all_day=all_day),
            now=NOW,
        )
        for n, (start, end, all_day) in enumerate(times)
    ]
    spans = [conflicts.span(*t) for t in times]
    expected = {
        ids[n]: sorted(
            (times[m][0], ids[m])
            for m in range(len(times))
            if m != n and spans[m][0] < spans[n][1] and spans[n][0] < spans[m][1]
        )
        for n in range(len(times))
    }

    found = conflicts.year_conflicts(db, 2026)

    for event_id in ids:
        overlaps = [c for c in found.get(event_id, []) if c.kind == conflicts.OVERLAP]
        assert [c.other_event_id for c in overlaps] == [i for _start, i in expected[event_id]]
        assert all(
            c.message == f"Gleichzeitig: „Termin {ids.index(c.other_event_id)}“." for c in overlaps
        )
    assert expected[ids[0]] and not expected[ids[6]]
    assert ids[3] not in [i for _s, i in expected[ids[0]]]  # back to back is no conflict
