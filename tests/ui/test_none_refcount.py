"""Guard: a day of clicking must not drain the reference count of ``None``.

PySide6-Essentials 6.12.0 on CPython 3.11 takes one reference from ``None`` on every Qt
call that returns nothing; the window then aborts with "deallocating None" after a few
minutes. This test drives real widgets of every tab a few hundred times and fails on
such a Qt build. From CPython 3.12 ``None`` is immortal (PEP 683) and the count is fixed.
"""

from __future__ import annotations

import ctypes
import gc
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from patenbuero.services.plan.use_cases import list_events
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="ab Python 3.12 ist None unsterblich (PEP 683); sein Zähler ändert sich nicht",
)

ROUNDS = 120
PREVIEW_EVERY = 25
# Unrelated objects that hold None come and go; a leaking build loses thousands a round.
TOLERANCE = 200


def _round(qtbot, window: MainWindow, event_ids: list[int], number: int) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    tabs = window.tabs

    tabs.setCurrentWidget(window.plan_tab)
    year = window.plan_tab.year
    year.setFocus()
    qtbot.keyClick(year, Qt.Key.Key_Up)
    window.plan_tab.overview.repaint()
    qtbot.keyClick(year, Qt.Key.Key_Down)
    window.plan_tab.overview.repaint()

    tabs.setCurrentWidget(window.projects_tab)
    search = window.projects_tab.list.search_field
    qtbot.keyClicks(search, "pa")
    window.projects_tab.list.table.repaint()
    search.clear()
    window.projects_tab.refresh()

    tabs.setCurrentWidget(window.registrations_tab)
    events = window.registrations_tab.events
    events.table.setFocus()
    qtbot.keyClick(events.table, Qt.Key.Key_Down)
    events.table.repaint()

    tabs.setCurrentWidget(window.inquiries_tab)
    window.inquiries_tab.refresh()
    window.inquiries_tab.repaint()

    dialog = EventDialog(window.db, event_ids[number % len(event_ids)], parent=window)
    dialog.show()
    dialog.repaint()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.deleteLater()

    if number % PREVIEW_EVERY == 0:
        tabs.setCurrentWidget(window.print_tab)
        with qtbot.waitSignal(window.print_tab.builder.ready, timeout=20000):
            window.print_tab.update_preview()
        window.print_tab.preview.viewport().repaint()
        settings = SettingsDialog(window.db, window)
        settings.show()
        qtbot.keyClick(settings, Qt.Key.Key_Escape)
        settings.deleteLater()
    app.processEvents()


def test_a_long_session_keeps_none_alive(qtbot, demo_db) -> None:
    # On a leaking build the interpreter would abort before the assertion; references
    # given to None for good let the test fail with a message instead.
    ctypes.c_ssize_t.from_address(id(None)).value += 50_000_000
    event_ids = [row.id for row in list_events(demo_db)][:5]
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    _round(qtbot, window, event_ids, 0)  # warm-up: first-time caches may keep references to None
    gc.collect()
    before = sys.getrefcount(None)
    for number in range(1, ROUNDS + 1):
        _round(qtbot, window, event_ids, number)
    gc.collect()
    lost = before - sys.getrefcount(None)
    window.print_tab.shutdown()
    assert lost < TOLERANCE, (
        f"{lost} Referenzen auf None nach {ROUNDS} Runden verloren: diese Qt-Version "
        "lässt das Programm nach einigen Minuten abstürzen (siehe pyproject.toml)"
    )
