"""An inquiry edited on two PCs at once: the conflict dialog, driven by clicks."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from patenbuero.services.inquiries.use_cases import (
    get_inquiry,
    input_from_detail,
    list_inquiries,
    save_inquiry,
)
from patenbuero.ui.inquiries.tab import InquiriesTab
from tests.helpers.conflicts import (
    CHOICES,
    MERGED,
    answer,
    expected,
    no_second_dialog,
    save_on_other_pc,
)
from tests.helpers.inquiry_network import TODAY
from tests.helpers.screenshots import screenshot

pytestmark = pytest.mark.usefixtures("isolated_settings")


def _stored(db, inquiry_id: int) -> dict[str, str]:
    detail = get_inquiry(db, inquiry_id)
    return {"phone": detail.phone, "message": detail.message, "notes": detail.notes}


@pytest.mark.parametrize("choice", CHOICES)
def test_inquiry_saved_meanwhile_on_another_pc(
    qtbot, demo_db, monkeypatch, tmp_path, choice
) -> None:
    tab = InquiriesTab(demo_db)
    qtbot.addWidget(tab)
    tab.today = lambda: TODAY
    tab.resize(1300, 800)
    tab.refresh()
    inquiry_id = list_inquiries(demo_db)[0].id
    tab.panel.select_inquiry(inquiry_id)
    tab.open_inquiry(inquiry_id)
    assert tab.form.inquiry_id == inquiry_id
    original = _stored(demo_db, inquiry_id)
    theirs = {"phone": "0345 1111111", "notes": "Rückruf am Montag vereinbart."}
    mine = {"message": "Will mit Kindern lesen.", "notes": "Hat schon einen Termin."}

    def other_pc_saves(other) -> None:
        seen_there = input_from_detail(get_inquiry(other, inquiry_id))
        save_inquiry(other, inquiry_id, replace(seen_there, **theirs), today=TODAY)

    save_on_other_pc(demo_db, other_pc_saves)
    tab.form.message.clear()
    qtbot.keyClicks(tab.form.message, mine["message"])
    tab.form.notes.clear()
    qtbot.keyClicks(tab.form.notes, mine["notes"])
    seen: dict = {}
    picture = screenshot("konflikt-anfrage.png", tmp_path) if choice == MERGED else ""
    answer(qtbot, choice, "notes", seen, picture)
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)

    assert seen["fields"] == ["phone", "message", "notes"]
    assert seen["theirs_preselected"] == ["phone"]
    want = expected(choice, original, mine, theirs)
    assert _stored(demo_db, inquiry_id) == want
    assert tab.form.notes.toPlainText() == want["notes"] and not tab.form.is_dirty

    opened = no_second_dialog(monkeypatch)
    tab.form.phone.clear()
    qtbot.keyClicks(tab.form.phone, "0345 7777777")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert not opened and _stored(demo_db, inquiry_id)["phone"] == "0345 7777777"
