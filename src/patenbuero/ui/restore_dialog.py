"""Datei → Datensicherung wiederherstellen: the backups with date, size and counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import Cancelled, Progress, UserError
from patenbuero.services.core.backup import COUNT_LABELS, BackupEntry, list_backups
from patenbuero.services.core.database import Database
from patenbuero.services.core.local_settings import backup_folder
from patenbuero.services.core.restore import RestoreResult, check_backup_file, restore_backup
from patenbuero.ui.common.background import run_with_progress, start_in_background
from patenbuero.ui.common.prompts import confirm
from patenbuero.ui.common.table_model import Column, RowTableModel

PROBLEM_COLOUR = "#b00020"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def _count_column(table: str, label: str) -> Column[BackupEntry]:
    return Column(label, lambda entry: entry.counts.get(table) if entry.is_usable else None)


class RestoreDialog(QDialog):
    """Pick a backup (from the backup folder or any file) and put it back in place."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Datensicherung wiederherstellen"))
        self.resize(900, 460)
        self._db = db
        self.result_of_restore: RestoreResult | None = None
        folder = backup_folder(db.location)
        intro = QLabel(
            self.tr(
                "Wählen Sie den Stand, zu dem die Datenbank zurückkehren soll. Der jetzige "
                "Stand wird vorher als Sicherung abgelegt. Sicherungsordner: %1"
            ).replace("%1", str(folder))
        )
        intro.setWordWrap(True)
        columns: list[Column[BackupEntry]] = [
            Column(self.tr("Datum"), lambda entry: f"{entry.created:%d.%m.%Y %H:%M:%S}"),
            Column(self.tr("Art"), lambda entry: entry.kind),
            Column(self.tr("Größe"), lambda entry: size_text(entry.size)),
            *(_count_column(table, self.tr(label)) for table, label in COUNT_LABELS),
            Column(
                self.tr("Zustand"),
                lambda entry: self.tr("geprüft") if entry.is_usable else entry.problem,
                foreground=lambda entry: None if entry.is_usable else PROBLEM_COLOUR,
            ),
        ]
        self.model: RowTableModel[BackupEntry] = RowTableModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)  # newest first, as the service lists them
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        # Checking each backup reads the whole file: done in a worker thread, the list
        # fills in when it is ready.
        self.empty_label = QLabel(self.tr("Die Sicherungen werden geprüft …"))
        self.status = QLabel()  # what happened to the last attempt (e.g. cancelled)
        self.status.setWordWrap(True)
        self.status.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Wiederherstellen"))
        self.restore_button.setEnabled(False)
        self.other_file_button = QPushButton(self.tr("&Andere Datei …"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_file_button.clicked.connect(self.restore_other_file)
        self.table.selectionModel().selectionChanged.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        location = db.location
        self._listed = False
        self._listing = start_in_background(
            self, lambda: list_backups(location), self._show_backups
        )

    def _show_backups(self, entries: list[BackupEntry] | None, error: UserError | None) -> None:
        self._listed = True
        if error is not None:
            self.empty_label.setText(str(error))
            return
        self.model.set_rows(entries or [])
        self.empty_label.setText(self.tr("Im Sicherungsordner liegt noch keine Sicherung."))
        self.empty_label.setVisible(not entries)
        usable = [n for n, entry in enumerate(self.model.rows()) if entry.is_usable]
        if usable:
            self.table.selectRow(usable[0])

    def done(self, result: int) -> None:
        self._wait_for_listing()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._wait_for_listing()  # also when closed without being shown
        super().closeEvent(event)

    def _wait_for_listing(self) -> None:
        if not self._listed:
            self._listing.wait()  # the worker must not outlive the dialog

    def selected_entry(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _update_button(self) -> None:
        entry = self.selected_entry()
        self.restore_button.setEnabled(entry is not None and entry.is_usable)

    def restore_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.is_usable:
            return
        self._restore(entry.path, f"{entry.created:%d.%m.%Y %H:%M:%S}")

    def restore_other_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Sicherung wählen"),
            str(backup_folder(self._db.location)),
            self.tr("Patenbüro-Sicherung (*.sqlite3);;Alle Dateien (*)"),
        )
        if path:
            self._restore(Path(path), Path(path).name)

    def _restore(self, path: Path, label: str) -> None:
        """Checked, asked, then restored in a worker thread: a large database takes seconds,
        the window keeps answering and Abbrechen leaves the database as it was."""
        self.status.hide()

        def check(progress: Progress) -> None:
            check_backup_file(path)
            if not progress(1, 1):
                raise Cancelled("Die Prüfung wurde abgebrochen; die Datenbank ist unverändert.")

        try:
            run_with_progress(self, self.tr("Die Sicherung wird geprüft …"), check)
        except Cancelled as stopped:
            self._tell(str(stopped))
            return
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        question = self.tr(
            "Die Datenbank durch die Sicherung vom %1 ersetzen? Der jetzige Stand wird "
            "vorher gesichert; alle Änderungen seit dieser Sicherung sind danach nicht mehr "
            "in der Datenbank."
        ).replace("%1", label)
        if not confirm(self, self.windowTitle(), question):
            return
        db = self._db
        try:
            self.result_of_restore = run_with_progress(
                self,
                self.tr("Der jetzige Stand wird gesichert …"),
                lambda progress: restore_backup(db, path, progress=progress),
                step_label=self._stage_text,
            )
        except Cancelled as stopped:
            self._tell(str(stopped))
            return
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()

    def _stage_text(self, done: int, total: int) -> str:
        """The first half is the safety backup of the current state, the second the copy."""
        if done < total // 2:
            return self.tr("Der jetzige Stand wird gesichert …")
        return self.tr("Die Sicherung wird zurückgespielt …")

    def _tell(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
