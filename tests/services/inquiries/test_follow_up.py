"""After forwarding: the follow-up date, what is due, outcomes with date, closing."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.inquiries import inquiry_figures
from patenbuero.services.inquiries.follow_up import (
    count_due_follow_ups,
    due_follow_ups,
    project_forwardings,
    record_outcome,
    set_follow_up,
)
from patenbuero.services.inquiries.forwarding import forward_inquiry
from patenbuero.services.inquiries.use_cases import get_inquiry
from tests.helpers.inquiry_network import TODAY
from tests.services.inquiries.test_inquiry_services import child_inquiry

FORWARDED = TODAY - dt.timedelta(days=2)


def forwarded(db, network, *projects: str) -> tuple[int, list[int]]:
    inquiry_id = child_inquiry(db, network)
    forward_inquiry(db, inquiry_id, [network[p] for p in projects], FORWARDED, today=TODAY)
    return inquiry_id, [f.id for f in get_inquiry(db, inquiry_id).forwardings]


def test_follow_up_is_due_fourteen_days_after_forwarding(db, network):
    inquiry_id, (first, second) = forwarded(db, network, "Lesewelt Halle", "Lernengel")
    detail = get_inquiry(db, inquiry_id)
    assert {f.follow_up_on for f in detail.forwardings} == {FORWARDED + dt.timedelta(days=14)}
    assert due_follow_ups(db, today=TODAY) == []
    later = FORWARDED + dt.timedelta(days=15)
    due = due_follow_ups(db, today=later)
    assert [(r.project_name, r.days_overdue) for r in due] == [
        ("Lernengel", 1),
        ("Lesewelt Halle", 1),
    ]
    set_follow_up(db, first, later + dt.timedelta(days=7))
    assert [r.forwarding_id for r in due_follow_ups(db, today=later)] == [second]


def test_contact_taken_up_is_not_final_and_keeps_it_due(db, network):
    _inquiry_id, (only,) = forwarded(db, network, "Lesewelt Halle")
    assert record_outcome(db, only, "contacted", TODAY, today=TODAY) == "forwarded"
    later = FORWARDED + dt.timedelta(days=20)
    assert [r.outcome_label for r in due_follow_ups(db, today=later)] == ["Kontakt aufgenommen"]


def test_started_closes_the_inquiry_and_counts_for_the_sachbericht(db, network):
    inquiry_id, (first, _second) = forwarded(db, network, "Lesewelt Halle", "Lernengel")
    before = inquiry_figures(db, TODAY.year).new_volunteers
    assert record_outcome(db, first, "started", TODAY, today=TODAY) == "closed"
    detail = get_inquiry(db, inquiry_id)
    assert detail.status == "closed"
    assert detail.forwardings[0].outcome_on == TODAY
    assert inquiry_figures(db, TODAY.year).new_volunteers == before + 1
    # Nothing is due any more for the closed one with a Patenschaft.
    assert [r.project_name for r in due_follow_ups(db, today=TODAY + dt.timedelta(days=30))] == [
        "Lernengel"
    ]
    # Taking it back reopens the inquiry as forwarded.
    assert record_outcome(db, first, "unknown", TODAY, today=TODAY) == "forwarded"
    assert get_inquiry(db, inquiry_id).forwardings[0].outcome_on is None


def test_inquiry_closes_when_every_project_gave_a_final_answer(db, network):
    inquiry_id, (first, second) = forwarded(db, network, "Lesewelt Halle", "Lernengel")
    assert record_outcome(db, first, "not_started", TODAY, today=TODAY) == "forwarded"
    assert record_outcome(db, second, "no_reply", TODAY, today=TODAY) == "closed"
    assert get_inquiry(db, inquiry_id).status == "closed"
    rows = project_forwardings(db, network["Lernengel"], today=TODAY)
    assert [(r.inquiry_name, r.outcome_label, r.is_final) for r in rows] == [
        ("Friederike Thiele", "keine Rückmeldung", True)
    ]


@pytest.mark.parametrize(
    ("outcome", "on", "field"),
    [
        ("married", TODAY, "outcome"),
        ("started", TODAY + dt.timedelta(days=1), "outcome_on"),
        ("started", FORWARDED - dt.timedelta(days=1), "outcome_on"),
    ],
)
def test_bad_outcome_changes_nothing(db, network, outcome, on, field):
    inquiry_id, (only,) = forwarded(db, network, "Lesewelt Halle")
    with pytest.raises(ValidationError) as error:
        record_outcome(db, only, outcome, on, today=TODAY)
    assert error.value.field == field
    detail = get_inquiry(db, inquiry_id)
    assert (detail.status, detail.forwardings[0].outcome) == ("forwarded", "unknown")


def test_the_count_of_the_button_is_the_length_of_the_due_list(db, network):
    _inquiry_id, (first, second) = forwarded(db, network, "Lesewelt Halle", "Lernengel")
    later = FORWARDED + dt.timedelta(days=15)
    days = (TODAY, later, later + dt.timedelta(days=30))
    assert [count_due_follow_ups(db, today=d) for d in days] == [0, 2, 2]
    set_follow_up(db, first, later + dt.timedelta(days=7))  # a stored date counts
    record_outcome(db, second, "started", later, today=later)  # a final outcome does not
    for day in (*days, later + dt.timedelta(days=7)):
        assert count_due_follow_ups(db, today=day) == len(due_follow_ups(db, today=day))
    assert count_due_follow_ups(db, today=later) == 0
    assert count_due_follow_ups(db, today=later + dt.timedelta(days=7)) == 1
