"""The main window on real data: every tab lists rows, searches, and keeps its state."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from patenbuero import __version__
from patenbuero.db import migrate
from patenbuero.services.core.info import is_empty
from patenbuero.ui.about_dialog import about_text
from patenbuero.ui.app import open_main_window, window_icon
from patenbuero.ui.common.table_model import ROW_ROLE
from patenbuero.ui.main_window import MainWindow

DEMO_YEAR = 2026


@pytest.fixture(autouse=True)
def _collection_as_before():
    """open_main_window freezes what the start made; later tests get a normal heap."""
    yield
    gc.unfreeze()
    gc.enable()


def test_every_tab_shows_rows_of_the_demo_data(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.plan_tab.year.setValue(DEMO_YEAR)
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert tabs[:5] == ["Mitgliedsprojekte", "Jahresplanung", "Anmeldungen", "Druck", "Anfragen"]
    assert tabs[5:] == ["Personen", "Datenschutz"]
    assert window.persons_tab.model.rowCount() >= 50
    assert window.projects_tab.list.visible_row_count() >= 30
    assert window.plan_tab.list.visible_row_count() >= 10
    assert window.inquiries_tab.list.visible_row_count() >= 5
    names = {row.name for row in window.projects_tab.list.model.rows()}
    assert "Lesewelt Halle" in names


def test_registrations_tab_shows_an_event_with_its_people(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.registrations_tab
    events = tab.events.model.rows()
    fullest = max(events, key=lambda row: row.confirmed + row.waitlisted)
    assert tab.select_event(fullest.id)
    assert tab.registrations.model.rowCount() == fullest.confirmed + fullest.waitlisted + sum(
        1 for r in tab.registrations.model.rows() if r.status == "cancelled"
    )
    assert fullest.title in tab.header.text()


def test_search_narrows_the_project_list(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    projects = window.projects_tab.list
    qtbot.keyClicks(projects.search_field, "lesewelt")
    assert projects.visible_row_count() == 1
    assert projects.count_label.text() == f"1 von {projects.model.rowCount()}"
    projects.search_field.clear()
    qtbot.keyClicks(projects.search_field, "gibt es nicht")
    assert projects.stack.currentWidget() is projects.empty_label
    assert "Keine Treffer" in projects.empty_label.text()


def test_status_filter_shows_projects_that_left(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.projects_tab
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("left"))
    assert tab.list.visible_row_count() >= 1
    assert all(row.status == "left" for row in _visible_rows(tab.list))


def test_empty_database_says_what_to_do(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    for tab in (window.projects_tab, window.plan_tab, window.inquiries_tab):
        assert tab.list.stack.currentWidget() is tab.list.empty_label
        assert len(tab.list.empty_label.text()) > 30


def test_sorting_by_date_column_is_chronological(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.plan_tab.year.setValue(DEMO_YEAR)
    table = window.plan_tab.list
    table.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    dates = [row.starts_at for row in _visible_rows(table)]
    assert dates == sorted(dates, reverse=True)


def test_window_has_the_app_icon(qapp) -> None:
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().pixmap(32, 32).width() == 32


def test_qt_dialogs_speak_german(qapp) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_about_names_database_and_revision(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    text = about_text(window, demo_db)
    assert demo_db.location.display in text
    assert f"Schema-Version:</b> {migrate.HEAD_REVISION}" in text
    assert f"<h3>Patenbüro {__version__}</h3>" in text


def test_window_icon_comes_in_every_rendered_size(qapp) -> None:
    sizes = {size.width() for size in window_icon().availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes
    assert qapp.windowIcon().availableSizes()


def test_window_geometry_is_kept(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(640, 430)
    window.tabs.setCurrentIndex(2)
    window.close()
    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 430)
    assert again.tabs.currentIndex() == 2


def test_first_start_offers_demo_data(qtbot, db) -> None:
    asked: list[str] = []

    def accept_demo() -> None:  # the offer comes over the painted window
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, accept_demo)
            return
        asked.append(box.text())
        box.defaultButton().click()

    window = open_main_window(db)
    qtbot.addWidget(window)
    QTimer.singleShot(0, accept_demo)
    with qtbot.waitSignal(window.first_loaded, timeout=20000):
        window.show()
    assert asked and "leer" in asked[0]
    assert not is_empty(db)
    qtbot.waitUntil(lambda: window.projects_tab.list.visible_row_count() >= 30)


def test_program_start_paints_first_and_loads_each_tab_when_shown(qtbot, demo_db) -> None:
    window = open_main_window(demo_db, ask_for_demo=False)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)
    assert window.built_tab("projects_tab") is None  # nothing built or read before the paint
    with qtbot.waitSignal(window.first_loaded):
        window.show()
    assert window.tabs.currentWidget() is window.built_tab("projects_tab")
    assert window.projects_tab.list.visible_row_count() >= 30
    assert window.built_tab("inquiries_tab") is None  # not shown yet, not built
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is window.inquiries_tab
    assert window.inquiries_tab.list.visible_row_count() >= 5
    assert window.tabs.tabText(4) == "An&fragen"


def test_cycle_collection_waits_for_the_first_rows(qtbot, demo_db) -> None:
    window = open_main_window(demo_db, ask_for_demo=False)
    qtbot.addWidget(window)
    assert not gc.isenabled()  # the start imports and loads without collection passes
    with qtbot.waitSignal(window.first_loaded):
        window.show()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
    window.tabs.setCurrentWidget(window.persons_tab)  # built and loaded when first shown
    assert window.persons_tab.model.rowCount() > 0
    assert gc.get_freeze_count() > 0  # what the tab made is set aside too


def test_a_tab_built_by_code_loads_when_it_is_shown(qtbot, demo_db) -> None:
    window = open_main_window(demo_db, ask_for_demo=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_loaded):
        window.show()
    inquiries = window.inquiries_tab  # built by the menu code, say, before it is shown
    assert inquiries.list.model.rowCount() == 0
    window.tabs.setCurrentWidget(inquiries)
    assert inquiries.list.visible_row_count() >= 5


def _visible_rows(widget):
    proxy = widget.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_backup_from_the_file_menu_is_written_in_the_background(
    qtbot, demo_db, tmp_path, monkeypatch
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "Sicherung.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text().startswith("Datensicherung &sp"))
    action.trigger()
    assert "Gesichert und geprüft" in window.statusBar().currentMessage()
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM member_project").fetchone()[0] >= 30
