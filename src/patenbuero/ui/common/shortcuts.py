"""Strg+S in every form dialog: one application-wide rule instead of one shortcut per dialog.

A dialog whose button box has a „Speichern“ button saves with Strg+S as if the button was
clicked (the dialog's own checks run as usual). Esc cancels a dialog through Qt itself.
"""

from __future__ import annotations

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
        return
    shortcut = DialogSaveShortcut(app)
    app.installEventFilter(shortcut)
    app.setProperty("patenbueroSaveShortcut", True)
