"""Two PCs edit the same event (and its Tagesordnung): no change is silently lost."""

import dataclasses

import pytest

from patenbuero.errors import ConflictError
from patenbuero.services.core.database import open_database
from patenbuero.services.plan import events
from patenbuero.services.plan.agenda import AgendaInput
from tests.helpers.databases import target_of
from tests.helpers.plan_builders import NOW, meeting


@pytest.fixture
def two_pcs(db):
    other = open_database(target_of(db))
    yield db, other
    other.dispose()


def test_event_lost_update_is_caught(two_pcs) -> None:
    pc_a, pc_b = two_pcs
    event_id = events.create_event(pc_a, meeting(), now=NOW)
    seen_by_a = events.get_event_for_editing(pc_a, event_id)
    seen_by_b = events.get_event_for_editing(pc_b, event_id)
    events.update_event(
        pc_b,
        event_id,
        dataclasses.replace(seen_by_b.data, location="Stadthaus, Saal 2"),
        expected_version=seen_by_b.version,
    )
    with pytest.raises(ConflictError) as raised:
        events.update_event(
            pc_a,
            event_id,
            dataclasses.replace(seen_by_a.data, speaker="Dr. Ebert"),
            expected_version=seen_by_a.version,
        )
    conflict = raised.value
    assert conflict.theirs.location == "Stadthaus, Saal 2"
    assert conflict.mine.speaker == "Dr. Ebert" and conflict.mine.location != "Stadthaus, Saal 2"
    assert events.get_event(pc_b, event_id).speaker == ""


def test_agenda_change_counts_as_an_event_change(two_pcs) -> None:
    pc_a, pc_b = two_pcs
    event_id = events.create_event(pc_a, meeting(), now=NOW)
    seen_by_a = events.get_event_for_editing(pc_a, event_id)
    seen_by_b = events.get_event_for_editing(pc_b, event_id)
    items = [AgendaInput("Begrüßung", 10, "", ""), AgendaInput("Berichte", 40, "", "")]
    events.update_event(
        pc_b, event_id, seen_by_b.data, agenda_items=items, expected_version=seen_by_b.version
    )
    assert events.get_event_for_editing(pc_a, event_id).version == seen_by_b.version + 1
    with pytest.raises(ConflictError) as raised:
        events.update_event(
            pc_a,
            event_id,
            dataclasses.replace(seen_by_a.data, title="Vernetzungstreffen (neu)"),
            agenda_items=[],
            expected_version=seen_by_a.version,
        )
    assert [item.title for item in raised.value.theirs.agenda] == ["Begrüßung", "Berichte"]
    assert raised.value.mine.agenda == ()


def test_negative_control_without_version_the_location_is_lost(two_pcs) -> None:
    pc_a, pc_b = two_pcs
    event_id = events.create_event(pc_a, meeting(), now=NOW)
    seen = events.get_event_for_editing(pc_a, event_id)
    events.update_event(pc_b, event_id, dataclasses.replace(seen.data, location="Stadthaus"))
    events.update_event(pc_a, event_id, dataclasses.replace(seen.data, speaker="Dr. Ebert"))
    assert events.get_event(pc_b, event_id).location != "Stadthaus"
