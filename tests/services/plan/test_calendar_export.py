"""The .ics file, parsed back with icalendar: stable UIDs, growing SEQUENCE, time zone."""

import dataclasses
import datetime as dt

import icalendar

from patenbuero.services.plan import calendar_export, events, recurrence
from patenbuero.services.plan.agenda import AgendaInput
from tests.helpers.plan_builders import NOW, meeting, quarterly


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_uids_are_stable_and_sequence_grows_after_a_change(db) -> None:
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    first = calendar_export.export_year(db, 2026)
    assert first == calendar_export.export_year(db, 2026)  # nothing depends on the export time
    before = _events(first)
    assert set(before) == {f"veranstaltung-{i}@patenschaften-halle.de" for i in ids}
    june = events.get_event(db, ids[1])
    events.update_event(db, ids[1], dataclasses.replace(june, location="Stadtbibliothek"))
    events.cancel_event(db, ids[2])
    after = _events(calendar_export.export_year(db, 2026))
    assert set(after) == set(before)
    uid = calendar_export.event_uid
    assert int(after[uid(ids[0])]["SEQUENCE"]) == int(before[uid(ids[0])]["SEQUENCE"]) == 0
    assert int(after[uid(ids[1])]["SEQUENCE"]) == 1
    assert "Stadtbibliothek" in str(after[uid(ids[1])]["LOCATION"])
    assert str(after[uid(ids[2])]["STATUS"]) == "CANCELLED"
    assert str(after[uid(ids[0])]["STATUS"]) == "TENTATIVE"


def test_times_in_europe_berlin_with_vtimezone(db) -> None:
    events.create_event(
        db,
        meeting(online_url="https://meet.example.org/netzwerk"),
        agenda_items=[AgendaInput("Begrüßung", 15), AgendaInput("Schwerpunkt", 45)],
        now=NOW,
    )
    data = calendar_export.export_year(db, 2026)
    text = data.decode()
    assert "DTSTART;TZID=Europe/Berlin:20260311T160000" in text
    calendar = icalendar.Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    (vevent,) = calendar.walk("VEVENT")
    start = vevent.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=1)  # 11 March: winter time
    assert start.astimezone(dt.UTC).hour == 15
    description = str(vevent["DESCRIPTION"])
    assert "16:15 Schwerpunkt" in description
    assert "https://meet.example.org/netzwerk" in description
    assert vevent.decoded("DTSTAMP").tzinfo is not None


def test_summer_event_and_all_day_event(db) -> None:
    events.create_event(db, meeting(starts_at=dt.datetime(2026, 6, 10, 16)), now=NOW)
    events.create_event(
        db,
        meeting(
            title="Fachtag",
            all_day=True,
            starts_at=dt.datetime(2026, 11, 12),
            ends_at=dt.datetime(2026, 11, 13),
        ),
        now=NOW,
    )
    summer, fachtag = icalendar.Calendar.from_ical(calendar_export.export_year(db, 2026)).walk(
        "VEVENT"
    )
    assert summer.decoded("DTSTART").utcoffset() == dt.timedelta(hours=2)
    assert fachtag.decoded("DTSTART") == dt.date(2026, 11, 12)
    assert fachtag.decoded("DTEND") == dt.date(2026, 11, 14)  # exclusive end


def test_selected_events_only(db) -> None:
    ids = recurrence.create_recurring(db, meeting(), quarterly(), now=NOW)
    chosen = _events(calendar_export.export_events(db, ids[:2]))
    assert set(chosen) == {calendar_export.event_uid(i) for i in ids[:2]}
