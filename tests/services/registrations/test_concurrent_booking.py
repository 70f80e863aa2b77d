"""Two workplaces book at the same moment, on SQLite and on PostgreSQL.

Each race runs as the office uses the program and once more as a negative control
with the safeguard switched off (PATENBUERO_TEST_DISABLE_LOCKS): then the failure
must happen, which shows the test would catch it.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import exc, func, select

from patenbuero.db.models import Person, Registration
from patenbuero.services.registrations import booking, persons
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.persons import add_event, person
from tests.helpers.two_pcs import Rendezvous, race

LAST_PLACE = "last place"


def _meet_after_counting(monkeypatch: pytest.MonkeyPatch) -> Rendezvous:
    """Both sides meet after counting the confirmed places, before booking one."""
    meeting = Rendezvous()
    count = booking.confirmed_count

    def counted_then_meet(session, event_id):
        result = count(session, event_id)
        meeting.wait()
        return result

    monkeypatch.setattr(booking, "confirmed_count", counted_then_meet)
    return meeting


@pytest.mark.parametrize("control", [False, True], ids=["locked", "control-unlocked"])
def test_last_place_goes_to_exactly_one_workplace(two_pcs, monkeypatch, control) -> None:
    pc_a, pc_b = two_pcs.open(disable="serialisation" if control else "")
    event_id = add_event(pc_a, capacity=3)
    for n in range(2):
        register_person(pc_a, event_id, person("Vorab", f"Person{n}", f"vorab{n}@example.org"))
    # Two known persons (booked elsewhere before), so counting is the first step of the race.
    other = add_event(pc_a, title="Vernetzungstreffen", kind="network_meeting")
    ayse = register_person(pc_a, other, person("Ayşe", "Yılmaz", "ayse@example.org")).person_id
    lan = register_person(pc_a, other, person("Nguyễn", "Thị Lan", "lan@example.org")).person_id
    meeting = _meet_after_counting(monkeypatch)

    first, second = race(
        lambda: register_person(pc_a, event_id, ayse),
        lambda: register_person(pc_b, event_id, lan),
    )

    assert first.error is None and second.error is None
    statuses = sorted([first.value.status, second.value.status])
    confirmed = [r for r in list_registrations(pc_a, event_id) if r.status == "confirmed"]
    if control:
        # Both counted 2 of 3 at the same moment and both took "the last" place.
        assert sorted(meeting.met) == ["PC A", "PC B"]
        assert statuses == ["confirmed", "confirmed"]
        assert len(confirmed) == 4  # overbooked: the failure the lock prevents
        return
    assert meeting.met == []  # the other workplace was held back by the lock
    assert statuses == ["confirmed", "waitlisted"]
    assert len(confirmed) == 3
    waiting = [r for r in list_registrations(pc_a, event_id) if r.status == "waitlisted"]
    assert [r.waitlist_position for r in waiting] == [1]
    # The held-back workplace waited visibly (the window shows the notice meanwhile).
    assert two_pcs.waits, "the waiting workplace was never told it waits"


@pytest.mark.parametrize("control", [False, True], ids=["commit-order", "control-call-time"])
def test_waitlist_follows_the_order_of_saving(two_pcs, monkeypatch, control) -> None:
    """A asks first but reaches the database after B has saved: B is first on the list."""
    pc_a, pc_b = two_pcs.open(disable="commit-order" if control else "")
    event_id = add_event(pc_a, capacity=1)
    register_person(pc_a, event_id, person("Vorab", "Person", "vorab@example.org"))
    a_called, b_saved = threading.Event(), threading.Event()
    unit_of_work = pc_a.unit_of_work

    @contextmanager
    def slow_network():
        a_called.set()
        b_saved.wait(30)
        with unit_of_work() as session:
            yield session

    monkeypatch.setattr(pc_a, "unit_of_work", slow_network)

    def pc_b_books():
        a_called.wait(30)
        try:
            return register_person(pc_b, event_id, person("Bogdan", "Kowalski", "b@example.org"))
        finally:
            b_saved.set()

    first, second = race(
        lambda: register_person(pc_a, event_id, person("Anna", "Schmidt", "a@example.org")),
        pc_b_books,
    )

    told = {"A": first.value.waitlist_position, "B": second.value.waitlist_position}
    waiting = {
        r.email[0].upper(): r.waitlist_position
        for r in list_registrations(pc_a, event_id)
        if r.status == "waitlisted"
    }
    if control:
        # The time of the call puts A ahead: B was told place 1 and is now place 2.
        assert told == {"A": 1, "B": 1}
        assert waiting == {"A": 1, "B": 2}
        return
    assert told == {"A": 2, "B": 1}
    assert waiting == told  # what each workplace was told stays true


@pytest.mark.parametrize("control", [False, True], ids=["locked", "control-unlocked"])
def test_same_new_person_from_two_workplaces_is_one_person(two_pcs, monkeypatch, control) -> None:
    """PC A books her for the Fachtag, PC B for the Vernetzungstreffen, at the same moment."""
    pc_a, pc_b = two_pcs.open(disable="serialisation" if control else "")
    fachtag = add_event(pc_a, capacity=20)
    treffen = add_event(pc_a, capacity=20, title="Vernetzungstreffen", kind="network_meeting")
    meeting = Rendezvous()
    lookup = persons.person_by_email

    def looked_up_then_meet(session, email):
        found = lookup(session, email)
        if found is None:
            meeting.wait()
        return found

    monkeypatch.setattr(persons, "person_by_email", looked_up_then_meet)
    new_person = person("Marija", "Petrenko", "Marija.Petrenko@example.org")

    first, second = race(
        lambda: register_person(pc_a, fachtag, new_person),
        lambda: register_person(pc_b, treffen, new_person),
    )

    with pc_a.reading() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        bookings = session.scalars(select(Registration.person_id)).all()
    if control:
        # Both found no one and both created her: the second booking fails on the
        # unique e-mail key ("unerwarteter Fehler" in the measured PostgreSQL run).
        errors = [o.error for o in (first, second) if o.error is not None]
        assert len(errors) == 1 and isinstance(errors[0], exc.IntegrityError)
        assert len(bookings) == 1
        return
    assert first.error is None and second.error is None
    assert meeting.met == []
    assert people == 1
    assert len(bookings) == 2 and len(set(bookings)) == 1
    assert sorted([first.value.new_person, second.value.new_person]) == [False, True]
