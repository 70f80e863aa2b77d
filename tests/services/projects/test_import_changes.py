"""An import shows each change as old → new, never drops target groups, keeps phone spelling."""

from pathlib import Path

from patenbuero.services.core.importing import (
    Action,
    apply_import,
    preview_import,
    read_import_file,
)
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.importing import ProjectImporter

HEADER = "Projektname;Träger;Zielgruppen;Stadtteile;E-Mail;Telefon"


def _import(db, tmp_path: Path, rows: str, name: str):
    path = tmp_path / name
    path.write_text(f"{HEADER}\n{rows}\n", encoding="utf-8")
    table = read_import_file(path)
    preview = preview_import(db, ProjectImporter(), table, source=str(path))
    apply_import(db, ProjectImporter(), table, preview.mapping)
    return preview


def _project(db):
    row = next(r for r in projects.list_projects(db) if r.name == "Azubi-Lots:innen")
    return projects.get_project(db, row.id)


def _group_names(db, detail) -> set[str]:
    names = {g.id: g.name for g in projects.list_target_groups(db)}
    return {names[i] for i in detail.target_group_ids}


def test_fewer_target_groups_and_a_reformatted_phone_change_nothing(db, tmp_path) -> None:
    _import(
        db,
        tmp_path,
        "Azubi-Lots:innen;Sozialwerk Halle-Süd;Jugendliche, Arbeitsuchende;Neustadt;"
        "lots@example.org;0345 328 86 89",
        "erst.csv",
    )
    assert _project(db).phone == "0345 328 86 89"  # as the office wrote it
    preview = _import(
        db,
        tmp_path,
        "Azubi-Lots:innen;Sozialwerk Halle-Süd;Jugendliche;Neustadt;lots@example.org;0345 3288689",
        "zweit.csv",
    )
    assert [row.action for row in preview.rows] == [Action.UNCHANGED]
    detail = _project(db)
    assert _group_names(db, detail) == {"Jugendliche", "Arbeitsuchende"}
    assert detail.phone == "0345 328 86 89"


def test_preview_names_each_change_with_old_and_new_value(db, tmp_path) -> None:
    _import(
        db,
        tmp_path,
        "Azubi-Lots:innen;Sozialwerk Halle-Süd;Jugendliche;Neustadt;lots@example.org;0345 1234",
        "erst.csv",
    )
    preview = _import(
        db,
        tmp_path,
        "Azubi-Lots:innen;Sozialwerk Halle-Süd;Kinder;Neustadt;lots@example.org;0345 98 76",
        "zweit.csv",
    )
    detail = preview.rows[0].detail
    assert "Zielgruppen: „Jugendliche“ → „Jugendliche, Kinder“" in detail
    assert "„0345 1234“ → „0345 98 76“" in detail
    assert _group_names(db, _project(db)) == {"Jugendliche", "Kinder"}
    assert _project(db).phone == "0345 98 76"


def test_the_office_takes_a_removal_and_keeps_a_change_by_field(db, tmp_path) -> None:
    _import(
        db,
        tmp_path,
        "Azubi-Lots:innen;Sozialwerk Halle-Süd;Jugendliche, Arbeitsuchende;Neustadt;"
        "lots@example.org;0345 1234",
        "erst.csv",
    )
    path = tmp_path / "zweit.csv"
    path.write_text(
        f"{HEADER}\nAzubi-Lots:innen;Sozialwerk Halle-Süd;Jugendliche;Neustadt;"
        "lots@example.org;0345 98 76\n",
        encoding="utf-8",
    )
    table = read_import_file(path)
    preview = preview_import(db, ProjectImporter(), table)
    by_label = {change.label: change for change in preview.changes}
    removal = by_label["Zielgruppen (nicht mehr in der Datei)"]
    assert (removal.old, removal.new, removal.removes) == (
        "Jugendliche, Arbeitsuchende",
        "Jugendliche",
        True,
    )
    phone = by_label["Telefon"]
    assert not phone.removes
    importer = ProjectImporter({removal.key: True, phone.key: False})
    assert preview_import(db, importer, table).rows[0].action == Action.UPDATE
    apply_import(db, importer, table, preview.mapping)
    detail = _project(db)
    assert _group_names(db, detail) == {"Jugendliche"}
    assert detail.phone == "0345 1234"
