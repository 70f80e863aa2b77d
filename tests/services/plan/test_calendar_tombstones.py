"""A deleted event stays in the .ics for a year as a cancelled entry with a higher SEQUENCE."""

import dataclasses
import datetime as dt

import icalendar

from patenbuero.services.plan import calendar_export, events, recurrence
from tests.helpers.plan_builders import NOW, meeting, quarterly


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_deleted_event_is_exported_as_cancelled_for_a_year(db) -> None:
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    june = events.get_event(db, ids[1])
    events.update_event(db, ids[1], dataclasses.replace(june, location="Stadtbibliothek"))
    uid = calendar_export.event_uid(ids[1])
    before = _events(calendar_export.export_year(db, 2026, now=NOW))[uid]
    deleted_at = dt.datetime(2026, 3, 1, 12, 0)
    events.delete_event(db, ids[1], now=deleted_at)

    soon = _events(calendar_export.export_year(db, 2026, now=deleted_at + dt.timedelta(days=3)))
    entry = soon[uid]
    assert str(entry["STATUS"]) == "CANCELLED"
    assert int(entry["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert entry.decoded("DTSTART") == before.decoded("DTSTART")
    assert str(entry["SUMMARY"]) == str(before["SUMMARY"])
    assert len(soon) == len(ids)
    assert str(soon[calendar_export.event_uid(ids[0])]["STATUS"]) != "CANCELLED"

    later = deleted_at + dt.timedelta(days=366)
    assert uid not in _events(calendar_export.export_year(db, 2026, now=later))
    assert uid not in _events(calendar_export.export_year(db, 2027, now=deleted_at))
