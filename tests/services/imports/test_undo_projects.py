"""Undo of a project import: created records go, changed ones get their old values."""

import pytest

from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.imports import UndoRefused, list_runs, undo_import
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.importing import ProjectImporter
from tests.helpers.import_journal import everything

HEADER = "Projektname;Träger;Zielgruppen;Stadtteile;E-Mail;Telefon;Ansprechpartner:in"


def _import(db, tmp_path, rows: str, name: str):
    path = tmp_path / name
    path.write_text(f"{HEADER}\n{rows}\n", encoding="utf-8")
    table = read_import_file(path)
    preview = preview_import(db, ProjectImporter(), table, source=str(path))
    assert preview.errors == []
    apply_import(db, ProjectImporter(), table, preview.mapping, source=path)
    return list_runs(db)[0]


def test_undo_of_an_update_restores_fields_and_target_groups(db, tmp_path) -> None:
    first = _import(
        db,
        tmp_path,
        "Lesewelt Halle;Bürgerstiftung Halle;Kinder;Altstadt;lesewelt@example.org;"
        "0345 111;Dörte Weiß",
        "erst.csv",
    )
    assert first.summary == (
        "1 Projekt neu, 1 Ansprechperson neu, 1 Träger neu, 1 Zielgruppe neu, 1 Stadtteil neu"
    )
    before = everything(db)
    second = _import(
        db,
        tmp_path,
        "Lesewelt Halle;Bürgerstiftung Halle;Kinder, Familien;Altstadt, Südstadt;"
        "info@lesewelt.example.org;0345 222;Dörte Weiß",
        "zweit.csv",
    )
    assert "1 Projekt geändert" in second.summary
    with pytest.raises(UndoRefused, match="1 Datensatz wurde seitdem geändert"):
        undo_import(db, first.id)  # the second import changed the project since
    result = undo_import(db, second.id)
    assert everything(db) == before
    assert "wiederhergestellt 1 Projekt" in result.summary
    assert "entfernt 1 Ansprechperson, 1 Zielgruppe, 1 Stadtteil" in result.summary
    undo_import(db, first.id)
    assert projects.list_projects(db) == []
    assert projects.list_target_groups(db) == []


def test_a_traeger_used_by_another_project_since_stays(db, tmp_path) -> None:
    run = _import(db, tmp_path, "Lernengel;Neuer Träger e. V.;;;;;", "erst.csv")
    _import(db, tmp_path, "Spielplatzpaten;Neuer Träger e. V.;;;;;", "zweit.csv")
    result = undo_import(db, run.id)
    assert [(p.name, p.organisation) for p in projects.list_projects(db)] == [
        ("Spielplatzpaten", "Neuer Träger e. V.")
    ]
    assert result.kept == "1 Träger"
