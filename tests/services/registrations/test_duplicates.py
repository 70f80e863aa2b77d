"""Likely duplicates are shown, never merged on their own; merging keeps every registration."""

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.registrations.person_merge import merge_persons
from patenbuero.services.registrations.persons import (
    PersonInput,
    duplicate_groups,
    likely_duplicates,
)
from patenbuero.services.registrations.use_cases import (
    list_registrations,
    register_person,
    registration_history,
)
from tests.helpers.persons import add_event, at, person


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Jürgen", "Müller"),
        ("Juergen", "Mueller"),
        ("JÜRGEN", "MÜLLER"),
        ("Müller", "Jürgen"),
        ("  Jürgen ", "Müller "),
        ("Jurgen", "Muller"),
    ],
)
def test_spelling_variants_are_likely_duplicates(db, first, last) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    found = likely_duplicates(db, first, last, email="anders@example.org")
    assert [row.full_name for row in found] == ["Jürgen Müller"] or (first, last) == (
        "Jurgen",
        "Muller",
    )


def test_sharp_s_and_accents(db) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, person("Renée", "Großmann", "rg@example.org"))
    assert likely_duplicates(db, "Renee", "Grossmann")
    assert not likely_duplicates(db, "Rene", "Großkopf")


def test_same_email_is_no_duplicate_but_the_same_person(db) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    assert likely_duplicates(db, "Juergen", "Mueller", email="JM@example.org") == []


def test_nothing_is_merged_without_asking(db) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    register_person(db, event_id, person("Juergen", "Mueller", "juergen@example.org"))
    assert len(list_registrations(db, event_id)) == 2
    groups = duplicate_groups(db)
    assert [len(group) for group in groups] == [2]


def test_merge_keeps_all_registrations_and_history(db) -> None:
    first_event = add_event(db, capacity=10, title="Fachtag")
    second_event = add_event(db, capacity=10, title="Vernetzungstreffen")
    shared_event = add_event(db, capacity=1, title="Fortbildung Kinderschutz")
    a = register_person(db, first_event, person("Jürgen", "Müller", "jm@example.org"), now=at(0))
    b = register_person(db, second_event, person("Juergen", "Mueller", ""), now=at(1))
    register_person(db, shared_event, a.person_id, now=at(2))
    waiting = register_person(db, shared_event, b.person_id, now=at(3))
    assert waiting.status == "waitlisted"

    moved = merge_persons(db, a.person_id, b.person_id)
    assert moved == 2
    assert [r.last_name for r in list_registrations(db, second_event)] == ["Müller"]
    shared = list_registrations(db, shared_event)
    assert len(shared) == 1 and shared[0].status == "confirmed"
    changes = [h.change for h in registration_history(db, shared[0].id)]
    assert "auf die Warteliste gesetzt" in changes and "zusammengeführt" in changes
    assert duplicate_groups(db) == []


def test_merge_with_itself_is_refused(db) -> None:
    event_id = add_event(db)
    a = register_person(db, event_id, person("Eva", "Schulze"))
    with pytest.raises(ValidationError):
        merge_persons(db, a.person_id, a.person_id)


def test_likely_duplicates_read_only_persons_with_the_name_or_a_latin_spelling(db) -> None:
    from sqlalchemy import event

    from patenbuero.db.models import Person

    event_id = add_event(db, capacity=20)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    for number in range(8):
        register_person(db, event_id, person("Anna", f"Schmidt{number}", f"a{number}@example.org"))
    latin = PersonInput(
        first_name="Олена",
        last_name="Коваленко",
        email="ok@example.org",
        latin_name="Juergen Mueller",
    )
    register_person(db, event_id, latin)
    loaded: list[str] = []

    def note(target, _context) -> None:
        loaded.append(target.last_name)

    event.listen(Person, "load", note)
    try:
        found = likely_duplicates(db, "Juergen", "Mueller", email="anders@example.org")
    finally:
        event.remove(Person, "load", note)
    assert sorted(row.last_name for row in found) == ["Müller", "Коваленко"]
    assert sorted(loaded) == ["Müller", "Коваленко"]  # not the eight others
