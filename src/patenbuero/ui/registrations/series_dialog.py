"""Fortbildungsreihe: persons × modules, who is due a certificate, and series registration."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core.database import Database
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.series import list_series, register_for_series, series_matrix
from patenbuero.ui.common.formatting import format_date
from patenbuero.ui.registrations.register_dialog import RegisterDialog
from patenbuero.ui.registrations.series_edit_dialog import SeriesEditDialog

PRESENT, ABSENT, OPEN, NOT_REGISTERED = "✓ da", "✗ fehlte", "offen", "–"


class SeriesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fortbildungsreihe: Teilnahme und Bescheinigungen"))
        self.resize(900, 600)
        self._db = db
        self.changed = False
        self.series = QComboBox()
        for choice in list_series(db):
            self.series.addItem(choice.title, choice.id)
        self.series.currentIndexChanged.connect(self.reload)
        self.summary = QLabel()
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.new_button = QPushButton(self.tr("Neue Reihe …"))
        self.new_button.clicked.connect(lambda: self.edit_series(None))
        self.edit_button = QPushButton(self.tr("Reihe bearbeiten …"))
        self.edit_button.clicked.connect(lambda: self.edit_series(self.series.currentData()))
        self.edit_button.setEnabled(self.series.count() > 0)
        register_button = QPushButton(self.tr("Für die ganze Reihe anmelden …"))
        register_button.clicked.connect(self.register_person)
        register_button.setEnabled(self.series.count() > 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reihe:")))
        top.addWidget(self.series, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(register_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            QLabel(
                self.tr("Die Bescheinigungen druckt der Reiter „Druck“ (Teilnahmebescheinigungen).")
            )
        )
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        series_id = self.series.currentData()
        if series_id is None:
            self.summary.setText(self.tr("Es gibt noch keine Fortbildungsreihe."))
            self.table.clear()
            return
        matrix = series_matrix(self._db, series_id)
        headers = [self.tr("Name"), self.tr("Organisation")]
        headers += [f"{m.number}. {format_date(m.starts_at.date())}" for m in matrix.modules]
        headers.append(self.tr("Bescheinigung"))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(matrix.rows))
        for row_number, row in enumerate(matrix.rows):
            cells = [f"{row.last_name}, {row.first_name}".strip(", "), row.organisation]
            for attended, registered in zip(row.attendance, row.registered, strict=True):
                if not registered:
                    cells.append(NOT_REGISTERED)
                else:
                    cells.append({True: PRESENT, False: ABSENT, None: OPEN}[attended])
            due = matrix.certificate_due(row)
            cells.append(self.tr("fällig") if due else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if text == ABSENT:
                    item.setForeground(QBrush(QColor("#b00020")))
                if text == PRESENT:
                    item.setForeground(QBrush(QColor("#2e6b30")))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row_number, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary.setText(
            self.tr("%1 Teilnehmer:innen · Bescheinigung ab %2 von %3 Modulen · %4 fällig")
            .replace("%1", str(len(matrix.rows)))
            .replace("%2", str(matrix.required_modules))
            .replace("%3", str(len(matrix.modules)))
            .replace("%4", str(len(matrix.due)))
        )

    def edit_series(self, series_id: int | None) -> None:
        """Create or change a series (title, modules, rule); show it afterwards."""
        dialog = SeriesEditDialog(self._db, series_id, self)
        if not dialog.exec() or dialog.saved_id is None:
            return
        self.changed = True
        self.series.blockSignals(True)
        self.series.clear()
        for choice in list_series(self._db):
            self.series.addItem(choice.title, choice.id)
        self.series.setCurrentIndex(max(0, self.series.findData(dialog.saved_id)))
        self.series.blockSignals(False)
        self.edit_button.setEnabled(True)
        self.reload()

    def register_person(self) -> None:
        series_id = self.series.currentData()

        def registrar(person: PersonInput | int, _allow_late: bool) -> str:
            outcomes = register_for_series(self._db, series_id, person)
            waiting = [o for o in outcomes if o.status == "waitlisted"]
            if not waiting:
                return self.tr("Für alle Module angemeldet.")
            numbers = ", ".join(str(o.module_number) for o in waiting)
            return self.tr("Angemeldet; bei Modul %1 auf der Warteliste.").replace("%1", numbers)

        dialog = RegisterDialog(self._db, self.tr("Für die ganze Reihe anmelden"), registrar, self)
        if dialog.exec():
            self.summary.setText(dialog.result_message)
            self.reload()
