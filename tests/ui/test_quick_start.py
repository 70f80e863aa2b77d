"""The program start on a SQLite file: the first project rows before the ORM has loaded,
and everything a user does right after the start works (the rest then loads at once)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from patenbuero.services.projects import use_cases
from patenbuero.ui import quick_start
from patenbuero.ui.app import open_main_window
from patenbuero.ui.common.table_model import ROW_ROLE

pytestmark = pytest.mark.sqlite_only("the first rows are read from the file with sqlite3")


@pytest.fixture
def held_loader(monkeypatch):
    """The background loading waits until the test lets it go (or a wait for it does)."""
    release = threading.Event()
    run = quick_start._Loader.run

    def held(self) -> None:
        release.wait(10)
        run(self)

    monkeypatch.setattr(quick_start._Loader, "run", held)
    yield release
    release.set()


def _started(qtbot, db):
    window = open_main_window(db, ask_for_demo=False)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)
    loaded: list[bool] = []
    window.first_loaded.connect(lambda: loaded.append(True))
    window.show()
    qtbot.waitUntil(
        lambda: (
            (tab := window.built_tab("projects_tab")) is not None and tab.list.model.rowCount() > 0
        )
    )
    return window, window.projects_tab, loaded


def _row_rect(tab, row: int):
    index = tab.list.proxy.index(row, 0)
    return tab.list.table.visualRect(index).center()


def test_the_first_rows_show_before_the_rest_has_loaded(qtbot, demo_db, held_loader) -> None:
    window, tab, loaded = _started(qtbot, demo_db)
    assert window._quick_start is not None and not loaded
    shown = [tab.list.proxy.index(r, 0).data(ROW_ROLE) for r in range(tab.list.proxy.rowCount())]
    assert shown == use_cases.list_projects(demo_db)
    assert tab.list.current_row() == shown[0]  # the first row marked, its form still closed
    assert not tab.form.isEnabled()
    assert tab.panel.group_filter.count() > 1  # the filters offer the lists already
    held_loader.set()
    qtbot.waitUntil(lambda: bool(loaded), timeout=20000)
    assert window._quick_start is None
    assert tab.form.isEnabled() and tab.form.project_id == shown[0].id  # as the usual start
    assert tab.organisations.list.model.rowCount() > 0
    assert tab.mailing_list.list.model.rowCount() > 0
    assert tab.form.target_groups.count() > 0  # the form's choices are read


def test_choosing_a_project_right_after_the_start_opens_it_for_editing(
    qtbot, demo_db, held_loader
) -> None:
    window, tab, loaded = _started(qtbot, demo_db)
    threading.Timer(0.3, held_loader.set).start()  # the loading still takes a moment
    second = tab.list.proxy.index(1, 0).data(ROW_ROLE)
    qtbot.mouseClick(tab.list.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_rect(tab, 1))
    assert loaded and window._quick_start is None  # everything loaded at once, then opened
    assert tab.form.project_id == second.id and tab.form.isEnabled()
    assert tab.list.current_row().id == second.id  # the user's row, not the first one
    line = tab.form.lines["languages"]
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Arabisch, Farsi")
    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert use_cases.get_project(demo_db, second.id).languages == "Arabisch, Farsi"


def test_f5_or_another_tab_right_after_the_start_load_the_rest_first(
    qtbot, demo_db, held_loader
) -> None:
    window, tab, loaded = _started(qtbot, demo_db)
    threading.Timer(0.3, held_loader.set).start()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert loaded and tab.form.isEnabled()
    assert window.statusBar().currentMessage() == "Aktualisiert."

    window2, _tab2, loaded2 = _started(qtbot, demo_db)
    threading.Timer(0.3, held_loader.set).start()
    qtbot.keyClick(window2, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Jahresplanung
    assert loaded2 and window2.tabs.currentWidget() is window2.built_tab("plan_tab")
    assert window2.plan_tab.list.model.rowCount() > 0


def test_a_read_only_file_starts_quickly_with_its_banner(
    qtbot, demo_db, held_loader, tmp_path
) -> None:
    from patenbuero.services.core.backup import backup_database
    from patenbuero.services.core.database import open_database
    from tests.helpers.read_only import read_only_copy

    copy = backup_database(demo_db, tmp_path / "kopie.sqlite3").path
    with read_only_copy(copy, tmp_path / "nur-lesen") as path:
        db = open_database(str(path))
        window, tab, loaded = _started(qtbot, db)
        assert window._quick_start is not None and window.read_only_banner.isVisible()
        held_loader.set()
        qtbot.waitUntil(lambda: bool(loaded), timeout=20000)
        assert tab.form.project_id is not None and tab.list.model.rowCount() >= 30
        window.close()
        db.dispose()


def test_an_empty_database_takes_the_usual_way(qtbot, db) -> None:
    window = open_main_window(db, ask_for_demo=False)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.first_loaded, timeout=20000):
        window.show()
    assert window._quick_start is None
    assert window.projects_tab.list.model.rowCount() == 0
