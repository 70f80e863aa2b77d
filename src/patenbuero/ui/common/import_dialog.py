"""The generic import dialog: choose a file, check the column mapping, see bad rows, import.

It knows nothing of projects or registrations: it is given an
:class:`~patenbuero.services.core.importing.Importer` and shows what
``preview_import`` says. Checking and writing run off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.io.tabular import Table
from patenbuero.services.core.database import Database
from patenbuero.services.core.importing import (
    ACTION_LABELS,
    Importer,
    ImportPreview,
    apply_import,
    choose_header,
    import_template,
    preview_import,
    read_import_file,
)
from patenbuero.ui.common import prompts
from patenbuero.ui.common.import_changes import FieldChangesPanel

log = logging.getLogger(__name__)

FILE_FILTER = "Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm)"
_BAD_ROW = QColor("#fde2e1")


class _Job(QThread):
    """Runs one service call; ``done`` carries the result or the UserError."""

    done = Signal(object, object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            self.done.emit(self._work(), None)
        except UserError as error:
            self.done.emit(None, error)
        except Exception:  # a bug: log it, tell the office in one sentence
            log.exception("Import fehlgeschlagen")
            self.done.emit(
                None,
                UserError(
                    "Beim Import ist ein unerwarteter Fehler aufgetreten; es wurde nichts "
                    "geändert. Einzelheiten stehen im Protokoll."
                ),
            )


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, db: Database, importer: Importer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._importer = importer
        self._table: Table | None = None
        self._path = ""
        self.preview: ImportPreview | None = None
        self._jobs: list[_Job] = []
        self.setWindowTitle(self.tr("%1 importieren").replace("%1", importer.title))
        self.file_label = QLabel(self.tr("Noch keine Datei gewählt."), self)
        self.choose_button = QPushButton(self.tr("Datei wählen …"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(self.tr("Vorlage speichern …"), self)
        self.template_button.setToolTip(
            self.tr("Eine leere Tabelle mit den Spalten, die der Import versteht")
        )
        self.template_button.clicked.connect(self.save_template)
        self.hint = QLabel(
            self.tr(
                "Erlaubt sind Excel-Arbeitsmappen (.xlsx) und CSV-Dateien. Prüfen Sie in der "
                "ersten Zeile, welche Spalte in welches Feld übernommen wird. Geschrieben "
                "wird erst, wenn Sie auf „Importieren“ klicken – und dann alle Zeilen oder keine."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.errors = QListWidget(self)
        self.new_values = QLabel(self)
        self.new_values.setWordWrap(True)
        self.header_choice = QComboBox(self)
        self.header_choice.setToolTip(
            self.tr("Die Zeile der Datei mit den Spaltennamen (darüber z. B. ein Titel)")
        )
        self.header_choice.setEnabled(False)
        self.header_choice.currentIndexChanged.connect(self._header_chosen)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #1d4f5c; font-weight: bold;")
        self.options: dict[str, QCheckBox] = {}
        for attribute, label in getattr(importer, "choices", ()):
            box = QCheckBox(label, self)
            box.setChecked(bool(getattr(importer, attribute)))
            box.toggled.connect(lambda on, name=attribute: self._set_option(name, on))
            self.options[attribute] = box
        self.changes = FieldChangesPanel(importer, self)
        self.changes.decided.connect(lambda: self.refresh_preview(self.mapping()))
        self.import_button = QPushButton(self.tr("Importieren"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Schließen"), self)
        self.close_button.clicked.connect(self.reject)
        self._build()
        self.resize(980, 640)

    def save_template(self) -> None:
        path = prompts.save_file(
            self,
            self.tr("Vorlage speichern"),
            f"Vorlage {self._importer.title}.xlsx",
            self.tr("Excel-Datei (*.xlsx);;CSV für Excel (*.csv)"),
        )
        if not path:
            return
        file_format = "csv" if path.lower().endswith(".csv") else "xlsx"
        try:
            Path(path).write_bytes(import_template(self._importer, file_format))
        except OSError as error:
            prompts.refuse(
                self,
                self.tr("Vorlage speichern"),
                self.tr("Die Datei kann nicht geschrieben werden (%1).").replace(
                    "%1", error.strerror or str(error)
                ),
            )
            return
        self.file_label.setText(self.tr("Vorlage gespeichert: %1").replace("%1", path))

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Kopfzeile:"), self))
        top.addWidget(self.header_choice)
        top.addWidget(self.template_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Fehlerhafte Zeilen:"), lower))
        lower_layout.addWidget(self.errors, 1)
        lower_layout.addWidget(self.new_values)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.addWidget(lower)
        splitter.setSizes([300, 200, 140])
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        for box in self.options.values():
            layout.addWidget(box)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Datei wählen"), "", FILE_FILTER)
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read the file and show the preview with the guessed mapping."""
        try:
            self._table = read_import_file(path, self._importer.fields)
        except UserError as error:
            self._table = None
            self.file_label.setText(Path(path).name)
            self._show_problem(error.message)
            return
        self._path = path
        self.changes.forget()
        self._show_table()

    def choose_header_line(self, line: int) -> None:
        """Read the file again with ``line`` as its header (the office's choice)."""
        if self._table is None or line == self._table.header_line:
            return
        try:
            self._table = choose_header(self._table, line)
        except UserError as error:
            self._show_problem(error.message)
            return
        self._show_table()

    def _header_chosen(self, index: int) -> None:
        line = self.header_choice.itemData(index)
        if line is not None:
            self.choose_header_line(int(line))

    def _set_option(self, attribute: str, on: bool) -> None:
        setattr(self._importer, attribute, on)
        self.refresh_preview(self.mapping())

    def _fill_header_choice(self, table: Table) -> None:
        self.header_choice.blockSignals(True)
        self.header_choice.clear()
        for line, cells in table.raw[:10]:
            text = " | ".join(cell for cell in cells if cell)
            self.header_choice.addItem(
                self.tr("Zeile %1: %2").replace("%1", str(line)).replace("%2", text[:40]), line
            )
        self.header_choice.setCurrentIndex(max(0, self.header_choice.findData(table.header_line)))
        self.header_choice.setEnabled(self.header_choice.count() > 1)
        self.header_choice.blockSignals(False)

    def _show_table(self) -> None:
        if self._table is None:
            return
        path = self._path
        self._fill_header_choice(self._table)
        self.file_label.setText(
            self.tr("%1 – %2 Datenzeilen")
            .replace("%1", Path(path).name)
            .replace("%2", str(len(self._table.rows)))
        )
        self._fill_table(self._table)
        self.refresh_preview(None)

    def mapping(self) -> dict[int, str]:
        result: dict[int, str] = {}
        for column in range(self.table.columnCount()):
            combo = self.table.cellWidget(0, column)
            if isinstance(combo, QComboBox) and combo.currentData():
                result[column] = str(combo.currentData())
        return result

    def set_mapping(self, column: int, field_key: str | None) -> None:
        combo = self.table.cellWidget(0, column)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(0, combo.findData(field_key)))

    def refresh_preview(self, mapping: dict[int, str] | None) -> None:
        table = self._table
        if table is None:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Die Zeilen werden geprüft …"))
        self._run(
            lambda: preview_import(
                self._db, self._importer, table, source=self._path, mapping=mapping
            ),
            self._show_preview,
        )

    def start_import(self) -> None:
        table, preview = self._table, self.preview
        if table is None or preview is None or not preview.can_import:
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.summary.setText(self.tr("Wird importiert …"))
        mapping = dict(preview.mapping)
        path = self._path
        self._run(
            lambda: apply_import(self._db, self._importer, table, mapping, source=path),
            self._imported,
        )

    def is_busy(self) -> bool:
        return any(job.isRunning() for job in self._jobs)

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        job = _Job(work, self)
        self._jobs.append(job)

        def finished(result: Any, error: UserError | None) -> None:
            if error is not None:
                self._show_problem(error.message, getattr(error, "errors", []))
            else:
                on_done(result)

        def ended() -> None:
            # Only once the thread has really stopped may it be deleted.
            self._jobs.remove(job)
            job.deleteLater()

        job.done.connect(finished, Qt.ConnectionType.QueuedConnection)
        job.finished.connect(ended, Qt.ConnectionType.QueuedConnection)
        job.start()

    def _fill_table(self, table: Table) -> None:
        self.table.clear()
        # The last column says what the import does with the row (no field to map).
        self.table.setColumnCount(len(table.headers) + 1)
        self.table.setRowCount(len(table.rows) + 1)
        self.table.setHorizontalHeaderLabels([*table.headers, self.tr("Ergebnis der Prüfung")])
        self.table.setVerticalHeaderLabels(
            [self.tr("Feld")] + [str(row.line) for row in table.rows]
        )
        for column in range(len(table.headers)):
            combo = QComboBox(self.table)
            combo.addItem(self.tr("– nicht übernehmen –"), None)
            for spec in self._importer.fields:
                combo.addItem(spec.label_de + (" *" if spec.required else ""), spec.key)
            combo.currentIndexChanged.connect(lambda _i: self.refresh_preview(self.mapping()))
            self.table.setCellWidget(0, column, combo)
        for number, row in enumerate(table.rows, start=1):
            for column, text in enumerate(row.cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 150), 260))

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        for column in range(self.table.columnCount()):
            combo = self.table.cellWidget(0, column)
            if isinstance(combo, QComboBox):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(column))))
                combo.blockSignals(False)
        bad = {row.line for row in preview.bad_rows}
        table = preview.table
        outcomes = {row.line: row for row in preview.rows}
        result_column = len(table.headers)
        for number, row in enumerate(table.rows, start=1):
            outcome = outcomes.get(row.line)
            text = ""
            if outcome is not None:
                text = ACTION_LABELS[outcome.action]
                details = "; ".join(
                    [*outcome.errors, outcome.detail] if outcome.detail else outcome.errors
                )
                text += f": {details}" if details else ""
            result = QTableWidgetItem(text)
            result.setToolTip(text)
            self.table.setItem(number, result_column, result)
        for number, row in enumerate(table.rows, start=1):
            colour = QBrush(_BAD_ROW) if row.line in bad else QBrush()
            for column in range(self.table.columnCount()):
                item = self.table.item(number, column)
                if item is not None:
                    item.setBackground(colour)
        self.errors.clear()
        self.errors.addItems(preview.errors or [self.tr("keine – alle Zeilen sind in Ordnung.")])
        self.notes.setText("\n".join(preview.notes))
        self.notes.setVisible(bool(preview.notes))
        self._show_new_values(preview)
        self.changes.show_changes(preview.changes)
        text = self.tr("Vorschau: %1.").replace("%1", preview.summary())
        if preview.errors:
            text += " " + self.tr("Bitte korrigieren Sie die Datei oder die Zuordnung.")
        elif not preview.can_import:
            text += " " + self.tr("Es gibt nichts zu ändern.")
        self.summary.setText(text)
        self.import_button.setEnabled(preview.can_import)

    def _show_new_values(self, preview: ImportPreview) -> None:
        if not preview.new_values:
            self.new_values.setText("")
            return
        groups: dict[str, list[str]] = {}
        for value in preview.new_values:
            groups.setdefault(value.kind, []).append(value.value)
        lines = [f"{kind}: {', '.join(values)}" for kind, values in groups.items()]
        self.new_values.setText(
            self.tr("Neu in den Listen (wird beim Import angelegt): %1").replace(
                "%1", "; ".join(lines)
            )
        )

    def _imported(self, done: ImportPreview) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(
            self.tr(
                "Import abgeschlossen: %1. Zurücknehmen lässt er sich unter "
                "Datei › Import rückgängig."
            ).replace("%1", done.summary())
        )
        self.preview = None
        self.imported.emit()

    def _show_problem(self, message: str, errors: list[str] | None = None) -> None:
        self.choose_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.summary.setText(message)
        self.errors.clear()
        self.errors.addItems(errors or [message])

    def done(self, result: int) -> None:
        for job in list(self._jobs):
            job.wait()
        super().done(result)
