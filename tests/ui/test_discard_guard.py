"""Dialogs with edits ask before Esc, Abbrechen or the window's X throw them away."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.plan import events
from patenbuero.ui.common import prompts
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.projects.contact_dialog import ContactDialog
from patenbuero.ui.settings_dialog import SettingsDialog
from tests.helpers.plan_builders import NOW, meeting


@pytest.fixture
def answer(monkeypatch):
    """Answers the unsaved-changes question as told and records each time it is asked."""
    state = {"answer": prompts.CANCEL, "asked": []}

    def ask(_parent, what):
        state["asked"].append(what)
        return state["answer"]

    monkeypatch.setattr(prompts, "ask_unsaved", ask)
    return state


def _cancel_button(dialog):
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Cancel)


def test_event_dialog_asks_on_escape_after_an_agenda_edit(qtbot, db, answer) -> None:
    event_id = events.create_event(db, meeting(), now=NOW)
    dialog = EventDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answer["asked"] == [] and not dialog.isVisible()  # nothing changed: no question

    dialog = EventDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.agenda.add_item()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answer["asked"] == ["Vernetzungstreffen März 2026"] and dialog.isVisible()
    qtbot.mouseClick(_cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert len(answer["asked"]) == 2 and dialog.isVisible()
    dialog.close()  # the window's X
    assert len(answer["asked"]) == 3 and dialog.isVisible()
    answer["answer"] = prompts.DISCARD
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert events.get_event_for_editing(db, event_id).agenda == ()


def test_event_dialog_save_answer_saves_the_agenda(qtbot, db, answer) -> None:
    event_id = events.create_event(db, meeting(), now=NOW)
    dialog = EventDialog(db, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.speaker, "Dr. Ebert")
    answer["answer"] = prompts.SAVE
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result()
    assert events.get_event(db, event_id).speaker == "Dr. Ebert"


def test_contact_dialog_asks_before_discarding(qtbot, db, answer) -> None:
    dialog = ContactDialog(db, None, organisations=["Grünes Halle e.V."])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.last_name, "Schulz")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answer["asked"] and dialog.isVisible()
    answer["answer"] = prompts.DISCARD
    qtbot.mouseClick(_cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.saved_id is None


def test_settings_dialog_asks_before_discarding(qtbot, demo_db, answer) -> None:
    before = load_texts(demo_db)
    dialog = SettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["website"], "x")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answer["asked"] == ["die Einstellungen"] and dialog.isVisible()
    answer["answer"] = prompts.DISCARD
    dialog.close()
    assert not dialog.isVisible()
    assert load_texts(demo_db) == before
