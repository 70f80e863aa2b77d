"""Guessing which column holds which field, and splitting full names."""

from __future__ import annotations

import pytest

from patenbuero.io.mapping import (
    PROJECT_FIELDS,
    REGISTRATION_FIELDS,
    guess_mapping,
    missing_required,
    normalize_header,
    split_full_name,
)


def mapped(headers: list[str], fields=REGISTRATION_FIELDS) -> dict[str, str]:
    return {headers[i]: key for i, key in guess_mapping(headers, fields).items()}


def test_field_sets_have_the_agreed_keys() -> None:
    assert [f.key for f in PROJECT_FIELDS] == [
        "name",
        "organisation",
        "target_groups",
        "districts",
        "contact_name",
        "email",
        "phone",
        "website",
        "seeks_volunteers",
        "time_commitment",
        "flyer_text",
        "languages",
        "address",
        "notes",
        "contact_role",
    ]
    assert {f.key for f in REGISTRATION_FIELDS} == {
        "last_name",
        "first_name",
        "full_name",
        "email",
        "phone",
        "organisation",
        "role",
        "remarks",
        "registered_at",
        "photos",
        "follow_up",
    }
    assert all(f.label_de and f.aliases for f in PROJECT_FIELDS + REGISTRATION_FIELDS)


def test_normalize_header_ignores_case_spaces_punctuation_umlauts() -> None:
    assert normalize_header(" E-Mail-Adresse: ") == normalize_header("email adresse")
    assert normalize_header("Träger") == normalize_header("TRAEGER")
    assert normalize_header("Ansprechpartner:in") == "ansprechpartnerin"


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nachname", "last_name"),
        ("Familienname", "last_name"),
        ("Surname", "last_name"),
        ("Last name", "last_name"),
        ("VORNAME", "first_name"),
        ("First name", "first_name"),
        ("E-Mail", "email"),
        ("E-Mail-Adresse", "email"),
        ("Mail", "email"),
        ("Email", "email"),
        ("Telefon", "phone"),
        ("Tel.", "phone"),
        ("Phone", "phone"),
        ("Handy", "phone"),
        ("Mobil", "phone"),
        ("Organisation", "organisation"),
        ("Einrichtung", "organisation"),
        ("Projekt", "organisation"),
        ("Organisation / Projekt", "organisation"),
        ("Bemerkung", "remarks"),
        ("Anmerkungen", "remarks"),
        ("Hinweise", "remarks"),
        ("Eingangsdatum", "registered_at"),
        ("Anmeldedatum", "registered_at"),
        ("Zeitstempel", "registered_at"),
        ("Rolle", "role"),
    ],
)
def test_registration_headers(header: str, key: str) -> None:
    assert (
        guess_mapping(["Vorname" if key != "first_name" else "x", header], REGISTRATION_FIELDS)[1]
        == key
    )


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Projektname", "name"),
        ("Träger", "organisation"),
        ("Traeger", "organisation"),
        ("Zielgruppen", "target_groups"),
        ("Stadtteile", "districts"),
        ("Ansprechpartner:in", "contact_name"),
        ("Ansprechpartner", "contact_name"),
        ("Website", "website"),
        ("Homepage", "website"),
        ("Internet", "website"),
        ("sucht Pat:innen", "seeks_volunteers"),
        ("Sucht Paten?", "seeks_volunteers"),
        ("Zeitaufwand", "time_commitment"),
        ("Flyertext", "flyer_text"),
        ("Sprachen", "languages"),
        ("Adresse", "address"),
        ("Bemerkungen", "notes"),
        ("Funktion", "contact_role"),
    ],
)
def test_project_headers(header: str, key: str) -> None:
    assert guess_mapping([header], PROJECT_FIELDS) == {0: key}


def test_name_is_surname_when_first_name_column_exists() -> None:
    assert mapped(["Name", "Vorname", "E-Mail"]) == {
        "Name": "last_name",
        "Vorname": "first_name",
        "E-Mail": "email",
    }


def test_name_alone_is_full_name() -> None:
    assert mapped(["Name", "E-Mail", "Telefon"]) == {
        "Name": "full_name",
        "E-Mail": "email",
        "Telefon": "phone",
    }


def test_name_in_project_list_is_project_name() -> None:
    assert mapped(["Name", "Träger"], PROJECT_FIELDS) == {"Name": "name", "Träger": "organisation"}


def test_long_form_headers_are_recognised() -> None:
    headers = ["Ihre E-Mail-Adresse", "Telefonnummer für Rückfragen", "Ihr Vorname", "Nachname*"]
    assert mapped(headers) == {
        "Ihre E-Mail-Adresse": "email",
        "Telefonnummer für Rückfragen": "phone",
        "Ihr Vorname": "first_name",
        "Nachname*": "last_name",
    }


def test_each_field_once_and_unknown_columns_left_out() -> None:
    assert mapped(["E-Mail", "Mail", "Lieblingsfarbe"]) == {"E-Mail": "email"}


def test_missing_required_fields() -> None:
    assert [f.key for f in missing_required({0: "email"}, REGISTRATION_FIELDS)] == ["last_name"]
    assert missing_required({0: "full_name"}, REGISTRATION_FIELDS) == []
    assert [f.label_de for f in missing_required({}, PROJECT_FIELDS)] == ["Projektname"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jürgen Großmann", ("Jürgen", "Großmann")),
        ("  Thi Lan   Nguyễn ", ("Thi Lan", "Nguyễn")),
        ("Großmann, Jürgen", ("Jürgen", "Großmann")),
        ("Müller-Lüdenscheidt, Anna-Lena", ("Anna-Lena", "Müller-Lüdenscheidt")),
        ("Schulze", ("", "Schulze")),
        ("Ursula von der Leyen", ("Ursula", "von der Leyen")),
        ("Олена Коваленко", ("Олена", "Коваленко")),
        ("", ("", "")),
    ],
)
def test_split_full_name(text: str, expected: tuple[str, str]) -> None:
    assert split_full_name(text) == expected


def test_specific_header_wins_over_generic_one() -> None:
    assert mapped(["Name", "Projektname", "Ansprechpartner:in"], PROJECT_FIELDS) == {
        "Projektname": "name",
        "Ansprechpartner:in": "contact_name",
    }
