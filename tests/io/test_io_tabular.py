"""Reading CSV and XLSX files into tables."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from patenbuero.io.errors import FileFormatError
from patenbuero.io.tabular import (
    clean_cell,
    column_letter,
    decode_text,
    detect_delimiter,
    read_csv_bytes,
    read_table,
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_semicolons(tmp_path: Path) -> None:
    data = "\ufeffVorname;Nachname\r\nJürgen;Großmann\r\n".encode()
    table = read_table(write(tmp_path, "a.csv", data))
    assert table.headers == ("Vorname", "Nachname")
    assert table.rows[0].cells == ("Jürgen", "Großmann")
    assert table.rows[0].line == 2


def test_windows_1252_umlauts_are_read(tmp_path: Path) -> None:
    data = "Name;Ort\r\nMüller;Südstadt\r\nWeiß;Kröllwitz – Nord\r\n".encode("cp1252")
    table = read_table(write(tmp_path, "excel.csv", data))
    assert [r.cells for r in table.rows] == [
        ("Müller", "Südstadt"),
        ("Weiß", "Kröllwitz – Nord"),
    ]


def test_utf16_unicode_text_from_excel(tmp_path: Path) -> None:
    data = "Name\tE-Mail\r\nОлена\tolena@example.org\r\n".encode("utf-16")
    table = read_table(write(tmp_path, "unicode.txt", data))
    assert table.rows[0].cells == ("Олена", "olena@example.org")


def test_tab_separated_input(tmp_path: Path) -> None:
    data = b"Vorname\tNachname\tBemerkung\nAnna;Lena\tSchulze\tkommt, wenn es passt\n"
    table = read_table(write(tmp_path, "liste.tsv", data))
    assert table.headers == ("Vorname", "Nachname", "Bemerkung")
    assert table.rows[0].cells == ("Anna;Lena", "Schulze", "kommt, wenn es passt")


def test_comma_separated_with_quoted_commas() -> None:
    table = read_csv_bytes(b'Name,Orte\n"Lesewelt","Altstadt, Neustadt"\n')
    assert table.rows[0].cells == ("Lesewelt", "Altstadt, Neustadt")


def test_delimiter_fallback_counts_header() -> None:
    assert detect_delimiter("Name;Vorname;E-Mail\n") == ";"
    assert detect_delimiter("Name\tVorname\n") == "\t"
    assert detect_delimiter("Name\n") == ";"


def test_line_numbers_with_multiline_cells_and_empty_rows() -> None:
    data = (
        'Name;Bemerkung\r\nA;"erste Zeile für Jürgen\r\nzweite Zeile"\r\n'
        ';\r\n\r\nB;x\r\n"C";"1\n2\n3"\nD;\n'
    ).encode()
    table = read_csv_bytes(data)
    assert [(r.line, r.cells[0]) for r in table.rows] == [(2, "A"), (6, "B"), (7, "C"), (10, "D")]
    assert table.rows[0].cells[1] == "erste Zeile für Jürgen\nzweite Zeile"


def test_whitespace_and_non_breaking_spaces_are_cleaned() -> None:
    table = read_csv_bytes("Name ; Ort\n\u00a0Anna\u00a0Lena ;  Trotha \n".encode())
    assert table.headers == ("Name", "Ort")
    assert table.rows[0].cells == ("Anna Lena", "Trotha")
    assert clean_cell("Mu\u0308ller\u202f") == "Müller"
    # Plain ASCII takes a shorter way to the same result: a stray carriage return goes too.
    assert clean_cell(" Anna\rLena \r") == clean_cell(" Anna\rLena\u00a0\r") == "AnnaLena"


def test_short_rows_are_padded_and_unnamed_columns_named() -> None:
    table = read_csv_bytes(b"Name;;Ort\nA\nB;x;y;z\n")
    assert table.headers == ("Name", "Spalte B", "Ort", "Spalte D")
    assert table.rows[0].cells == ("A", "", "", "")
    assert table.rows[1].get(3) == "z"
    assert table.rows[1].get(9) == ""


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("liste.pdf", b"x", "keine Tabelle"),
        ("alt.xls", b"x", "Excel-Arbeitsmappe (.xlsx)"),
        ("leer.csv", b"", "ist leer"),
        ("leer2.csv", b"\r\n  \r\n", "ist leer"),
        ("nur_trenner.csv", b";;;\n;;\n", "keine Kopfzeile"),
        ("doppelt.csv", b"Name;E-Mail;name\n", "„name“ kommt in der Kopfzeile (Zeile 1) zweimal"),
        ("ohne_kopf.csv", b"Anna;anna@example.org\n", "fehlt die Kopfzeile"),
        ("kaputt.xlsx", b"kein zip", "keine lesbare Excel-Arbeitsmappe"),
    ],
)
def test_unusable_files_give_german_messages(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(FileFormatError) as info:
        read_table(write(tmp_path, name, data))
    assert message in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="nicht gefunden"):
        read_table(tmp_path / "fehlt.csv")


def test_undecodable_bytes_are_reported() -> None:
    with pytest.raises(FileFormatError, match="Zeichenkodierung"):
        decode_text(b"Name\n\x81\x8d\x90\n\xff")


def test_xlsx_values_become_text(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "Datum", "Zeit", "Anzahl", "Betrag", "Aktiv"])
    sheet.append([])
    sheet.append(["Ölçer", dt.date(2026, 12, 31), dt.datetime(2026, 8, 3, 9, 14), 12, 2.5, True])
    sheet["A5"] = "  Weiß\u00a0"
    second = workbook.create_sheet("Zweites Blatt")
    second.append(["nicht", "gelesen"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(write(tmp_path, "liste.xlsx", buffer.getvalue()))
    assert table.headers == ("Name", "Datum", "Zeit", "Anzahl", "Betrag", "Aktiv")
    assert table.rows[0].line == 3
    assert table.rows[0].cells == ("Ölçer", "2026-12-31", "2026-08-03 09:14", "12", "2.5", "ja")
    assert table.rows[1].line == 5
    assert table.rows[1].cells[0] == "Weiß"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701)] == ["A", "Z", "AA", "AB", "ZZ"]


def test_limits_keep_an_import_bounded(tmp_path, monkeypatch) -> None:
    import pytest

    from patenbuero.io import tabular
    from patenbuero.io.errors import FileFormatError

    wide = tmp_path / "breit.csv"
    wide.write_text(";".join(f"S{n}" for n in range(1000)) + "\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="1000 Spalten; eingelesen werden höchstens 200"):
        tabular.read_table(wide)
    long_field = tmp_path / "lang.csv"
    long_field.write_text('Name;Notiz\nA;"' + "x" * 200_000 + '"\n', encoding="utf-8")
    with pytest.raises(FileFormatError, match="mehr als 131072 Zeichen") as raised:
        tabular.read_table(long_field)
    assert "field" not in str(raised.value)
    monkeypatch.setattr(tabular, "MAX_ROWS", 10)
    many = tmp_path / "viele.csv"
    many.write_text("Name\n" + "".join(f"P{n}\n" for n in range(20)), encoding="utf-8")
    with pytest.raises(FileFormatError, match="mehr als 10 Zeilen"):
        tabular.read_table(many)
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 1024)
    big = tmp_path / "gross.csv"
    big.write_bytes(b"Name\n" + b"Patenschaft\n" * 2000)
    with pytest.raises(FileFormatError, match="eingelesen werden höchstens"):
        tabular.read_table(big)
