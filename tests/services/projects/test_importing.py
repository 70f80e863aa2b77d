"""Importing the member list: every bad row named, all or nothing, twice changes nothing."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from patenbuero.db.models import Contact, District, MemberProject, Organisation, TargetGroup
from patenbuero.io.export import to_xlsx
from patenbuero.services.core.importing import (
    Action,
    ImportRefused,
    apply_import,
    preview_import,
    read_import_file,
)
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.contacts import list_contacts
from patenbuero.services.projects.export import export_projects
from patenbuero.services.projects.importing import ProjectImporter

SAMPLE = Path("/work/shared/data/mitgliedsprojekte.csv")
HEADER = (
    "Projektname;Träger;Zielgruppen;Stadtteile;Ansprechpartner:in;E-Mail;Telefon;Website;"
    "sucht Pat:innen"
)


def write(tmp_path: Path, text: str, name: str = "liste.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(db, path: Path):
    table = read_import_file(path)
    preview = preview_import(db, ProjectImporter(), table, source=str(path))
    return table, preview


def counts(db) -> tuple[int, int, int]:
    with db.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (MemberProject, Contact, Organisation)
        )


def seed_lists(db) -> None:
    with db.unit_of_work() as session:
        for order, name in enumerate(
            ["Kinder", "Familien", "Senior:innen", "Geflüchtete/Zugewanderte"], start=1
        ):
            session.add(TargetGroup(name=name, sort_order=order))
        session.add_all([District(name="Heide-Nord"), District(name="Südstadt")])


BAD_ROWS = [
    ";Beispiel e.V.;Kinder;Südstadt;;;;;ja",
    "Mailfehler;;;;Ida Probe;ida@example;;;",
    "Telefonfehler;;;;;;0345 ABC;;",
    "Webfehler;;;;;;;nicht eine adresse;",
    "Jafehler;;;;;;;;vielleicht",
    "Doppelt;;Kinder;;;;0345 1111111;;",
    "Doppelt;;Familien;;;;;;",
]


def test_every_kind_of_bad_row_is_named_with_its_line(db, tmp_path) -> None:
    path = write(tmp_path, "\n".join([HEADER, "Gut;;Kinder;;;;;;ja", *BAD_ROWS]) + "\n")
    _, preview = run(db, path)
    errors = "\n".join(preview.errors)
    assert "Zeile 3: Projektname fehlt." in errors
    assert "Zeile 4: E-Mail-Adresse ungültig" in errors
    assert "Zeile 5: Telefonnummer ungültig" in errors
    assert "Zeile 6: Webadresse ungültig" in errors
    assert "Zeile 7: „vielleicht“ ist weder „ja“ noch „nein“." in errors
    assert "Zeile 9: Das Projekt steht auch in Zeile 8" in errors
    assert "Zeile 2" not in errors and "Zeile 8" not in errors.replace("in Zeile 8", "")
    assert not preview.can_import
    with pytest.raises(ImportRefused) as refused:
        apply_import(db, ProjectImporter(), read_import_file(path), preview.mapping)
    assert len(refused.value.errors) == 6
    assert counts(db) == (0, 0, 0)


def test_further_columns_are_checked_too(db, tmp_path) -> None:
    text = (
        "Projektname;Status;Mitglied seit;Flyertext;Ansprechpartner:in;E-Mail Ansprechpartner:in\n"
        f"A;irgendwie;;;;\nB;;32.13.2020;;;\nC;;;{'x' * 161};;\nD;;;;;d@example.org\n"
    )
    _, preview = run(db, write(tmp_path, text))
    assert [e.split(":")[0] for e in preview.errors] == ["Zeile 2", "Zeile 3", "Zeile 4", "Zeile 5"]
    assert "Status „irgendwie“ unbekannt" in preview.errors[0]
    assert "Datum nicht erkannt" in preview.errors[1]
    assert "161 Zeichen" in preview.errors[2]
    assert "Name der Ansprechperson fehlt" in preview.errors[3]


def test_sample_file_reports_its_two_bad_rows(db) -> None:
    _, preview = run(db, SAMPLE)
    assert preview.errors == [
        "Zeile 5: E-Mail-Adresse ungültig: „seelenpaten@example“ – nach dem @ fehlt eine "
        "Domain mit Punkt (z. B. example.org).",
        "Zeile 7: Projektname fehlt.",
    ]
    assert preview.count(Action.CREATE) == 4


def test_import_twice_changes_nothing_and_a_changed_file_updates(db, tmp_path) -> None:
    seed_lists(db)
    first = write(
        tmp_path,
        HEADER + "\nLesewelt Halle;Freiwilligen-Agentur Halle;kinder, FAMILIE;Südstadt, heide nord;"
        "Marie Beispiel;lesewelt@example.org;0345 1111111;https://example.org/lesewelt;ja\n"
        "Seelenpaten;Beispiel e.V.;Senioren, Geflüchtete, Nachbarschaft;stadtweit;"
        "Ole Test;seelenpaten@example.org;;;nein\n",
    )
    table, preview = run(db, first)
    assert preview.count(Action.CREATE) == 2 and not preview.errors
    new = {(v.kind, v.value) for v in preview.new_values}
    assert new == {
        ("Zielgruppe", "Nachbarschaft"),
        ("Träger", "Freiwilligen-Agentur Halle"),
        ("Träger", "Beispiel e.V."),
    }
    apply_import(db, ProjectImporter(), table, preview.mapping)
    rows = {r.name: r for r in projects.list_projects(db)}
    assert rows["Lesewelt Halle"].target_groups == "Kinder, Familien"
    assert rows["Lesewelt Halle"].districts == "Heide-Nord, Südstadt"
    assert rows["Seelenpaten"].districts == "ganz Halle"
    assert "Senior:innen" in rows["Seelenpaten"].target_groups
    assert "Geflüchtete/Zugewanderte" in rows["Seelenpaten"].target_groups
    before = counts(db)

    table, again = run(db, first)
    assert again.count(Action.UNCHANGED) == 2 and not again.can_import
    apply_import(db, ProjectImporter(), table, again.mapping)
    assert counts(db) == before

    changed = write(
        tmp_path,
        first.read_text("utf-8").replace("0345 1111111", "0345 9999999"),
        "geaendert.csv",
    )
    table, update = run(db, changed)
    assert update.count(Action.UPDATE) == 1
    assert "Telefon" in update.rows[0].detail
    apply_import(db, ProjectImporter(), table, update.mapping)
    assert counts(db) == before
    lesewelt = projects.get_project(db, rows["Lesewelt Halle"].id)
    assert lesewelt.phone == "0345 9999999"
    [contact] = list_contacts(db, lesewelt.id)
    assert (contact.first_name, contact.last_name) == ("Marie", "Beispiel")


def test_windows_1252_with_tabs_is_read(db, tmp_path) -> None:
    text = "Projekt\tTräger\tStadtteile\r\nGroße für Kleine\tKinder- und Jugendhaus\tSüdstadt\r\n"
    table, preview = run(db, write(tmp_path, text, encoding="cp1252"))
    assert preview.rows[0].label == "Große für Kleine" and not preview.errors
    apply_import(db, ProjectImporter(), table, preview.mapping)
    assert projects.list_projects(db)[0].organisation == "Kinder- und Jugendhaus"


def test_xlsx_with_english_headers(db, tmp_path) -> None:
    data = to_xlsx(
        ["Project", "Organization", "Email", "Website"],
        [["Lernengel", "Beispiel e.V.", "lernengel@example.org", "www.example.org/lernengel"]],
        "Projects",
    )
    path = tmp_path / "projects.xlsx"
    path.write_bytes(data)
    table, preview = run(db, path)
    assert set(preview.mapping.values()) == {"name", "organisation", "email", "website"}
    apply_import(db, ProjectImporter(), table, preview.mapping)
    assert projects.list_projects(db)[0].email == "lernengel@example.org"


def test_missing_name_column_is_refused_before_any_row(db, tmp_path) -> None:
    _, preview = run(db, write(tmp_path, "Träger;E-Mail\nBeispiel e.V.;a@example.org\n"))
    (error,) = preview.errors
    assert error.startswith("Keine Spalte ist dem Pflichtfeld „Projektname“ zugeordnet.")
    assert "Kopfzeile" in error  # the hint where to look


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_round_trip_export_then_import_changes_nothing(demo_db, tmp_path, file_format) -> None:
    before = counts(demo_db)
    path = tmp_path / f"projekte.{file_format}"
    path.write_bytes(export_projects(demo_db, file_format))
    rows_before = projects.list_projects(demo_db)
    table, preview = run(demo_db, path)
    assert not preview.errors
    assert {r.action for r in preview.rows} == {Action.UNCHANGED}, [
        (r.line, r.detail) for r in preview.rows if r.action != Action.UNCHANGED
    ]
    apply_import(demo_db, ProjectImporter(), table, preview.mapping)
    assert counts(demo_db) == before
    assert projects.list_projects(demo_db) == rows_before


def test_sample_file_copy_can_be_fixed_and_imported(db, tmp_path) -> None:
    path = tmp_path / "mitgliedsprojekte.csv"
    shutil.copyfile(SAMPLE, path)
    lines = path.read_text("utf-8").splitlines()
    fixed = [line.replace("seelenpaten@example;", "seelenpaten@example.org;") for line in lines]
    path.write_text("\n".join(fixed[:-1]) + "\n", "utf-8")
    table, preview = run(db, path)
    assert not preview.errors
    apply_import(db, ProjectImporter(), table, preview.mapping)
    assert counts(db)[0] == 5


def test_preview_says_why_a_contact_gets_no_network_mail(db, tmp_path) -> None:
    from patenbuero.services.projects.mailing_list import mailing_list

    seed_lists(db)
    header = HEADER + ";im Verteiler;Einwilligung am"
    rows = [
        "Lesewelt Halle;Freiwilligen-Agentur Halle;Kinder;Südstadt;Marie Beispiel;"
        "lesewelt@example.org;0345 1111111;;ja;nein;",
        "Lernengel;Freiwilligen-Agentur Halle;Kinder;Südstadt;Paul Muster;"
        "lernengel@example.org;;;ja;ja;",
        "Familienpaten;Freiwilligen-Agentur Halle;Familien;Südstadt;Ayşe Yılmaz;"
        "familie@example.org;;;ja;ja;03.02.2026",
    ]
    table, preview = run(db, write(tmp_path, "\n".join([header, *rows]) + "\n"))
    assert not preview.errors
    details = [r.detail for r in preview.rows]
    assert "nicht im Verteiler" in details[0]
    assert "ohne Einwilligung" in details[1]
    assert "Verteiler" not in details[2]
    apply_import(db, ProjectImporter(), table, preview.mapping)
    assert [r.email for r in mailing_list(db)] == ["familie@example.org"]
