"""CSV and XLSX writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from patenbuero.io.export import guard_formula, to_csv_excel, to_xlsx
from patenbuero.io.tabular import read_table


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://example.com","Klick")', '\'=HYPERLINK("http://example.com","Klick")'),
        ("@SUMME(A1)", "'@SUMME(A1)"),
        ("+A1", "'+A1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1+1", "'  =1+1"),
        ("-12,5", "-12,5"),
        ("-3", "-3"),
        ("+49 176 12345678", "+49 176 12345678"),
        ("+49 (0)345 / 123-456", "+49 (0)345 / 123-456"),
        ("Müller", "Müller"),
        ("E-Mail: a=b", "E-Mail: a=b"),
        ("", ""),
    ],
)
def test_guard_formula(cell: str, expected: str) -> None:
    assert guard_formula(cell) == expected


def parse_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_for_german_excel() -> None:
    data = to_csv_excel(
        ["Name", "Datum", "Zeit", "Betrag", "Anzahl", "Bestätigt", "Bemerkung"],
        [
            ["Weiß; Zoë", dt.date(2026, 8, 3), dt.datetime(2026, 8, 3, 9, 14), 2.5, 3, True, None],
            ["Олена", None, None, Decimal("-1.50"), -4, False, "Zeile 1\nZeile 2"],
        ],
    )
    assert data.startswith(b"\xef\xbb\xbfName;Datum;")
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") == 3
    assert parse_csv(data) == [
        ["Name", "Datum", "Zeit", "Betrag", "Anzahl", "Bestätigt", "Bemerkung"],
        ["Weiß; Zoë", "03.08.2026", "03.08.2026 09:14", "2,5", "3", "ja", ""],
        ["Олена", "", "", "-1,5", "-4", "nein", "Zeile 1\nZeile 2"],
    ]


def test_csv_guards_formula_cells_but_not_phone_numbers() -> None:
    data = to_csv_excel(["Telefon", "Bemerkung"], [["+49 176 12345678", "=1+1"], ["-5", "@x"]])
    assert parse_csv(data)[1:] == [["+49 176 12345678", "'=1+1"], ["-5", "'@x"]]


def test_csv_round_trip_through_reader(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(to_csv_excel(["Vorname", "Nachname"], [["Jürgen", "Großmann"]]))
    table = read_table(path)
    assert table.headers == ("Vorname", "Nachname")
    assert table.rows[0].cells == ("Jürgen", "Großmann")


def test_xlsx_layout() -> None:
    long_text = "Familien mit schwer erkrankten Kindern, Geflüchtete/Zugewanderte, Senior:innen" * 2
    data = to_xlsx(
        ["Name", "Zielgruppen", "Datum", "Bemerkung"],
        [
            ["Weiß", long_text, dt.date(2026, 12, 31), '=HYPERLINK("http://example.com","x")'],
            ["Li", "Kinder", dt.datetime(2026, 8, 3, 9, 14), "-A1"],
        ],
        "Teilnehmer:innen 2026/27 [Fachtag] – sehr langer Titel",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.title == "Teilnehmer-innen 2026-27 -Facht"  # Excel allows 31 characters
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"
    assert sheet.column_dimensions["A"].width == 10
    assert sheet.column_dimensions["B"].width == 62
    assert sheet["C2"].value == dt.datetime(2026, 12, 31)
    assert sheet["C2"].number_format == "DD.MM.YYYY"
    assert sheet["D2"].data_type == "s"
    assert sheet["D2"].quotePrefix
    assert sheet["D2"].value == '=HYPERLINK("http://example.com","x")'


def test_xlsx_round_trip(tmp_path: Path) -> None:
    rows = [
        ["Jürgen", "Großmann", "0345 1234567", dt.date(2026, 8, 3), '=HYPERLINK("x")'],
        ["محمد", "الحسن", "+49 176 12345678", dt.datetime(2026, 8, 5, 8, 30), ""],
        ["Олена", "Коваленко", "", None, "braucht Übersetzung\x07"],
    ]
    path = tmp_path / "liste.xlsx"
    path.write_bytes(
        to_xlsx(["Vorname", "Nachname", "Telefon", "Eingang", "Bemerkung"], rows, "Liste")
    )
    table = read_table(path)
    assert table.headers == ("Vorname", "Nachname", "Telefon", "Eingang", "Bemerkung")
    assert [r.line for r in table.rows] == [2, 3, 4]
    assert [r.cells for r in table.rows] == [
        ("Jürgen", "Großmann", "0345 1234567", "2026-08-03", '=HYPERLINK("x")'),
        ("محمد", "الحسن", "+49 176 12345678", "2026-08-05 08:30", ""),
        ("Олена", "Коваленко", "", "", "braucht Übersetzung"),
    ]


def test_xlsx_without_rows_still_has_header() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx(["Name"], [], ""))).active
    assert sheet is not None
    assert sheet.title == "Tabelle1"
    assert sheet["A1"].value == "Name"
    assert sheet.auto_filter.ref == "A1:A1"


def test_xlsx_numbers_and_dates_have_number_formats() -> None:
    data = to_xlsx(
        ["Datum", "Zeit", "Anzahl", "Quote"],
        [[dt.date(2026, 8, 3), dt.datetime(2026, 8, 3, 9, 14), 12, 23.5]],
        "Zahlen",
    )
    date, moment, count, share = load_workbook(io.BytesIO(data)).active[2]
    assert date.is_date and date.number_format == "DD.MM.YYYY"
    assert moment.is_date and moment.number_format == "DD.MM.YYYY HH:MM"
    assert count.data_type == "n" and count.number_format == "0"
    assert share.data_type == "n" and share.value == 23.5 and share.number_format == "0.0"
