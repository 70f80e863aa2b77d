"""The one search rule: every search and the duplicate detection find the same persons."""

import pytest

from patenbuero.services.registrations.matching import duplicate_key, person_keys, person_matches
from patenbuero.services.registrations.persons import (
    PersonInput,
    duplicate_groups,
    likely_duplicates,
    search_persons,
)
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event

# (typed text, first name, last name, stored Latin spelling, found?)
SEARCHES = [
    ("kuhn", "Heike", "Kühn", "", True),
    ("kuehn", "Heike", "Kühn", "", True),
    ("KÜHN", "Heike", "Kuehn", "", True),
    ("gunther", "Günther", "Schulze", "", True),
    ("guenther schulze", "Günther", "Schulze", "", True),
    ("ozlem", "Özlem", "Yılmaz", "", True),
    ("yilmaz ozlem", "Özlem", "Yılmaz", "", True),
    ("Kovalenko", "Олена", "Коваленко", "Olena Kovalenko", True),
    ("коваленко", "Олена", "Коваленко", "Olena Kovalenko", True),
    ("olena kov", "Олена", "Коваленко", "Olena Kovalenko", True),
    ("natalija", "Наталія", "Шевченко", "Natalija Schewtschenko", True),
    ("Natalija", "Natalija", "Bondarenko", "", True),
    ("muller", "Jürgen", "Müller", "", True),
    ("mueller", "Jürgen", "Müller", "", True),
    ("Müller", "Jürgen", "Muller", "", True),
    ("grossmann", "Jürgen", "Großmann", "", True),
    ("großmann", "Jürgen", "Grossmann", "", True),
    ("muller jurgen", "Jürgen", "Müller", "", True),  # swapped
    ("nguyen", "Thị Hương", "Nguyễn", "", True),
    ("wisniewska", "Agnieszka", "Wiśniewska", "", True),
    ("papadopoulos", "Γιώργος", "Παπαδόπουλος", "Giorgos Papadopoulos", True),
    ("Karimi", "مریم", "کریمی", "Maryam Karimi", True),
    ("مریم", "مریم", "کریمی", "Maryam Karimi", True),
    ("meyer-schulz", "Anna", "Meyer-Schulz", "", True),
    ("meyer schulz", "Anna", "Meyer-Schulz", "", True),
    ("kuhn", "Heike", "Kahn", "", False),
    ("gunther", "Heike", "Kühn", "", False),
    ("Kovalenko", "Олена", "Коваленко", "", False),  # no Latin spelling stored
    ("muller anna", "Jürgen", "Müller", "", False),
]


@pytest.mark.parametrize(("query", "first", "last", "latin", "found"), SEARCHES)
def test_search_rule(query, first, last, latin, found) -> None:
    assert person_matches(query, first, last, latin) is found


@pytest.mark.parametrize(("query", "first", "last", "latin", "found"), SEARCHES)
def test_person_search_follows_the_rule(db, query, first, last, latin, found) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, PersonInput(first_name=first, last_name=last, latin_name=latin))
    assert bool(search_persons(db, query)) is found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Jürgen", "Müller", ""), ("Juergen", "Mueller", "")),
        (("Jürgen", "Müller", ""), ("Jurgen", "Muller", "")),
        (("Jürgen", "Müller", ""), ("Müller", "Jürgen", "")),
        (("Renée", "Großmann", ""), ("Renee", "Grossmann", "")),
        (("Олена", "Коваленко", "Olena Kovalenko"), ("Olena", "Kovalenko", "")),
        (("Олена", "Коваленко", "Olena Kovalenko"), ("Коваленко", "Олена", "")),
    ],
)
def test_likely_same_person(a, b) -> None:
    assert person_keys(*a) & person_keys(*b)


def test_different_people_are_not_alike() -> None:
    assert duplicate_key("Jürgen", "Müller") != duplicate_key("Jürgen", "Möller")


def test_duplicates_found_through_the_latin_spelling(db) -> None:
    event_id = add_event(db, capacity=10)
    register_person(
        db,
        event_id,
        PersonInput("Олена", "Коваленко", "olena@example.org", latin_name="Olena Kovalenko"),
    )
    register_person(db, event_id, PersonInput("Olena", "Kovalenko", "ok@example.org"))
    assert [row.last_name for row in likely_duplicates(db, "Olena", "Kovalenko")] == [
        "Коваленко",
        "Kovalenko",
    ]
    assert [sorted(r.last_name for r in group) for group in duplicate_groups(db)] == [
        ["Kovalenko", "Коваленко"]
    ]


def test_best_match_first(db) -> None:
    event_id = add_event(db, capacity=10)
    register_person(db, event_id, PersonInput("Anna", "Bekuhnen", "a@example.org"))
    register_person(db, event_id, PersonInput("Heike", "Kühn", "h@example.org"))
    assert [row.last_name for row in search_persons(db, "kuhn")] == ["Kühn", "Bekuhnen"]
