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
