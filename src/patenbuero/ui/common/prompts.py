"""Questions and file choosers of the tab, in one place so tests can replace them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from patenbuero.ui.common import folders

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("prompts", text)


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """Speichern / Verwerfen / Abbrechen for unsaved changes; returns SAVE, DISCARD or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Ungespeicherte Änderungen"))
    box.setText(_tr("Die Änderungen an „%1“ sind noch nicht gespeichert.").replace("%1", what))
    box.setInformativeText(_tr("Möchten Sie sie speichern?"))
    save = box.addButton(_tr("Speichern"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("Verwerfen"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def may_leave(
    parent: QWidget | None, what: str, save: Callable[[], bool], revert: Callable[[], None]
) -> bool:
    """Ask about unsaved changes; True when the user may move on (saved or discarded)."""
    answer = ask_unsaved(parent, what)
    if answer == SAVE:
        return save()
    if answer == DISCARD:
        revert()
        return True
    return False


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def refuse(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def open_file(parent: QWidget | None, title: str, filters: str, kind: str = folders.IMPORT) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folders.start_path(kind), filters)
    folders.remember(kind, path)
    return path


def save_file(
    parent: QWidget | None, title: str, suggested: str, filters: str, kind: str = folders.EXPORT
) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, title, folders.start_path(kind, suggested), filters
    )
    folders.remember(kind, path)
    return path


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; True when it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted
