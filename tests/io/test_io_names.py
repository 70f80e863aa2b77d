"""Duplicate keys for names and German sorting."""

from __future__ import annotations

import pytest

from patenbuero.io.names import (
    german_sort_key,
    likely_same_person,
    name_key,
    normalize_name,
    person_key,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller", "Mueller"),
        ("Müller", "MÜLLER"),
        ("MÜLLER", "MUELLER"),
        ("Jürgen", "Juergen"),
        ("Großmann", "Grossmann"),
        ("GROẞMANN", "grossmann"),
        ("Yılmaz", "Yilmaz"),
        ("Özlem", "Oezlem"),
        ("Łukasz", "Lukasz"),
        ("Wiśniewski", "Wisniewski"),
        ("Şahin", "Sahin"),
        ("Dağ", "Dag"),
        ("François", "Francois"),
        ("Zoë", "Zoe"),
        ("Søren", "Soren"),
        ("Nguyễn", "Nguyen"),
        ("Đặng", "Dang"),
        ("Anna-Lena", "Anna Lena"),
        ("  Anna   Lena ", "anna-lena"),
        ("O’Brien", "OBrien"),
        ("Mu\u0308ller", "Müller"),
        ("ＭＵＬＬＥＲ", "muller"),
    ],
)
def test_same_name_written_differently(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Müller", "Muller"), ("Schulz", "Schulze"), ("Anna", "Anne"), ("Олена", "Олеся")],
)
def test_different_names_stay_different(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_cyrillic_and_arabic_keep_their_letters() -> None:
    assert normalize_name("ОЛЕНА  Коваленко") == "олена коваленко"
    assert normalize_name("Йосип") == "йосип"
    assert normalize_name("مُحَمَّد") == normalize_name("محمد") == "محمد"
    assert normalize_name("علي") == normalize_name("علی")


def test_name_key_keeps_field_order() -> None:
    assert name_key("Jürgen", "Großmann") == name_key("JUERGEN", "Grossmann")
    assert name_key("Jürgen", "Großmann") == "juergen|grossmann"
    assert name_key("Jürgen", "Großmann") != name_key("Großmann", "Jürgen")


def test_likely_same_person() -> None:
    assert likely_same_person(
        "Anna-Lena", "Müller-Lüdenscheidt", "Anna-Lena", "Mueller-Luedenscheidt"
    )
    assert likely_same_person("Özlem", "Yılmaz", "Yilmaz", "Oezlem")
    assert likely_same_person("Thi Lan", "Nguyễn", "Lan", "Nguyen Thi")
    assert likely_same_person("Олена", "Коваленко", "Коваленко", "олена")
    assert not likely_same_person("Anna", "Müller", "Hans", "Müller")
    assert not likely_same_person("", "", "", "")
    assert not likely_same_person("", "Schulze", "Eva", "Schulze")


def test_person_key_groups_candidates() -> None:
    assert person_key("Jürgen", "Großmann") == person_key("grossmann", "JUERGEN")


def test_german_sort_order() -> None:
    names = ["Zander", "Öztürk", "Ahrens", "Mueller", "Müller", "Muller", "Ärger", "ahrens", "Weiß"]
    names += ["Weiss", "Weis", "Oz", "Łukasz", "Lutz", "Nguyễn", "Nguyen", "Ortmann"]
    assert sorted(names, key=german_sort_key) == [
        "ahrens",
        "Ahrens",
        "Ärger",
        "Łukasz",
        "Lutz",
        "Mueller",
        "Muller",
        "Müller",
        "Nguyen",
        "Nguyễn",
        "Ortmann",
        "Oz",
        "Öztürk",
        "Weis",
        "Weiss",
        "Weiß",
        "Zander",
    ]
