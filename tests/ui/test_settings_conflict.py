"""The network's texts edited on two PCs at once: the conflict dialog, driven by clicks."""

from dataclasses import asdict, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from patenbuero.services.core.network_texts import load_texts, save_texts
from patenbuero.ui.settings_dialog import SettingsDialog
from tests.helpers.conflicts import (
    CHOICES,
    MERGED,
    answer,
    expected,
    no_second_dialog,
    save_on_other_pc,
)
from tests.helpers.screenshots import screenshot

FIELDS = ("office_phone", "opening_hours", "website")


def _stored(db) -> dict[str, str]:
    texts = asdict(load_texts(db))
    return {key: texts[key] for key in FIELDS}


def _save_button(dialog: SettingsDialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


@pytest.mark.parametrize("choice", CHOICES)
def test_texts_saved_meanwhile_on_another_pc(qtbot, demo_db, monkeypatch, tmp_path, choice) -> None:
    dialog = SettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    original = _stored(demo_db)
    theirs = {"office_phone": "0345 1111111", "opening_hours": "Mo bis Fr 9 bis 12 Uhr"}
    mine = {"opening_hours": "Di und Do 10 bis 16 Uhr", "website": "www.netzwerk-halle.de"}
    save_on_other_pc(demo_db, lambda other: save_texts(other, replace(load_texts(other), **theirs)))
    dialog.editors["opening_hours"].clear()
    qtbot.keyClicks(dialog.editors["opening_hours"], mine["opening_hours"])
    dialog.editors["website"].clear()
    qtbot.keyClicks(dialog.editors["website"], mine["website"])
    seen: dict = {}
    picture = screenshot("konflikt-einstellungen.png", tmp_path) if choice == MERGED else ""
    answer(qtbot, choice, "opening_hours", seen, picture)
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert seen["fields"] == list(FIELDS)
    assert seen["theirs_preselected"] == ["office_phone"]
    assert _stored(demo_db) == expected(choice, original, mine, theirs)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    opened = no_second_dialog(monkeypatch)
    again = SettingsDialog(demo_db)  # Bearbeiten → Einstellungen once more
    qtbot.addWidget(again)
    again.editors["office_phone"].clear()
    qtbot.keyClicks(again.editors["office_phone"], "0345 7777777")
    qtbot.mouseClick(_save_button(again), Qt.MouseButton.LeftButton)
    assert not opened and _stored(demo_db)["office_phone"] == "0345 7777777"
