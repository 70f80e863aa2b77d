"""An Ansprechperson edited on two PCs at once: the conflict dialog, driven by clicks."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from patenbuero.services.projects.contacts import (
    get_contact,
    input_from_row,
    list_all_contacts,
    save_contact,
)
from patenbuero.ui.projects.contact_dialog import ContactDialog
from tests.helpers.conflicts import (
    CHOICES,
    MERGED,
    answer,
    expected,
    no_second_dialog,
    save_on_other_pc,
)
from tests.helpers.screenshots import screenshot


def _stored(db, contact_id: int) -> dict[str, str]:
    row = get_contact(db, contact_id)
    return {"phone": row.phone, "role": row.role, "consent_source": row.consent_source}


def _open(qtbot, db, contact_id: int) -> ContactDialog:
    row = get_contact(db, contact_id)
    dialog = ContactDialog(db, row.project_id, row)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("choice", CHOICES)
def test_contact_saved_meanwhile_on_another_pc(
    qtbot, demo_db, monkeypatch, tmp_path, choice
) -> None:
    row = next(r for r in list_all_contacts(demo_db) if r.project_id is not None)
    dialog = _open(qtbot, demo_db, row.id)
    original = _stored(demo_db, row.id)
    theirs = {"phone": "0345 1111111", "role": "Vorstand"}
    mine = {"role": "Projektleitung", "consent_source": "Mitgliedsantrag 2026"}
    save_on_other_pc(
        demo_db,
        lambda other: save_contact(
            other, row.id, replace(input_from_row(get_contact(other, row.id)), **theirs)
        ),
    )
    dialog.role.clear()
    qtbot.keyClicks(dialog.role, mine["role"])
    dialog.consent_source.clear()
    qtbot.keyClicks(dialog.consent_source, mine["consent_source"])
    seen: dict = {}
    picture = screenshot("konflikt-ansprechperson.png", tmp_path) if choice == MERGED else ""
    answer(qtbot, choice, "role", seen, picture)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert seen["fields"] == ["role", "phone", "consent_source"]
    assert seen["theirs_preselected"] == ["phone"]
    assert _stored(demo_db, row.id) == expected(choice, original, mine, theirs)
    assert dialog.result() == ContactDialog.DialogCode.Accepted

    opened = no_second_dialog(monkeypatch)
    again = _open(qtbot, demo_db, row.id)  # the list reopens it with the new version
    again.phone.clear()
    qtbot.keyClicks(again.phone, "0345 7777777")
    save = again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not opened and _stored(demo_db, row.id)["phone"] == "0345 7777777"
