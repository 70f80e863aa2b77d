"""Tagesordnung: times follow from the event's start, the order and the durations."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.plan import agenda, events
from patenbuero.services.plan.agenda import AgendaInput
from tests.helpers.plan_builders import NOW, meeting

ITEMS = [
    AgendaInput("Begrüßung", 15, "Katrin Schäfer"),
    AgendaInput("Projekt stellt sich vor: Lesewelt Halle", 20),
    AgendaInput("Schwerpunkt: Kinderschutz", 40, "Ulrike Zöllner"),
    AgendaInput("Verschiedenes", 10),
]


def test_times_follow_from_order_and_durations(db) -> None:
    event_id = events.create_event(db, meeting(), agenda_items=ITEMS, now=NOW)
    rows = agenda.list_agenda(db, event_id)
    assert [(r.position, f"{r.starts_at:%H:%M}", f"{r.ends_at:%H:%M}") for r in rows] == [
        (1, "16:00", "16:15"),
        (2, "16:15", "16:35"),
        (3, "16:35", "17:15"),
        (4, "17:15", "17:25"),
    ]


def test_reordering_moves_the_times_along(db) -> None:
    event_id = events.create_event(db, meeting(), agenda_items=ITEMS, now=NOW)
    agenda.save_agenda(db, event_id, [ITEMS[2], ITEMS[0], ITEMS[1], ITEMS[3]])
    rows = agenda.list_agenda(db, event_id)
    assert [r.title for r in rows][:2] == ["Schwerpunkt: Kinderschutz", "Begrüßung"]
    assert f"{rows[1].starts_at:%H:%M}" == "16:40"
    # changing the event's start shifts every item
    data = events.get_event(db, event_id)
    later = dt.timedelta(minutes=30)
    events.update_event(
        db,
        event_id,
        data.__class__(
            **{
                **data.__dict__,
                "starts_at": data.starts_at + later,
                "ends_at": data.ends_at + later,
            }
        ),
    )
    assert f"{agenda.list_agenda(db, event_id)[0].starts_at:%H:%M}" == "16:30"


def test_item_without_title_is_refused_and_nothing_stored(db) -> None:
    with pytest.raises(ValidationError, match="Tagesordnungspunkt 2 hat keinen Titel"):
        events.create_event(db, meeting(), agenda_items=[ITEMS[0], AgendaInput("  ")], now=NOW)
    from patenbuero.services.plan.use_cases import list_events

    assert list_events(db) == []
