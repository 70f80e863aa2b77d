"""Datei → Datensicherung wiederherstellen runs in a worker thread with progress and
Abbrechen: done, the window shows the restored data; cancelled, the database is unchanged."""

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from patenbuero.services.core.backup import backup_database, list_backups
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.restore_dialog import RestoreDialog
from tests.helpers.databases import content_digest
from tests.helpers.screenshots import screenshot

pytestmark = pytest.mark.sqlite_only("restore replaces the SQLite file")


def _drop_inquiries(db) -> None:
    with db.unit_of_work() as session:
        session.connection().exec_driver_sql("DELETE FROM forwarding")
        session.connection().exec_driver_sql("DELETE FROM inquiry")


def _restore_action(window):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().startswith("Datensicherung &wie"))


def _later(condition, then, polls: int = 3000) -> None:
    """Call ``then(found)`` as soon as ``condition()`` finds something (polled in the loop);
    after a minute without, every dialog is closed so that the test fails instead of hanging."""

    def poll(left: int) -> None:
        found = condition()
        if found:
            then(found)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
        else:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, RestoreDialog) and widget.isVisible():
                    widget.reject()

    QTimer.singleShot(20, lambda: poll(polls))


def _restore_dialog():
    """The restore dialog once its backups are checked and the newest is chosen."""
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, RestoreDialog)
            and widget.isVisible()
            and widget.restore_button.isEnabled()
        ):
            return widget
    return None


def _copying_dialog():
    """The progress dialog once the safety backup is written and the copy has begun."""
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QProgressDialog)
            and widget.isVisible()
            and "zurückgespielt" in widget.labelText()
            and widget.value() >= widget.maximum() // 2 > 0
        ):
            return widget
    return None


@pytest.fixture
def held_in_the_copy(monkeypatch):
    """The worker waits in the copy (the live file is being written) until released."""
    release = threading.Event()
    from patenbuero.ui import restore_dialog

    real = restore_dialog.restore_backup

    def restore_held(db, path, progress):
        def held(done: int, total: int) -> bool:
            if done > total // 2:
                release.wait(30)
            return progress(done, total)

        return real(db, path, progress=held)

    monkeypatch.setattr(restore_dialog, "restore_backup", restore_held)
    monkeypatch.setattr("patenbuero.db.backup.PAGES_PER_STEP", 4)  # many small steps
    monkeypatch.setattr("patenbuero.ui.restore_dialog.confirm", lambda *_args: True)
    return release


def _open_window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.inquiries_tab)
    qtbot.waitUntil(lambda: window.inquiries_tab.list.visible_row_count() == 0)
    return window


def test_restore_from_the_menu_runs_in_the_background_and_reloads_the_window(
    qtbot, demo_db, tmp_path, held_in_the_copy
) -> None:
    backup_database(demo_db)
    _drop_inquiries(demo_db)
    window = _open_window(qtbot, demo_db)
    seen: list[str] = []

    def look_and_release(progress: QProgressDialog) -> None:
        seen.append(progress.labelText())
        seen.append(str(window.isEnabled()))
        progress.grab().save(screenshot("wiederherstellen-fortschritt.png", tmp_path))
        held_in_the_copy.set()

    _later(_restore_dialog, lambda d: qtbot.mouseClick(d.restore_button, Qt.MouseButton.LeftButton))
    _later(_copying_dialog, look_and_release)
    _restore_action(window).trigger()

    assert seen and "zurückgespielt" in seen[0]
    assert "Sicherung wiederhergestellt" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.inquiries_tab.list.visible_row_count() > 0)
    kinds = [entry.kind for entry in list_backups(demo_db.location)]
    assert "vor einer Wiederherstellung" in kinds  # the safety backup was written first


def test_abbrechen_during_the_copy_leaves_the_database_byte_for_byte(
    qtbot, demo_db, tmp_path, held_in_the_copy
) -> None:
    backup_database(demo_db)
    _drop_inquiries(demo_db)
    digest = content_digest(demo_db)
    backups = list_backups(demo_db.location)
    window = _open_window(qtbot, demo_db)
    told: list[str] = []

    def click_abbrechen(progress: QProgressDialog) -> None:
        button = progress.findChild(QPushButton)
        assert button.text() == "Abbrechen"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        progress.grab().save(screenshot("wiederherstellen-abbrechen.png", tmp_path))
        held_in_the_copy.set()

    def close_when_told(dialog: RestoreDialog) -> None:
        told.append(dialog.status.text())
        dialog.grab().save(screenshot("wiederherstellen-abgebrochen.png", tmp_path))
        close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Schließen")
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    _later(_restore_dialog, lambda d: qtbot.mouseClick(d.restore_button, Qt.MouseButton.LeftButton))
    _later(_copying_dialog, click_abbrechen)
    _later(
        lambda: (d := _restore_dialog()) is not None and d.status.isVisible() and d, close_when_told
    )
    _restore_action(window).trigger()

    assert told and "abgebrochen; die Datenbank ist unverändert" in told[0]
    assert content_digest(demo_db) == digest
    assert list_backups(demo_db.location) == backups  # no safety backup left behind
    assert "wiederhergestellt" not in window.statusBar().currentMessage()
    window.refresh_all()
    assert window.inquiries_tab.list.visible_row_count() == 0


def test_after_a_restore_the_open_project_shows_the_restored_data(
    qtbot, demo_db, held_in_the_copy
) -> None:
    backup_database(demo_db)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    tab = window.projects_tab
    qtbot.waitUntil(lambda: tab.form.project_id is not None and tab.form.isEnabled())
    project_id = tab.form.project_id
    name_in_backup = tab.form.lines["name"].text()
    with demo_db.unit_of_work() as session:
        session.connection().exec_driver_sql(
            "UPDATE member_project SET name = 'Nach der Sicherung umbenannt',"
            " version = version + 1 WHERE id = ?",
            (project_id,),
        )
    tab.open_project(project_id)
    assert tab.form.lines["name"].text() == "Nach der Sicherung umbenannt"

    _later(_restore_dialog, lambda d: qtbot.mouseClick(d.restore_button, Qt.MouseButton.LeftButton))
    _later(_copying_dialog, lambda _progress: held_in_the_copy.set())
    _restore_action(window).trigger()

    assert "Sicherung wiederhergestellt" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: tab.form.lines["name"].text() == name_in_backup)
    assert tab.form.project_id == project_id and tab.form.isEnabled()
