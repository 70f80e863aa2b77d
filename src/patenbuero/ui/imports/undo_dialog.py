"""Datei → Import rückgängig: the past imports, and undoing one as a whole after asking."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.import_journal import KEEP_DAYS
from patenbuero.services.imports import ImportRunRow, UndoResult, list_runs, undo_import
from patenbuero.ui.common import prompts
from patenbuero.ui.common.formatting import format_datetime
from patenbuero.ui.common.table_model import ROW_ROLE, Column, RowTableModel


def _state(row: ImportRunRow) -> str:
    if row.undone_at is None:
        return "kann rückgängig gemacht werden"
    return f"rückgängig gemacht\nam {format_datetime(row.undone_at)}"


def _undone_grey(row: ImportRunRow) -> str | None:
    return None if row.can_undo else "#6b6b6b"


class ImportUndoDialog(QDialog):
    """The journal's imports, newest first; „Rückgängig machen …“ asks, then undoes."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.undone: list[UndoResult] = []
        self.setWindowTitle(self.tr("Import rückgängig machen"))
        self.hint = QLabel(
            self.tr(
                "Ein Import wird als Ganzes zurückgenommen: Was er neu angelegt hat, wird "
                "entfernt, was er geändert hat, bekommt die alten Werte zurück. Wurden "
                "Datensätze seitdem bearbeitet, bleibt alles, wie es ist. Die Liste reicht "
                "%1 Tage zurück."
            ).replace("%1", str(KEEP_DAYS)),
            self,
        )
        self.hint.setWordWrap(True)
        columns: list[Column[ImportRunRow]] = [
            Column(self.tr("Zeitpunkt"), lambda r: r.at, foreground=_undone_grey),
            Column(self.tr("Art"), lambda r: r.kind_label, foreground=_undone_grey),
            Column(self.tr("Wohin"), lambda r: r.description, foreground=_undone_grey),
            Column(self.tr("Datei"), lambda r: r.file_name or "–", foreground=_undone_grey),
            Column(
                self.tr("Ergebnis des Imports"),
                lambda r: r.summary,
                tooltip=lambda r: r.summary,
                foreground=_undone_grey,
            ),
            Column(
                self.tr("Stand"),
                _state,
                tooltip=lambda r: r.undo_summary,
                foreground=_undone_grey,
            ),
        ]
        self.model: RowTableModel[ImportRunRow] = RowTableModel(columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("Es gibt keine Importe, die sich rückgängig machen lassen."))
        self.undo_button = QPushButton(self.tr("&Rückgängig machen …"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        self.close_button = QPushButton(self.tr("Schließen"), self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(1060, 440)
        self.refresh()

    def refresh(self) -> None:
        rows = list_runs(self._db)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 220), (3, 200), (5, 170)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        first = next((n for n, row in enumerate(rows) if row.can_undo), None)
        if first is not None:
            self.table.selectionModel().select(
                self.model.index(first, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(self.model.index(first, 0))
        self._selection_changed()

    def selected(self) -> ImportRunRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, ImportRunRow) else None

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected()
        self.undo_button.setEnabled(row is not None and row.can_undo)

    def undo_selected(self) -> None:
        row = self.selected()
        if row is None or not row.can_undo:
            return
        question = (
            self.tr(
                "Den Import vom %1 (%2: %3) rückgängig machen?\n\n"
                "Der Import ergab: %4.\nWas er neu angelegt hat, wird entfernt; was er "
                "geändert hat, bekommt die alten Werte zurück. Frei werdende Plätze gehen "
                "an die Warteliste."
            )
            .replace("%1", format_datetime(row.at))
            .replace("%2", row.kind_label)
            .replace("%3", row.description)
            .replace("%4", row.summary)
        )
        if not prompts.confirm(self, self.tr("Import rückgängig machen"), question):
            return
        try:
            result = undo_import(self._db, row.id)
        except UserError as error:
            prompts.refuse(self, self.tr("Import rückgängig machen"), str(error))
            self.refresh()
            return
        self.undone.append(result)
        text = result.message()
        if result.moved_up:
            names = ", ".join(person.full_name for person in result.moved_up)
            text += "\n\n" + self.tr("Nachgerückt (bitte benachrichtigen): %1").replace("%1", names)
        prompts.inform(self, self.tr("Import rückgängig gemacht"), text)
        self.refresh()


def open_import_undo(db: Database, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when an import was undone (the tabs then reload)."""
    dialog = ImportUndoDialog(db, parent)
    dialog.exec()
    return bool(dialog.undone)
