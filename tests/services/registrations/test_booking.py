"""Capacity, waitlist order, move-up, deadline: the rules the office relies on."""

import pytest

from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.registrations.booking import DeadlinePassedError
from patenbuero.services.registrations.use_cases import (
    cancel_by_email,
    cancel_registration,
    change_capacity,
    list_registrations,
    register_person,
    registration_history,
)
from tests.helpers.persons import add_event, at, person

PEOPLE = [
    ("Jürgen", "Großmann", "j.grossmann@example.org"),
    ("Özlem", "Yılmaz", "oezlem@example.org"),
    ("Олена", "Коваленко", "olena@example.org"),
    ("محمد", "الحسن", "m.alhassan@example.org"),
    ("Małgorzata", "Wiśniewska", "gosia@example.org"),
]


def register_all(db, event_id, people=PEOPLE):
    return [
        register_person(db, event_id, person(*p), now=at(minute)) for minute, p in enumerate(people)
    ]


def test_beyond_capacity_goes_to_waitlist_in_arrival_order(db) -> None:
    event_id = add_event(db, capacity=2)
    outcomes = register_all(db, event_id)
    assert [o.status for o in outcomes] == ["confirmed", "confirmed"] + ["waitlisted"] * 3
    assert [o.waitlist_position for o in outcomes[2:]] == [1, 2, 3]
    assert "Warteliste (Platz 1)" in outcomes[2].message
    rows = list_registrations(db, event_id)
    assert [r.last_name for r in rows] == ["Großmann", "Yılmaz", "Коваленко", "الحسن", "Wiśniewska"]


def test_cancelling_a_confirmed_place_moves_the_first_waiting_up(db) -> None:
    event_id = add_event(db, capacity=2)
    outcomes = register_all(db, event_id)
    moved = cancel_registration(db, outcomes[0].registration_id, now=at(30))
    assert [m.full_name for m in moved] == ["Олена Коваленко"]
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert rows["Коваленко"].status == "confirmed"
    assert rows["Großmann"].status == "cancelled"
    assert rows["الحسن"].waitlist_position == 1
    history = [h.change for h in registration_history(db, outcomes[2].registration_id)]
    assert history == ["auf die Warteliste gesetzt", "von der Warteliste nachgerückt"]


def test_cancelling_a_waitlisted_registration_moves_nobody(db) -> None:
    event_id = add_event(db, capacity=2)
    outcomes = register_all(db, event_id)
    assert cancel_registration(db, outcomes[3].registration_id) == []
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert rows["Wiśniewska"].waitlist_position == 2


def test_raising_capacity_moves_up_in_order(db) -> None:
    event_id = add_event(db, capacity=2)
    register_all(db, event_id)
    moved = change_capacity(db, event_id, 4)
    assert [m.last_name for m in moved] == ["Коваленко", "الحسن"]
    removing_limit = change_capacity(db, event_id, None)
    assert [m.last_name for m in removing_limit] == ["Wiśniewska"]


def test_capacity_below_confirmed_is_refused(db) -> None:
    event_id = add_event(db, capacity=3)
    register_all(db, event_id)
    with pytest.raises(ValidationError, match="nicht unter 3"):
        change_capacity(db, event_id, 2)
    assert sum(r.status == "confirmed" for r in list_registrations(db, event_id)) == 3


def test_same_email_any_case_is_the_same_person(db) -> None:
    event_id = add_event(db, capacity=10)
    first = register_person(db, event_id, person("Jürgen", "Großmann", "J.Grossmann@Example.org"))
    again = register_person(db, event_id, person("Juergen", "Grossmann", "j.grossmann@example.org"))
    assert again.already_registered
    assert again.person_id == first.person_id
    assert len(list_registrations(db, event_id)) == 1


def test_deadline_warns_and_staff_may_override(db) -> None:
    import datetime as dt

    event_id = add_event(db, capacity=10, deadline=dt.date(2026, 8, 1))
    with pytest.raises(DeadlinePassedError, match=r"01\.08\.2026"):
        register_person(db, event_id, person(*PEOPLE[0]), now=at(0))
    assert list_registrations(db, event_id) == []
    late = register_person(db, event_id, person(*PEOPLE[0]), now=at(0), allow_late=True)
    assert late.deadline_passed and late.status == "confirmed"


def test_cancel_by_email_reports_who_moved_up(db) -> None:
    event_id = add_event(db, capacity=1)
    register_all(db, event_id, PEOPLE[:2])
    name, moved = cancel_by_email(db, event_id, "J.GROSSMANN@example.org")
    assert name == "Jürgen Großmann"
    assert [m.email for m in moved] == ["oezlem@example.org"]
    with pytest.raises(NotFoundError):
        cancel_by_email(db, event_id, "niemand@example.org")


def test_re_registering_after_cancel_joins_the_end_of_the_queue(db) -> None:
    event_id = add_event(db, capacity=1)
    outcomes = register_all(db, event_id, PEOPLE[:3])
    cancel_registration(db, outcomes[0].registration_id, now=at(10))
    back = register_person(db, event_id, person(*PEOPLE[0]), now=at(11))
    assert back.status == "waitlisted" and back.waitlist_position == 2


def test_invalid_person_input_is_refused_and_nothing_is_written(db) -> None:
    event_id = add_event(db, capacity=1)
    with pytest.raises(ValidationError) as error:
        register_person(db, event_id, person("Eva", "Schulze", "eva@@example"))
    assert error.value.field == "email"
    with pytest.raises(ValidationError, match="Namen"):
        register_person(db, event_id, person("", ""))
    assert list_registrations(db, event_id) == []
