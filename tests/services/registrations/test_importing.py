"""Registrations from the web form: line numbers, all or nothing, no one twice, file order."""

import datetime as dt
from pathlib import Path

import pytest

from patenbuero.services.core.importing import (
    Action,
    ImportRefused,
    apply_import,
    preview_import,
    read_import_file,
)
from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.persons import duplicate_groups
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.persons import add_event, person

SAMPLE = Path(__file__).parents[2] / "io" / "data" / "anmeldungen_webformular.csv"
NOW = dt.datetime(2026, 8, 10, 12, 0)


def run(db, event_id, path):
    importer = RegistrationImporter(event_id, NOW)
    table = read_import_file(path)
    return importer, table, preview_import(db, importer, table, source=str(path))


def clean_sample(tmp_path: Path) -> Path:
    target = tmp_path / "anmeldungen.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(line for line in lines if "@example;" not in line), "utf-8")
    return target


def test_sample_file_is_refused_with_the_bad_line_and_nothing_written(db) -> None:
    event_id = add_event(db, capacity=20)
    importer, table, preview = run(db, event_id, SAMPLE)
    assert preview.errors == [
        next(e for e in preview.errors if e.startswith("Zeile 9: E-Mail-Adresse ungültig"))
    ]
    with pytest.raises(ImportRefused) as refused:
        apply_import(db, importer, table, preview.mapping)
    assert refused.value.errors[0].startswith("Zeile 9:")
    assert list_registrations(db, event_id) == []


def test_import_in_file_order_with_waitlist_and_same_email_once(db, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    path = clean_sample(tmp_path)
    importer, table, preview = run(db, event_id, path)
    assert preview.errors == []
    double = next(r for r in preview.rows if r.line == 8)
    assert double.action == Action.UNCHANGED and "Zeile 7" in double.detail
    apply_import(db, importer, table, preview.mapping)
    rows = list_registrations(db, event_id)
    confirmed = [r.last_name for r in rows if r.status == "confirmed"]
    waiting = [r.last_name for r in rows if r.status == "waitlisted"]
    assert confirmed == ["Großmann", "Yılmaz", "Коваленко", "الحسن", "Nguyễn"]
    assert waiting[0] == "Müller-Lüdenscheidt" and len(waiting) == 4
    assert sum(r.last_name.startswith("Müller") for r in rows) == 1
    remarks = {r.last_name: r.remarks for r in rows}
    assert remarks["Коваленко"] == "braucht Übersetzung ins Ukrainische"


def test_reimport_registers_nobody_twice(db, tmp_path) -> None:
    event_id = add_event(db, capacity=20)
    path = clean_sample(tmp_path)
    importer, table, preview = run(db, event_id, path)
    apply_import(db, importer, table, preview.mapping)
    before = list_registrations(db, event_id)
    _importer, _table, again = run(db, event_id, path)
    assert again.count(Action.CREATE) == 0
    assert not again.can_import
    assert list_registrations(db, event_id) == before


def test_names_that_only_look_alike_are_registered_and_listed(db, tmp_path) -> None:
    event_id = add_event(db, capacity=20)
    other = add_event(db, title="Vernetzungstreffen")
    register_person(db, other, person("Juergen", "Grossmann", "jg-privat@example.org"))
    path = clean_sample(tmp_path)
    importer, table, preview = run(db, event_id, path)
    row = next(r for r in preview.rows if r.line == 2)
    assert row.action == Action.CREATE and "mögliche Dublette" in row.detail
    apply_import(db, importer, table, preview.mapping)
    assert any(len(group) == 2 for group in duplicate_groups(db))


def test_windows_1252_tab_file_with_office_headers(db, tmp_path) -> None:
    event_id = add_event(db, capacity=3)
    path = tmp_path / "liste.txt"
    content = (
        "Name\tVorname\tMail\tTel.\tEinrichtung\tBemerkung\n\n"
        "Müller\tJürgen\tjm@example.org\t0345 1234567\tLesewelt\tvegan\n"
    )
    path.write_bytes(content.encode("cp1252"))
    importer, table, preview = run(db, event_id, path)
    assert preview.errors == [] and preview.count(Action.CREATE) == 1
    apply_import(db, importer, table, preview.mapping)
    (row,) = list_registrations(db, event_id)
    assert (row.last_name, row.first_name, row.remarks) == ("Müller", "Jürgen", "vegan")


def test_missing_name_column_is_a_file_problem(db, tmp_path) -> None:
    event_id = add_event(db)
    path = tmp_path / "ohne_namen.csv"
    path.write_text("E-Mail;Telefon\na@example.org;0345 1\n", encoding="utf-8")
    _importer, _table, preview = run(db, event_id, path)
    assert preview.errors and "Pflichtfeld" in preview.errors[0]


def test_consent_columns_are_mapped_shown_and_recorded(db, tmp_path: Path) -> None:
    from patenbuero.services.privacy.page import person_page
    from patenbuero.services.privacy.refs import SubjectRef

    event_id = add_event(db, capacity=10)
    path = tmp_path / "anmeldungen.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail;Fotos;Kontakt nach der Veranstaltung\n"
        "Gülşen;Öztürk;go@example.org;nein;ja\n"
        "Łukasz;Nowak;ln@example.org;;\n",
        encoding="utf-8",
    )
    importer, table, preview = run(db, event_id, path)
    assert not preview.errors
    assert "Fotos: nein" in preview.rows[0].detail
    assert "Kontakt danach: ja" in preview.rows[0].detail
    assert "Fotos: keine Angabe" in preview.rows[1].detail
    apply_import(db, importer, table, preview.mapping)
    rows = list_registrations(db, event_id)
    page = person_page(
        db, SubjectRef("person", next(r.person_id for r in rows if r.last_name == "Öztürk"))
    )
    assert not page.consents["photos"].active and page.consents["follow_up"].active

    bad = tmp_path / "schlecht.csv"
    bad.write_text("Vorname;Nachname;Fotos\nAnna;Schulz;vielleicht\n", encoding="utf-8")
    _importer, _table, refused = run(db, event_id, bad)
    assert any("Fotos" in line and "vielleicht" in line for line in refused.errors)
