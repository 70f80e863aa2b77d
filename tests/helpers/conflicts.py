"""Answering the conflict dialog as a user would: one click per choice.

The editors' tests follow one plan: the window (PC A) opens a record, another PC (B,
a second connection to the same database file) saves it, A saves too. B changed
``theirs_only`` and ``both``; A changed ``both`` and ``mine_only``. Take theirs keeps
B's record; take mine keeps A's; merging keeps B's ``theirs_only`` (preselected,
only B changed it), A's ``mine_only``, and B's ``both`` because the test clicks it.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt

from patenbuero.services.core.database import Database, open_database
from patenbuero.ui.common.conflict_dialog import MERGED, MINE, THEIRS, ConflictDialog
from tests.helpers.databases import target_of
from tests.helpers.modal import when_dialog_opens

CHOICES = (MINE, THEIRS, MERGED)


def save_on_other_pc(db: Database, save: Callable[[Database], object]) -> None:
    """PC B: its own connection to the same file, saves, goes away."""
    other = open_database(target_of(db))
    try:
        save(other)
    finally:
        other.dispose()


def answer(qtbot, choice: str, both: str, seen: dict[str, Any], screenshot: str = "") -> None:
    """Arm a reply to the next conflict dialog: click the button of ``choice``."""

    def act(dialog: ConflictDialog) -> None:
        seen["fields"] = list(dialog.fields)
        seen["theirs_preselected"] = [
            field for field, button in dialog.theirs_buttons.items() if button.isChecked()
        ]
        if screenshot:
            dialog.grab().save(screenshot)
        left = Qt.MouseButton.LeftButton
        if choice == MINE:
            qtbot.mouseClick(dialog.take_mine_button, left)
        elif choice == THEIRS:
            qtbot.mouseClick(dialog.take_theirs_button, left)
        else:
            radio = dialog.theirs_buttons[both]
            # On the round button itself: a radio button takes clicks on it and its text.
            qtbot.mouseClick(radio, left, pos=QPoint(8, radio.height() // 2))
            assert radio.isChecked()
            qtbot.mouseClick(dialog.save_chosen_button, left)

    when_dialog_opens(ConflictDialog, act)


def expected(choice: str, original: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]):
    """The stored values each choice must leave, field by field."""
    if choice == MINE:
        return {**original, **mine}
    if choice == THEIRS:
        return {**original, **theirs}
    return {**original, **mine, **theirs}  # theirs_only and both from B, mine_only from A


def no_second_dialog(monkeypatch) -> list[ConflictDialog]:
    """After the conflict, the window saves against the new version: no dialog again."""
    opened: list[ConflictDialog] = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: opened.append(self) or 0)
    return opened
