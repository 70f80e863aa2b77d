"""Datei → Datensicherung wiederherstellen, the daily backup and a damaged database at start."""

import sqlite3

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from patenbuero.services.core.backup import backup_database, list_backups
from patenbuero.services.core.info import database_info
from patenbuero.ui.app import daily_backup
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.restore_dialog import RestoreDialog
from patenbuero.ui.start_recovery import open_or_recover
from tests.helpers.screenshots import screenshot

pytestmark = pytest.mark.sqlite_only("backup, restore and damaged or read-only SQLite files")


def _inquiries(db) -> int:
    return dict(database_info(db).counts)["Anfragen"]


def _drop_inquiries(db) -> None:
    with db.unit_of_work() as session:
        session.connection().exec_driver_sql("DELETE FROM forwarding")
        session.connection().exec_driver_sql("DELETE FROM inquiry")


def _click_in_message_box(qtbot, text: str, seen: list[str]) -> None:
    """Click the button ``text`` of the next message box, as a user would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + " " + box.informativeText())
        button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, click)


def test_restore_dialog_lists_backups_and_restores_the_chosen_one(
    qtbot, demo_db, monkeypatch, tmp_path
) -> None:
    before = _inquiries(demo_db)
    backup_database(demo_db)
    broken = backup_database(demo_db).path.with_name(
        "Patenbuero-Sicherung_2099-01-01_000000.sqlite3"
    )
    broken.write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    _drop_inquiries(demo_db)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = RestoreDialog(demo_db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)  # checked in a worker thread
    dialog.grab().save(screenshot("datensicherung-wiederherstellen.png", tmp_path))
    assert dialog.restore_button.isEnabled()  # the newest usable backup is preselected
    assert dialog.model.rowCount() == 3
    first = dialog.model.row_at(0)
    assert not first.is_usable
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualRect(dialog.model.index(0, 1)).center(),
    )
    assert not dialog.restore_button.isEnabled()
    proxy = dialog.table.model()
    usable_row = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data() and "geprüft" in proxy.index(r, 7).data()
    )
    rect = dialog.table.visualRect(proxy.index(usable_row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.restore_button.isEnabled()
    assert proxy.index(usable_row, 3).data() == "32"  # Projekte
    asked: list[str] = []
    monkeypatch.setattr(
        "patenbuero.ui.restore_dialog.confirm", lambda _p, _t, text: asked.append(text) or True
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "jetzige Stand wird vorher gesichert" in asked[0]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _inquiries(demo_db) == before
    assert any(e.kind == "vor einer Wiederherstellung" for e in list_backups(demo_db.location))


def test_restore_of_a_foreign_file_is_refused(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    foreign = tmp_path / "fremd.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE kunden (name)")
    connection.close()
    before = demo_db.location.path.read_bytes()
    dialog = RestoreDialog(demo_db)
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(
        "patenbuero.ui.restore_dialog.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(foreign), ""),
    )
    monkeypatch.setattr(
        "patenbuero.ui.restore_dialog.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    qtbot.mouseClick(dialog.other_file_button, Qt.MouseButton.LeftButton)
    assert warnings and "keine Patenbüro-Datenbank" in warnings[0]
    assert demo_db.location.path.read_bytes() == before


def test_daily_backup_at_start_is_written_once(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    daily_backup(window)  # in a worker thread: the window stays responsive meanwhile
    qtbot.waitUntil(lambda: "Tägliche Datensicherung" in window.statusBar().currentMessage())
    daily_backup(window)
    for job in window.findChildren(QThread):
        job.wait()
    assert len(list_backups(demo_db.location)) == 1


def test_damaged_database_at_start_offers_the_newest_good_backup(qtbot, demo_db) -> None:
    before = _inquiries(demo_db)
    backup_database(demo_db)
    path = demo_db.location.path
    demo_db.dispose()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\x00\x13" * (4096 * 5 // 2)
    path.write_bytes(bytes(data))
    seen: list[str] = []
    _click_in_message_box(qtbot, "Sicherung einsetzen", seen)
    QTimer.singleShot(400, lambda: _click_in_message_box(qtbot, "OK", seen))
    database = open_or_recover(str(path))
    assert database is not None
    assert "beschädigt" in seen[0] and "neueste geprüfte Sicherung" in seen[0]
    assert "liegt unter" in seen[1]
    assert _inquiries(database) == before
    aside = list(path.parent.glob("demo_beschaedigt_*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)
    database.dispose()


def test_damaged_database_without_backup_is_left_alone(qtbot, tmp_path) -> None:
    path = tmp_path / "kaputt.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
        for n in range(50):
            connection.execute(f"CREATE TABLE t{n} (x)")
    connection.close()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 4] = b"\x00\x13" * (4096 * 3 // 2)
    path.write_bytes(bytes(data))
    seen: list[str] = []
    _click_in_message_box(qtbot, "OK", seen)
    assert open_or_recover(str(path)) is None
    assert "keine geprüfte Sicherung" in seen[0]
    assert path.read_bytes() == bytes(data)


def test_read_only_database_shows_a_banner(qtbot, demo_db, tmp_path) -> None:
    from patenbuero.services.core.database import open_database
    from tests.helpers.read_only import read_only_copy

    copy = backup_database(demo_db, tmp_path / "kopie.sqlite3").path
    with read_only_copy(copy, tmp_path / "nur-lesen") as path:
        db = open_database(str(path))
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        assert window.read_only_banner.isVisible()
        assert "schreibgeschützt" in window.read_only_banner.text()
        assert window.projects_tab.list.visible_row_count() >= 30
        window.grab().save(screenshot("nur-lesen.png", tmp_path))
        window.close()
        db.dispose()
    normal = MainWindow(demo_db)
    qtbot.addWidget(normal)
    normal.show()
    assert not normal.read_only_banner.isVisible()
