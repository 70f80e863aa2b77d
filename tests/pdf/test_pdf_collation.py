"""German sort order without the locale module."""

from __future__ import annotations

from patenbuero.pdf.attendance_list import sort_participants
from patenbuero.pdf.collation import collation_key, german_sort_key
from patenbuero.pdf.inputs import Participant


def test_umlauts_sort_with_base_letter() -> None:
    names = ["Bauer", "Zimmermann", "Ärger", "Abel", "Özdemir", "Ober", "Übel", "Ulm"]
    assert sorted(names, key=german_sort_key) == [
        "Abel",
        "Ärger",
        "Bauer",
        "Ober",
        "Özdemir",
        "Übel",
        "Ulm",
        "Zimmermann",
    ]


def test_sharp_s_is_ss_and_case_is_ignored() -> None:
    assert collation_key("Straß") == collation_key("Strass") == collation_key("STRASS")
    assert collation_key("Großmann") == collation_key("grossmann")
    assert sorted(["Strauch", "Straßburger", "Strass"], key=german_sort_key) == [
        "Strass",
        "Straßburger",
        "Strauch",
    ]


def test_letters_without_decomposition() -> None:
    assert collation_key("Wiśniewska") == "wisniewska"
    assert collation_key("Łukasz") == "lukasz"
    assert collation_key("Yılmaz") == "yilmaz"
    assert collation_key("Nguyễn") == "nguyen"


def test_ties_are_stable() -> None:
    assert sorted(["Müller", "muller", "Muller"], key=german_sort_key) == [
        "muller",
        "Muller",
        "Müller",
    ]


def test_participants_sort_by_last_then_first_name_latin_spelling_first() -> None:
    people = [
        Participant("Petra", "Bauer"),
        Participant("Klaus", "Ärger"),
        Participant("محمد", "الحسن", latin_first_name="Mohammed", latin_last_name="Al-Hassan"),
        Participant("Anna", "Bauer"),
    ]
    assert [p.first_name for p in sort_participants(people)] == [
        "محمد",
        "Klaus",
        "Anna",
        "Petra",
    ]
