"""Strg+S in every form dialog: one application-wide rule instead of one shortcut per dialog.

A dialog whose button box has a „Speichern“ button saves with Strg+S as if the button was
clicked (the dialog's own checks run as usual). Esc cancels a dialog through Qt itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget


class DialogSaveShortcut(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Save)
            and isinstance(watched, QWidget)
        ):
            dialog = watched.window()
            if isinstance(dialog, QDialog) and click_save(dialog):
                return True
        return super().eventFilter(watched, event)


def click_save(dialog: QDialog) -> bool:
    """Click the dialog's enabled „Speichern“ button; False when it has none."""
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(QDialogButtonBox.StandardButton.Save)
        if button is not None and button.isEnabled() and button.isVisible():
            button.click()
            return True
    return False


def install_dialog_save_shortcut(app: QApplication) -> None:
    if app.property("patenbueroSaveShortcut"):
        if _installed:  # (again, should a start have left it paused)
            app.installEventFilter(_installed[0])
        return
    shortcut = DialogSaveShortcut(app)
    app.installEventFilter(shortcut)
    app.setProperty("patenbueroSaveShortcut", True)
    _installed[:] = [shortcut]


_installed: list[DialogSaveShortcut] = []


def pause(app: QApplication) -> Callable[[], None]:
    """Leave the rule out while the main window paints and shows its first rows; returns
    what puts it back (no dialog can be open before).

    The rule is an application-wide event filter: every event passes through Python, and
    PySide makes its wrapper type for each kind of event and widget the first time one
    does: 25-30 ms more before the first paint, 40-50 ms more before the first rows.
    """
    if not _installed:
        return lambda: None
    shortcut = _installed[0]
    app.removeEventFilter(shortcut)
    return lambda: app.installEventFilter(shortcut)
