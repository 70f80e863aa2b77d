"""Sachbericht: the figures of a year as a table, saved as Excel or a one-page PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import list_funders
from patenbuero.services.registrations.sachbericht import Figure, figures, sachbericht
from patenbuero.services.registrations.sachbericht_export import (
    export_sachbericht,
    format_value,
    funder_scope,
    note,
)
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column


def _columns() -> list[Column[Figure]]:
    return [
        Column("Bereich", lambda f: f.section),
        Column("Kennzahl", lambda f: f.label),
        Column("Wert", format_value, searchable=False),
    ]


class SachberichtDialog(QDialog):
    def __init__(self, db: Database, year: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Sachbericht: Zahlen des Jahres"))
        self.resize(720, 680)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or dt.date.today().year)
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.funder = QComboBox()
        self.funder.addItem(self.tr("alle Veranstaltungen"), None)
        for row in list_funders(db):
            self.funder.addItem(row.name, row.id)
        self.funder.currentIndexChanged.connect(lambda _index: self.reload())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = SearchableList(
            _columns(),
            search_hint=self.tr("Kennzahl suchen …"),
            empty_hint=self.tr("Für dieses Jahr gibt es noch keine Zahlen."),
            count_text=self.tr("%n Kennzahlen"),
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.xlsx_button = QPushButton(self.tr("Als Excel speichern …"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_button = QPushButton(self.tr("Als PDF speichern …"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        close = QPushButton(self.tr("Schließen"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Jahr:")))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("Gefördert von:")))
        top.addWidget(self.funder)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.xlsx_button, self.pdf_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def _filter(self) -> tuple[set[int] | None, str]:
        funder_id = self.funder.currentData()
        if funder_id is None:
            return None, ""
        return funder_scope(self._db, int(funder_id), self.funder.currentText())

    def reload(self) -> None:
        event_ids, scope = self._filter()
        report = sachbericht(self._db, self.year.value(), event_ids=event_ids, scope=scope)
        self.note.setText(note(report))
        self.table.set_rows(figures(report))
        self.table.table.setColumnWidth(0, 230)
        self.table.table.setColumnWidth(1, 300)

    def save(self, file_format: str) -> None:
        year = self.year.value()
        folder = QSettings().value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        kind = self.tr("PDF-Datei (*.pdf)") if file_format == "pdf" else self.tr("Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Sachbericht speichern"),
            str(Path(str(folder)) / f"Sachbericht_{year}.{file_format}"),
            kind,
        )
        if not path:
            return
        try:
            event_ids, scope = self._filter()
            data = export_sachbericht(self._db, year, file_format, event_ids=event_ids, scope=scope)
            write_private(Path(path), data)
        except (OSError, UserError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.message.setText(self.tr("Nicht gespeichert: %1").replace("%1", str(reason)))
            return
        QSettings().setValue("export/folder", str(Path(path).parent))
        self.message.setText(self.tr("Gespeichert: %1").replace("%1", path))
