"""F5 in the Anfragen tab: rows changed elsewhere show, the list is not rebuilt."""

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from patenbuero.services.inquiries.use_cases import (
    InquiryInput,
    get_inquiry,
    input_from_detail,
    save_inquiry,
)
from patenbuero.ui.common.table_model import ROW_ROLE
from patenbuero.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("isolated_settings")


def test_f5_shows_a_change_from_another_pc_and_keeps_selection_and_scroll(qtbot, db) -> None:
    today = dt.date.today()
    ids = [
        save_inquiry(db, None, InquiryInput(name=f"Person {n}", received_on=today), today=today)
        for n in range(80)
    ]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1200, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.inquiries_tab
    window.tabs.setCurrentWidget(tab)
    table = tab.list.table
    chosen = next(
        tab.list.proxy.index(row, 0)
        for row in range(tab.list.proxy.rowCount())
        if tab.list.proxy.index(row, 0).data(ROW_ROLE).id == ids[20]
    )
    table.scrollTo(chosen)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(chosen).center()
    )
    assert tab.form.inquiry_id == ids[20]
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0
    # Meanwhile at the other PC: another inquiry gets a new name.
    other = get_inquiry(db, ids[50])
    save_inquiry(db, ids[50], replace(input_from_detail(other), name="Zoë Köhler"), today=today)
    resets: list[bool] = []
    tab.list.model.modelReset.connect(lambda: resets.append(True))

    qtbot.keyClick(table, Qt.Key.Key_F5)

    assert not resets
    assert "Zoë Köhler" in [row.name for row in tab.list.model.rows()]
    assert tab.list.current_row().id == ids[20] and tab.form.inquiry_id == ids[20]
    assert table.verticalScrollBar().value() == scrolled


def test_f5_keeps_ticked_projects_and_shows_a_change_to_the_open_inquiry(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.inquiries_tab
    window.tabs.setCurrentWidget(tab)
    row = next(r for r in tab.panel.visible_rows() if r.name == "Оксана Бондаренко")
    table = tab.list.table
    chosen = next(
        tab.list.proxy.index(n, 0)
        for n in range(tab.list.proxy.rowCount())
        if tab.list.proxy.index(n, 0).data(ROW_ROLE).id == row.id
    )
    table.scrollTo(chosen)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(chosen).center()
    )
    assert tab.form.inquiry_id == row.id
    tab.details.setCurrentWidget(tab.forwarding)
    suggestions = tab.forwarding.suggestions
    first = suggestions.topLevelItem(0)
    suggestions.setCurrentItem(first)
    qtbot.keyClick(suggestions, Qt.Key.Key_Space)
    ticked = tab.forwarding.checked_project_ids()
    assert len(ticked) == 1
    refreshed: list[bool] = []
    tab.list.model.dataChanged.connect(lambda *_a: refreshed.append(True))

    qtbot.keyClick(table, Qt.Key.Key_F5)

    # Nothing changed: the form and the ticked project stay as they were.
    assert tab.forwarding.checked_project_ids() == ticked
    # Meanwhile at the other PC: the open inquiry gets another name and a note.
    stored = get_inquiry(demo_db, row.id)
    changed = replace(input_from_detail(stored), name="Oksana Bondarenko", notes="ruft zurueck")
    save_inquiry(demo_db, row.id, changed, today=dt.date.today())

    qtbot.keyClick(table, Qt.Key.Key_F5)

    assert tab.form.name.text() == "Oksana Bondarenko"
    assert tab.form.notes.toPlainText() == "ruft zurueck"
    assert tab.form.title.text().startswith("Oksana Bondarenko – eingegangen am")
    assert not tab.form.is_dirty
    assert tab.list.current_row().name == "Oksana Bondarenko"
    assert refreshed == [True]  # the one changed row, the others untouched
