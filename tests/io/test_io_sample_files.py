"""The office's real-world sample files, read and checked as an import would."""

from __future__ import annotations

import csv
import io
from itertools import combinations
from pathlib import Path

from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.io.mapping import PROJECT_FIELDS, REGISTRATION_FIELDS, guess_mapping
from patenbuero.io.names import likely_same_person
from patenbuero.io.tabular import Table, read_table
from patenbuero.io.validate import (
    check_email,
    check_phone,
    check_url,
    parse_bool_de,
    parse_date_de,
    split_list_cell,
)

DATA = Path(__file__).parent / "data"


def records(table: Table, fields=REGISTRATION_FIELDS) -> list[tuple[int, dict[str, str]]]:
    mapping = guess_mapping(table.headers, fields)
    return [(row.line, {key: row.get(i) for i, key in mapping.items()}) for row in table.rows]


def test_registrations_are_read_with_true_line_numbers_and_scripts() -> None:
    table = read_table(DATA / "anmeldungen_webformular.csv")
    rows = records(table)
    assert len(rows) == 11
    assert rows[0][0] == 2 and rows[-1][0] == 12
    by_line = dict(rows)
    assert by_line[2]["first_name"] == "Jürgen" and by_line[2]["last_name"] == "Großmann"
    assert by_line[3]["last_name"] == "Yılmaz"
    assert (by_line[4]["first_name"], by_line[4]["last_name"]) == ("Олена", "Коваленко")
    assert (by_line[5]["first_name"], by_line[5]["last_name"]) == ("محمد", "الحسن")
    assert by_line[6]["last_name"] == "Nguyễn" and by_line[6]["organisation"] == ""
    assert by_line[9]["first_name"] == "Łukasz"
    assert by_line[10]["first_name"] == ""
    assert by_line[11]["remarks"] == '=HYPERLINK("http://example.com","Klick")'


def test_registration_cells_validate_with_german_errors() -> None:
    errors: list[str] = []
    for line, record in records(read_table(DATA / "anmeldungen_webformular.csv")):
        parse_date_de(record["registered_at"])
        try:
            check_email(record["email"])
        except ValueError as exc:
            errors.append(f"Zeile {line}: {exc}")
        if record["phone"]:
            check_phone(record["phone"])
    assert errors == [
        "Zeile 9: E-Mail-Adresse ungültig: „lukasz@example“ – nach dem @ fehlt eine Domain "
        "mit Punkt (z. B. example.org)."
    ]


def test_double_submission_is_found_by_email_and_name() -> None:
    rows = records(read_table(DATA / "anmeldungen_webformular.csv"))
    same_email = [
        (a[0], b[0])
        for a, b in combinations(rows, 2)
        if a[1]["email"].casefold() == b[1]["email"].casefold()
    ]
    same_name = [
        (a[0], b[0])
        for a, b in combinations(rows, 2)
        if likely_same_person(
            a[1]["first_name"], a[1]["last_name"], b[1]["first_name"], b[1]["last_name"]
        )
    ]
    assert same_email == [(7, 8)]
    assert same_name == [(7, 8)]


def test_member_projects_are_read_and_checked() -> None:
    rows = records(read_table(DATA / "mitgliedsprojekte.csv"), PROJECT_FIELDS)
    assert [line for line, _ in rows] == [2, 3, 4, 5, 6, 7]
    by_line = dict(rows)
    assert split_list_cell(by_line[2]["districts"]) == ["Altstadt", "Neustadt", "Südstadt"]
    assert split_list_cell(by_line[3]["target_groups"]) == ["Kinder", "Familien"]
    assert split_list_cell(by_line[6]["target_groups"]) == ["Umwelt/Grünflächen"]
    assert by_line[6]["organisation"] == "Stadt Halle (Saale)"
    assert [parse_bool_de(r["seeks_volunteers"]) for _, r in rows] == [
        True,
        True,
        False,
        True,
        True,
        True,
    ]
    assert [line for line, r in rows if not r["name"]] == [7]
    bad_emails = []
    for line, record in rows:
        try:
            check_email(record["email"])
        except ValueError:
            bad_emails.append(line)
        if record["website"]:
            assert check_url(record["website"]).startswith("https://example.org/")
    assert bad_emails == [5]


def test_formula_remark_is_guarded_on_csv_export() -> None:
    table = read_table(DATA / "anmeldungen_webformular.csv")
    data = to_csv_excel(table.headers, [row.cells for row in table.rows])
    exported = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    remark = exported[10][7]
    assert remark == '\'=HYPERLINK("http://example.com","Klick")'
    assert exported[2][4] == "+49 176 12345678"
    assert exported[3][1:3] == ["Олена", "Коваленко"]


def test_sample_file_survives_xlsx_round_trip(tmp_path: Path) -> None:
    table = read_table(DATA / "anmeldungen_webformular.csv")
    path = tmp_path / "anmeldungen.xlsx"
    path.write_bytes(to_xlsx(table.headers, [row.cells for row in table.rows], "Anmeldungen"))
    again = read_table(path)
    assert again.headers == table.headers
    assert [row.cells for row in again.rows] == [row.cells for row in table.rows]
