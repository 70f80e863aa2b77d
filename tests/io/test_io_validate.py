"""Checking and parsing single cells."""

from __future__ import annotations

import datetime as dt

import pytest

from patenbuero.io.validate import (
    check_email,
    check_phone,
    check_url,
    parse_bool_de,
    parse_date_de,
    split_list_cell,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("j.grossmann@example.org", "j.grossmann@example.org"),
        ("  ANNA-LENA@EXAMPLE.ORG ", "ANNA-LENA@example.org"),
        ("mailto:lan.nguyen@example.org", "lan.nguyen@example.org"),
        ("Zoë Weiß <zoe.weiss@example.org>", "zoe.weiss@example.org"),
        ("müller@bücher.example.org", "müller@bücher.example.org"),
    ],
)
def test_valid_emails(text: str, expected: str) -> None:
    assert check_email(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("lukasz@example", "Domain mit Punkt"),
        ("schulze.example.org", "@ fehlt"),
        ("a@b@example.org", "mehrmals"),
        ("@example.org", "vor dem @"),
        ("anna lena@example.org", "Leerzeichen"),
        ("", "fehlt"),
    ],
)
def test_invalid_emails_have_german_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as info:
        check_email(text)
    assert reason in str(info.value)
    if text:
        assert str(info.value).startswith(f"E-Mail-Adresse ungültig: „{text}“")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0345 1234567", "0345 1234567"),
        ("0345/2345678", "0345 2345678"),
        ("+49 176 12345678", "0176 12345678"),
        ("0049 345 1234567", "0345 1234567"),
        ("+90 532 123 45 67", "+90 532 123 45 67"),
        ("0048 601 234 567", "+48 601 234 567"),
        ("0151  2345678", "0151 2345678"),
        ("Tel.: 0345 1234567", "0345 1234567"),
        ("Mobil 0176 12345678", "0176 12345678"),
    ],
)
def test_phone_numbers(text: str, expected: str) -> None:
    assert check_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    ["abc", "123", "", "0345 12345678901234567890", "0345 12 ab 34", "0345 1234567 (privat)"],
)
def test_bad_phone_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="Telefonnummer"):
        check_phone(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/lesewelt", "https://example.org/lesewelt"),
        ("www.example.org", "https://www.example.org"),
        ("example.org/max?x=1", "https://example.org/max?x=1"),
        ("HTTP://Example.ORG/Pfad", "http://example.org/Pfad"),
        ("www.bürgerstiftung-halle.de", "https://www.bürgerstiftung-halle.de"),
    ],
)
def test_urls(text: str, expected: str) -> None:
    assert check_url(text) == expected


@pytest.mark.parametrize(
    "text",
    ["keine", "n/a", "-", "javascript:alert(1)", "ftp://example.org", "www example org", "1.2"],
)
def test_bad_urls(text: str) -> None:
    with pytest.raises(ValueError, match="Webadresse ungültig"):
        check_url(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("JA", True),
        ("x", True),
        ("Yes", True),
        ("1", True),
        ("wahr", True),
        ("nein", False),
        ("No", False),
        ("0", False),
        ("falsch", False),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_bool_de(text: str, expected: bool | None) -> None:
    assert parse_bool_de(text) is expected


def test_parse_bool_de_rejects_other_words() -> None:
    with pytest.raises(ValueError, match="weder „ja“ noch „nein“"):
        parse_bool_de("vielleicht")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("2026-12-31", dt.date(2026, 12, 31)),
        ("31.12.26", dt.date(2026, 12, 31)),
        ("3.8.2026", dt.date(2026, 8, 3)),
        ("2026-08-03 09:14", dt.datetime(2026, 8, 3, 9, 14)),
        ("03.08.2026 09:14", dt.datetime(2026, 8, 3, 9, 14)),
        ("03.08.2026, 09:14 Uhr", dt.datetime(2026, 8, 3, 9, 14)),
        ("2026-08-03T09:14:05", dt.datetime(2026, 8, 3, 9, 14, 5)),
        ("", None),
    ],
)
def test_parse_date_de(text: str, expected: dt.date | None) -> None:
    result = parse_date_de(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize("text", ["31.02.2026", "morgen", "2026-08-03 25:00", "12/31/2026"])
def test_parse_date_de_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Datum nicht erkannt"):
        parse_date_de(text)


def test_split_list_cell() -> None:
    assert split_list_cell("Kinder, Familien; Jugendliche") == ["Kinder", "Familien", "Jugendliche"]
    assert split_list_cell("Altstadt/Neustadt\nSüdstadt,, ;") == [
        "Altstadt",
        "Neustadt",
        "Südstadt",
    ]
    assert split_list_cell("") == []


def test_split_list_cell_keeps_target_groups_with_slash() -> None:
    assert split_list_cell("Umwelt/Grünflächen, Kinder") == ["Umwelt/Grünflächen", "Kinder"]
    assert split_list_cell("geflüchtete / zugewanderte; Senior:innen") == [
        "Geflüchtete/Zugewanderte",
        "Senior:innen",
    ]
    assert split_list_cell("Schule/Kita", keep=["Schule/Kita"]) == ["Schule/Kita"]
    assert split_list_cell("Umwelt/Grünflächen", keep=[]) == ["Umwelt", "Grünflächen"]
