"""Datei › Datensicherung speichern: a backup the user names, written off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from patenbuero.errors import Cancelled, UserError
from patenbuero.services.core.backup import backup_database, default_backup_name
from patenbuero.services.core.local_settings import backup_folder
from patenbuero.ui.common import folders
from patenbuero.ui.common.background import run_with_progress

if TYPE_CHECKING:
    from patenbuero.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def save_backup(window: MainWindow) -> None:
    """Datei › Datensicherung speichern: written in a worker thread, with progress and
    Abbrechen (a large database takes seconds)."""
    path, _ = QFileDialog.getSaveFileName(
        window,
        _tr("Datensicherung speichern"),
        folders.start_path(
            folders.BACKUP, default_backup_name(), fallback=backup_folder(window.db.location)
        ),
        _tr("Patenbüro-Sicherung (*.sqlite3)"),
    )
    if not path:
        return
    folders.remember(folders.BACKUP, path)
    try:
        # The file dialog has already asked before replacing an existing file.
        facts = run_with_progress(
            window,
            _tr("Datensicherung wird geschrieben und geprüft …"),
            lambda progress: backup_database(
                window.db, Path(path), overwrite=True, progress=progress
            ),
        )
    except Cancelled as stopped:
        window.statusBar().showMessage(str(stopped), 6000)
        return
    except UserError as error:
        QMessageBox.warning(window, _tr("Datensicherung"), str(error))
        return
    window.statusBar().showMessage(
        _tr("Gesichert und geprüft: %1").replace("%1", str(facts.path)), 6000
    )
