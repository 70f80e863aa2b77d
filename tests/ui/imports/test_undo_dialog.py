"""Datei → Import rückgängig, by clicks: the list of past imports, asking, the result."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from patenbuero.services.core.importing import apply_import, preview_import, read_import_file
from patenbuero.services.projects.importing import ProjectImporter
from patenbuero.services.registrations.use_cases import cancel_by_email, list_registrations
from patenbuero.ui.imports.undo_dialog import ImportUndoDialog
from patenbuero.ui.main_window import MainWindow
from tests.helpers.import_journal import clean_sample, import_registrations
from tests.helpers.modal import when_dialog_opens
from tests.helpers.persons import add_event
from tests.helpers.screenshots import screenshot


def _project_import(db, tmp_path: Path) -> None:
    path = tmp_path / "Mitgliederliste 2026.csv"
    path.write_text(
        "Projektname;Träger;Zielgruppen\nLesewelt Halle;Bürgerstiftung Halle;Kinder\n", "utf-8"
    )
    table = read_import_file(path)
    preview = preview_import(db, ProjectImporter(), table)
    apply_import(db, ProjectImporter(), table, preview.mapping, source=path)


def _undo_action(window: MainWindow):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == "Import &rückgängig …")


def _click_row(qtbot, dialog: ImportUndoDialog, row: int) -> None:
    rect = dialog.table.visualRect(dialog.model.index(row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_undo_from_the_file_menu_by_clicks(qtbot, db, tmp_path, monkeypatch) -> None:
    event_id = add_event(db, capacity=5)
    import_registrations(db, event_id, clean_sample(tmp_path))
    _project_import(db, tmp_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        "patenbuero.ui.imports.undo_dialog.prompts.confirm",
        lambda _parent, _title, text: asked.append(text) or True,
    )
    monkeypatch.setattr(
        "patenbuero.ui.imports.undo_dialog.prompts.inform",
        lambda _parent, _title, text: told.append(text),
    )
    seen: dict[str, object] = {}

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportUndoDialog)
        dialog.grab().save(screenshot("import-rueckgaengig.png", tmp_path))
        assert dialog.model.rowCount() == 2
        newest, older = dialog.model.row_at(0), dialog.model.row_at(1)
        assert (newest.kind_label, newest.file_name) == (
            "Mitgliedsprojekte",
            "Mitgliederliste 2026.csv",
        )
        assert older.kind_label == "Anmeldungen"
        _click_row(qtbot, dialog, 1)
        assert dialog.undo_button.isEnabled()
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
        seen["state"] = dialog.model.index(1, 5).data()
        _click_row(qtbot, dialog, 1)
        seen["enabled_after"] = dialog.undo_button.isEnabled()
        dialog.grab().save(screenshot("import-rueckgaengig-danach.png", tmp_path))
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(ImportUndoDialog, act)
    _undo_action(window).trigger()

    assert asked and "Fachtag Patenschaften (17.09.2026)" in asked[0]
    assert "Der Import ergab: 9 Anmeldungen neu, 9 Personen neu." in asked[0]
    assert told and told[0].startswith("Der Import ist rückgängig gemacht: entfernt 9 Anmeldungen")
    assert str(seen["state"]).startswith("rückgängig gemacht\nam")
    assert seen["enabled_after"] is False
    assert list_registrations(db, event_id) == []
    assert window.statusBar().currentMessage() == "Import rückgängig gemacht."


def test_refusal_after_a_later_edit_is_shown_and_nothing_changes(
    qtbot, db, tmp_path, monkeypatch
) -> None:
    event_id = add_event(db, capacity=None)
    import_registrations(db, event_id, clean_sample(tmp_path))
    cancel_by_email(db, event_id, "zoe.weiss@example.org")
    before = list_registrations(db, event_id)
    dialog = ImportUndoDialog(db)
    qtbot.addWidget(dialog)
    refused: list[str] = []
    monkeypatch.setattr("patenbuero.ui.imports.undo_dialog.prompts.confirm", lambda *a: True)
    monkeypatch.setattr(
        "patenbuero.ui.imports.undo_dialog.prompts.refuse",
        lambda _parent, _title, text: refused.append(text),
    )
    _click_row(qtbot, dialog, 0)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert refused == [
        "Der Import kann nicht rückgängig gemacht werden: 1 Datensatz wurde seitdem geändert "
        "oder gelöscht (1 Anmeldung). Es wurde nichts geändert."
    ]
    assert list_registrations(db, event_id) == before
    assert dialog.undo_button.isEnabled()  # still listed as undoable once the edit is undone
