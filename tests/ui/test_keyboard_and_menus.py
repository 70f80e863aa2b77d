"""Keyboard and mouse as office staff expect them: Strg+S, Esc, F5, context menus."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from patenbuero.services.plan.events import get_event
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.registrations.use_cases import list_registrations
from patenbuero.ui.common import prompts
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.plan.tab import TASKS


@pytest.fixture(autouse=True)
def no_questions(monkeypatch):
    """Closing a window with unsaved edits would ask; the tests answer "discard"."""
    monkeypatch.setattr(prompts, "ask_unsaved", lambda _parent, _what: prompts.DISCARD)


def _right_click_row(qtbot, listing: SearchableList, row: int, choose: str) -> list[str]:
    """Right-click a row like a user and pick ``choose`` from the menu; the menu's texts."""
    shown: list[str] = []

    def run_menu(menu: QMenu, _at: QPoint) -> None:
        texts = {a.text(): a for a in menu.actions() if not a.isSeparator()}
        shown.extend(texts)
        assert texts[choose].isEnabled(), choose
        texts[choose].trigger()

    listing.run_menu = run_menu
    table = listing.table
    rect = table.visualRect(listing.proxy.index(row, 1))
    where = rect.center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(table.viewport(), event)
    return shown


def test_ctrl_s_saves_the_open_project(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.projects_tab
    tab.list.select_row_id(tab.list.model.rows()[0].id)
    project_id = tab.form.project_id
    field = tab.form.lines["website"]
    field.clear()
    qtbot.keyClicks(field, "https://lesewelt-halle.de")
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert projects.get_project(demo_db, project_id).website == "https://lesewelt-halle.de"
    assert "gespeichert" in window.statusBar().currentMessage().lower()


def test_ctrl_s_saves_an_event_dialog_and_esc_cancels_one(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    event_id = window.plan_tab.list.model.rows()[0].id if window.plan_tab.list.model.rows() else 1
    dialog = EventDialog(demo_db, event_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.title.selectAll()
    qtbot.keyClicks(dialog.form.title, "Vernetzungstreffen mit Strg+S")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_event(demo_db, event_id).title == "Vernetzungstreffen mit Strg+S"

    again = EventDialog(demo_db, event_id, parent=window)
    qtbot.addWidget(again)
    again.show()
    again.form.title.selectAll()
    qtbot.keyClicks(again.form.title, "verworfen")
    qtbot.keyClick(again.form.title, Qt.Key.Key_Escape)
    assert again.result() == QDialog.DialogCode.Rejected
    assert get_event(demo_db, event_id).title == "Vernetzungstreffen mit Strg+S"


def test_moving_the_start_moves_the_end_and_typed_dates_arrive(qtbot, demo_db) -> None:
    dialog = EventDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    before = form.ends_at() - form.starts_at()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form.start_time.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(form.start_time, "18:30")
    assert form.starts_at().time() == dt.time(18, 30)
    assert form.ends_at() - form.starts_at() == before
    form.start_date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(form.start_date, "16.12.2026")
    assert form.starts_at().date() == dt.date(2026, 12, 16)
    assert form.ends_at() - form.starts_at() == before


def test_context_menu_marks_a_registration_present_and_copies_its_address(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    tab = window.registrations_tab
    people = tab.registrations
    row = next(
        r
        for r in people.visible_rows()
        if r.status == "confirmed" and r.email and r.attended is None
    )
    number = people.visible_rows().index(row)
    shown = _right_click_row(qtbot, people, number, "Anwesend")
    assert {"Anwesend", "Nicht erschienen", "E-Mail-Adresse kopieren"} <= set(shown)
    event_id = tab._event.id
    stored = next(r for r in list_registrations(demo_db, event_id) if r.id == row.id)
    assert stored.attended is True
    number = [r.id for r in people.visible_rows()].index(row.id)
    _right_click_row(qtbot, people, number, "E-Mail-Adresse kopieren")
    assert QGuiApplication.clipboard().text() == row.email


def test_context_menu_prints_the_card_of_one_project(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    listing = window.projects_tab.list
    chosen = listing.visible_rows()[2]
    _right_click_row(qtbot, listing, 2, "Projektkarte drucken …")
    assert window.tabs.currentWidget() is window.print_tab
    assert window.print_tab.current_spec().key == "projektkarten"
    assert window.print_tab.options.chosen_projects() == (chosen.id,)
    window.print_tab.shutdown()


def test_every_table_of_the_main_window_has_a_context_menu(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    lists = window.findChildren(SearchableList)
    assert len(lists) >= 9
    for listing in lists:
        assert listing.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        assert "Zeilen kopieren (für Excel)" in [a.text() for a in listing.context_menu().actions()]


def test_task_view_shows_one_delete_button(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    plan = window.plan_tab
    window.tabs.setCurrentWidget(plan)
    plan.views.button(TASKS).click()
    visible = [b.text() for b in plan.findChildren(type(plan.new_button)) if b.isVisible()]
    assert sum("Löschen" in text or "löschen" in text for text in visible) == 1
    assert "Aufgabe löschen" in visible


def test_ctrl_s_in_dialogs_waits_only_for_the_main_windows_first_rows(qtbot, demo_db) -> None:
    # The rule filters every event of the program; the start leaves it out until the
    # window shows its first rows (PySide's wrappers for each kind of event and widget
    # cost 25-30 ms before the paint and 40-50 ms more before the first rows).
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

    from patenbuero.ui.app import open_main_window

    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save, dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(box)
    saved: list[bool] = []
    box.accepted.connect(lambda: saved.append(True))
    dialog.show()
    window = open_main_window(demo_db, ask_for_demo=False)
    qtbot.addWidget(window)
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == []  # before the window has shown itself
    with qtbot.waitSignal(window.first_shown):
        window.show()
    dialog.activateWindow()  # (else the window's own Strg+S answers)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == [True]
