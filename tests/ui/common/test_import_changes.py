"""The project import preview, field by field: old → new, take or keep by clicking."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.importing import ProjectImporter
from patenbuero.ui.common.import_dialog import ImportDialog
from tests.helpers.screenshots import screenshot

HEADER = "Projektname;Träger;Zielgruppen;Telefon;Website"


def _write(tmp_path: Path, name: str, row: str) -> Path:
    path = tmp_path / name
    path.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    return path


def _stored(db):
    row = next(r for r in projects.list_projects(db) if r.name == "Lernengel")
    return row, projects.get_project(db, row.id)


def _click_box(qtbot, dialog: ImportDialog, row: int) -> None:
    """Click the tick box at the left of the change's first cell, as a user does."""
    table = dialog.changes.table
    rect = table.visualItemRect(table.check_box(row))
    dialog.preview = None
    where = QPoint(rect.left() + 12, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())


def test_each_change_is_listed_and_taken_or_kept_by_click(qtbot, db, tmp_path) -> None:
    first = _write(
        tmp_path,
        "alt.csv",
        "Lernengel;Bürgerstiftung Halle;Kinder, Jugendliche;0345 111 22;https://lernengel.de",
    )
    table = read_import_file(first)
    apply_import(db, ProjectImporter(), table, preview_import(db, ProjectImporter(), table).mapping)
    path = _write(tmp_path, "neu.csv", "Lernengel;Bürgerstiftung Halle;Kinder;0345 999 00;")
    dialog = ImportDialog(db, ProjectImporter())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())
    changes = dialog.changes.table
    assert dialog.changes.isVisible()
    lines = [[changes.item(r, c).text() for c in range(6)] for r in range(changes.rowCount())]
    assert lines == [
        ["übernehmen", "2", "Lernengel", "Telefon", "0345 111 22", "0345 999 00"],
        ["behalten", "2", "Lernengel", "Website", "https://lernengel.de", "–"],
        [
            "behalten",
            "2",
            "Lernengel",
            "Zielgruppen (nicht mehr in der Datei)",
            "Kinder, Jugendliche",
            "Kinder",
        ],
    ]
    qtbot.wait(50)  # the splitter makes room for the changes
    dialog.grab().save(screenshot("import-vorschau-felder.png", tmp_path))
    _click_box(qtbot, dialog, 0)  # keep the stored phone number
    _click_box(qtbot, dialog, 2)  # take the shorter list of target groups
    assert changes.item(0, 0).checkState() == Qt.CheckState.Unchecked
    assert changes.item(2, 0).checkState() == Qt.CheckState.Checked
    assert "bleibt wie gespeichert: Telefon, Website" in dialog.preview.rows[0].detail
    dialog.grab().save(screenshot("import-vorschau-felder-gewaehlt.png", tmp_path))
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    row, detail = _stored(db)
    assert row.phone == "0345 111 22"
    assert detail.website == "https://lernengel.de"
    assert row.target_groups == "Kinder"
