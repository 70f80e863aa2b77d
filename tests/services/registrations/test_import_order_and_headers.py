"""Registration imports as web forms and office lists really look: Eingangsdatum, a
title line or a two-row header, refused rows by line, cancelled persons."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from patenbuero.services.core.importing import (
    ImportRefused,
    apply_import,
    preview_import,
    read_import_file,
)
from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.use_cases import (
    cancel_registration,
    list_registrations,
    register_person,
)
from tests.helpers.persons import add_event, person

WEB_FORM = Path("/work/shared/data/anmeldungen_webformular.csv")
SAMPLE = Path(__file__).parents[2] / "io" / "data" / "anmeldungen_webformular.csv"
NOW = dt.datetime(2026, 8, 10, 12, 0)


def web_form() -> Path:
    return WEB_FORM if WEB_FORM.exists() else SAMPLE


def preview(db, event_id, path, **options):
    importer = RegistrationImporter(event_id, NOW, **options)
    table = read_import_file(path, importer.fields)
    return importer, table, preview_import(db, importer, table, source=str(path))


def newest_first(tmp_path: Path) -> Path:
    """The web-form export as the form exports it: newest registration first."""
    header, *rows = web_form().read_text(encoding="utf-8").splitlines()
    rows = [row for row in rows if "@example;" not in row]  # the one bad address
    target = tmp_path / "export_neueste_zuerst.csv"
    target.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    return target


def test_newest_first_export_queues_by_eingangsdatum(db, tmp_path) -> None:
    event_id = add_event(db, capacity=2)
    importer, table, shown = preview(db, event_id, newest_first(tmp_path))
    assert shown.errors == []
    assert any("Eingangsdatum" in note for note in shown.notes)
    by_line = {row.line: row for row in shown.rows}
    earliest = next(row for row in shown.rows if row.label == "Jürgen Großmann")
    assert earliest.detail.startswith("bestätigt; eingegangen 03.08.2026 09:14")
    assert by_line[2].detail.startswith("Warteliste")  # the newest, first in the file
    apply_import(db, importer, table, shown.mapping)
    rows = list_registrations(db, event_id)
    assert [r.last_name for r in rows if r.status == "confirmed"] == ["Großmann", "Yılmaz"]
    waiting = [r.last_name for r in rows if r.status == "waitlisted"]
    assert waiting[:2] == ["Коваленко", "الحسن"] and waiting[-1] == "Brückner"
    times = {r.last_name: r.registered_at for r in rows}
    assert times["Großmann"] == dt.datetime(2026, 8, 3, 9, 14)
    assert times["Brückner"] == dt.datetime(2026, 8, 9, 16, 40)


def two_row_header_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Anmeldungen Fachtag Patenschaften 2026"])
    sheet.append(["Eingangsdatum", "Name", None, "Kontakt", None])
    sheet.append([None, "Vorname", "Nachname", "E-Mail", "Telefon"])
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:E2")
    sheet.merge_cells("A2:A3")
    sheet.append([dt.datetime(2026, 8, 4, 9, 0), "Heike", "Kühn", "heike@example.org", ""])
    sheet.append([dt.datetime(2026, 8, 3, 8, 0), "Günther", "Schulze", "gs@example.org", ""])
    book.save(path)
    return path


def test_two_row_header_with_title_is_found(db, tmp_path) -> None:
    event_id = add_event(db, capacity=1)
    importer, table, shown = preview(db, event_id, two_row_header_xlsx(tmp_path / "a.xlsx"))
    assert table.header_line == 3
    assert table.headers[:4] == ("Eingangsdatum", "Vorname", "Nachname", "E-Mail")
    assert [row.line for row in table.rows] == [4, 5]
    assert sorted(shown.mapping.values()) == [
        "email",
        "first_name",
        "last_name",
        "phone",
        "registered_at",
    ]
    assert shown.errors == []
    apply_import(db, importer, table, shown.mapping)
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert set(rows) == {"Kühn", "Schulze"}  # nobody called "Vorname"
    assert rows["Kühn"].first_name == "Heike" and rows["Kühn"].email == "heike@example.org"
    assert rows["Schulze"].status == "confirmed" and rows["Kühn"].status == "waitlisted"


def test_title_line_above_a_csv_header(db, tmp_path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text(
        "Teilnehmendenliste Vernetzungstreffen;;\n\nVorname;Nachname;E-Mail\n"
        "Özlem;Yılmaz;oy@example.org\n",
        encoding="utf-8",
    )
    event_id = add_event(db, capacity=5)
    importer, table, shown = preview(db, event_id, path)
    assert table.header_line == 3 and shown.errors == []
    apply_import(db, importer, table, shown.mapping)
    assert [r.last_name for r in list_registrations(db, event_id)] == ["Yılmaz"]


def test_header_line_chosen_by_hand_and_a_hint_when_it_is_wrong(db, tmp_path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Liste;;\nVorname;Nachname;E-Mail\nÖzlem;Yılmaz;oy@example.org\n", "utf-8")
    event_id = add_event(db, capacity=5)
    importer = RegistrationImporter(event_id, NOW)
    table = read_import_file(path, importer.fields, header_line=1)
    shown = preview_import(db, importer, table)
    assert "Kopfzeile" in shown.errors[0] and "Nachname" in shown.errors[0]
    table = read_import_file(path, importer.fields, header_line=2)
    assert preview_import(db, importer, table).errors == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "2026-08-03 09:14;Jürgen;;jg@example.org",
            "Zeile 3: Das Pflichtfeld „Nachname“ ist leer.",
        ),
        ("31.02.2026;Jürgen;Großmann;jg@example.org", "Zeile 3: „31.02.2026“ in der Spalte"),
        (f"2026-08-03;Jürgen;{'x' * 240};jg@example.org", "Zeile 3: „Nachname“ ist zu lang (240"),
        (f"2026-08-03;{'y' * 101};G;jg@example.org", "Zeile 3: „Vorname“ ist zu lang (101"),
    ],
)
def test_bad_rows_are_refused_by_line_and_nothing_is_written(db, tmp_path, row, message) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "Eingangsdatum;Vorname;Nachname;E-Mail\n2026-08-02 10:00;Eva;Schulze;eva@example.org\n"
        + row
        + "\n",
        encoding="utf-8",
    )
    event_id = add_event(db, capacity=5)
    importer, table, shown = preview(db, event_id, path)
    assert len(shown.errors) == 1 and shown.errors[0].startswith(message)
    with pytest.raises(ImportRefused):
        apply_import(db, importer, table, shown.mapping)
    assert list_registrations(db, event_id) == []


def test_cancelled_person_stays_cancelled_unless_chosen(db, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    outcome = register_person(db, event_id, person("Heike", "Kühn", "heike@example.org"))
    cancel_registration(db, outcome.registration_id)
    path = tmp_path / "export.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail\nHeike;Kühn;HEIKE@example.org\nEva;Schulze;eva@example.org\n",
        encoding="utf-8",
    )
    importer, table, shown = preview(db, event_id, path)
    assert "bleibt storniert" in next(r for r in shown.rows if r.line == 2).detail
    apply_import(db, importer, table, shown.mapping)
    status = {r.last_name: r.status for r in list_registrations(db, event_id)}
    assert status == {"Kühn": "cancelled", "Schulze": "confirmed"}
    importer, table, shown = preview(db, event_id, path, rebook_cancelled=True)
    assert "wieder angemeldet" in next(r for r in shown.rows if r.line == 2).detail
    apply_import(db, importer, table, shown.mapping)
    status = {r.last_name: r.status for r in list_registrations(db, event_id)}
    assert status == {"Kühn": "confirmed", "Schulze": "confirmed"}


def test_import_fills_the_free_places_then_the_waitlist_in_order(db, tmp_path) -> None:
    event_id = add_event(db, capacity=2)
    register_person(db, event_id, person("Anna", "Alt", "anna@example.org"))
    path = tmp_path / "neu.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail\n"
        "Berta;Brandt;berta@example.org\n"
        "Clara;Çelik;clara@example.org\n"
        "Anna;Alt;anna.zwei@example.org\n",
        encoding="utf-8",
    )
    importer, table, shown = preview(db, event_id, path)
    assert (
        "ähnlich wie Anna Alt (bereits erfasst)"
        in next(r for r in shown.rows if r.line == 4).detail
    )
    apply_import(db, importer, table, shown.mapping)
    rows = {(r.email, r.status, r.waitlist_position) for r in list_registrations(db, event_id)}
    assert rows == {
        ("anna@example.org", "confirmed", None),
        ("berta@example.org", "confirmed", None),
        ("clara@example.org", "waitlisted", 1),
        ("anna.zwei@example.org", "waitlisted", 2),
    }
