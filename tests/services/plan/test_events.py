"""The event rules: bad input refused in German, nothing half-stored, capacity via booking."""

import dataclasses
import datetime as dt

import pytest

from patenbuero.db.models import Event
from patenbuero.errors import ValidationError
from patenbuero.services.plan import events
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_series, person
from tests.helpers.plan_builders import NOW, meeting


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "  "}, "title", "Titel"),
        ({"ends_at": dt.datetime(2026, 3, 11, 15)}, "ends_at", "Ende liegt vor dem Beginn"),
        ({"registration_deadline": dt.date(2026, 3, 12)}, "registration_deadline", "nach der"),
        ({"capacity": -1}, "capacity", "negativ"),
        ({"online_url": "zoom.us/j/1"}, "online_url", "https://"),
    ],
)
def test_bad_input_is_refused(db, changes, field, words) -> None:
    with pytest.raises(ValidationError) as refused:
        events.create_event(db, meeting(**changes), now=NOW)
    assert refused.value.field == field
    assert words in str(refused.value)
    assert list_events(db) == []


def test_create_and_read_back_with_speaker_and_responsible(db) -> None:
    event_id = events.create_event(db, meeting(speaker="Dr. Henriette Voß", capacity=30), now=NOW)
    (row,) = list_events(db, 2026)
    assert (row.id, row.speaker, row.responsible, row.capacity) == (
        event_id,
        "Dr. Henriette Voß",
        "Koordinierungsstelle",
        30,
    )
    assert events.get_event(db, event_id).speaker == "Dr. Henriette Voß"


def test_calendar_changes_raise_the_sequence_other_changes_do_not(db) -> None:
    event_id = events.create_event(db, meeting(), now=NOW)
    data = events.get_event(db, event_id)
    events.update_event(db, event_id, dataclasses.replace(data, description="Mit Imbiss"))
    assert _sequence(db, event_id) == 0
    events.update_event(db, event_id, dataclasses.replace(data, location="Stadtbibliothek"))
    assert _sequence(db, event_id) == 1
    events.cancel_event(db, event_id)
    assert _sequence(db, event_id) == 2


def test_capacity_below_confirmed_is_refused_and_raising_moves_up(db) -> None:
    event_id = events.create_event(db, meeting(capacity=1), now=NOW)
    register_person(db, event_id, person("Ayşe", "Yılmaz", "ayse@example.org"), now=NOW)
    register_person(db, event_id, person("Mai", "Nguyễn", "mai@example.org"), now=NOW)
    data = events.get_event(db, event_id)
    with pytest.raises(ValidationError) as refused:
        events.update_event(db, event_id, dataclasses.replace(data, capacity=0, title="Neu"))
    assert refused.value.field == "capacity" and "nicht unter 1" in str(refused.value)
    assert list_events(db)[0].title == "Vernetzungstreffen März 2026"  # nothing half-saved
    result = events.update_event(db, event_id, dataclasses.replace(data, capacity=2))
    assert [m.full_name for m in result.moved_up] == ["Mai Nguyễn"]


def test_series_module_numbers_are_checked(db) -> None:
    series_id, _modules = add_series(db, modules=4)
    taken = meeting(kind="series_module", series_id=series_id, module_number=2)
    with pytest.raises(ValidationError, match=r"Modul 2 .* schon vergeben"):
        events.create_event(db, taken)
    with pytest.raises(ValidationError, match="1 bis 4"):
        events.create_event(db, dataclasses.replace(taken, module_number=5))


def test_event_with_registrations_cannot_be_deleted(db) -> None:
    event_id = events.create_event(db, meeting(), now=NOW)
    register_person(db, event_id, person("Jörg", "Weiß"), now=NOW)
    with pytest.raises(ValidationError, match=r"Sagen Sie die Veranstaltung stattdessen ab"):
        events.delete_event(db, event_id)
    other = events.create_event(db, meeting(title="Probe"), now=NOW)
    events.delete_event(db, other)
    assert [r.id for r in list_events(db)] == [event_id]


def _sequence(db, event_id: int) -> int:
    with db.reading() as session:
        return session.get(Event, event_id).ics_sequence
