"""Datenschutz: retention settings, what is due, the deletion log and the Art. 30 record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.deletion_log import LogLine, deletion_log
from patenbuero.services.privacy.funding import funded_events
from patenbuero.services.privacy.processing_record import processing_record_pdf
from patenbuero.services.privacy.retention import DueItem, due_items, purge
from patenbuero.services.privacy.retention_settings import (
    RetentionSettings,
    retention_settings,
    save_retention,
)
from patenbuero.ui.common.plural_suffix import follow_plural
from patenbuero.ui.common.table_model import Column, RowTableModel
from patenbuero.ui.privacy.funded_events import FundedEventsBox

DUE_COLUMNS: list[Column[DueItem]] = [
    Column("Nr.", lambda i: str(i.ref)),
    Column("Art", lambda i: i.kind_label),
    Column("Grund", lambda i: i.reason),
    Column("fällig seit", lambda i: f"{i.due_since:%d.%m.%Y}"),
]
LOG_COLUMNS: list[Column[LogLine]] = [
    Column("Zeit", lambda e: f"{e.at:%d.%m.%Y %H:%M}"),
    Column("Nr.", lambda e: e.record),
    Column("Art", lambda e: e.kind_label),
    Column("Aktion", lambda e: e.action_label),
    Column("Benutzer", lambda e: e.user_name),
    Column("Grund", lambda e: e.reason),
]


def _table(model: RowTableModel) -> QTableView:  # type: ignore[type-arg]
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().hide()
    return view


class PrivacyView(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self._db = db
        self.participants_years, self.funded_years, self.inquiries_years = (
            QSpinBox(self),
            QSpinBox(self),
            QSpinBox(self),
        )
        for box, low in (
            (self.participants_years, 0),
            (self.funded_years, 1),
            (self.inquiries_years, 0),
        ):
            box.setRange(low, 30)
            follow_plural(box, self.tr("Jahr"), self.tr("Jahre"))
        self.save_settings = QPushButton(self.tr("Fristen &speichern"), self)
        settings_box = QGroupBox(self.tr("Aufbewahrungsfristen"), self)
        form = QFormLayout(settings_box)
        form.addRow(
            self.tr("Teilnehmende ohne Förderung, nach der letzten Veranstaltung:"),
            self.participants_years,
        )
        form.addRow(
            self.tr("Teilnehmerlisten geförderter Veranstaltungen, nach Jahresende:"),
            self.funded_years,
        )
        form.addRow(self.tr("Anfragen, nach dem Abschluss:"), self.inquiries_years)
        form.addRow(self.tr("Verteiler:"), QLabel(self.tr("bis zum Widerruf oder Ausscheiden")))
        form.addRow("", self.save_settings)

        self.funded = FundedEventsBox(db, _table, self)
        self.funded.changed.connect(self.reload)

        self.due_model: RowTableModel[DueItem] = RowTableModel(DUE_COLUMNS, self)
        self.due_label = QLabel(self)
        self.purge_button = QPushButton(self.tr("Fällige &löschen…"), self)
        self.record_button = QPushButton(self.tr("&Verzeichnis (Art. 30) als PDF…"), self)
        due_box = QGroupBox(self.tr("Fällig zur Löschung"), self)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(_table(self.due_model))
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        due_layout.addLayout(buttons)

        self.log_model: RowTableModel[LogLine] = RowTableModel(LOG_COLUMNS, self)
        log_box = QGroupBox(self.tr("Löschprotokoll (ohne personenbezogene Daten)"), self)
        QVBoxLayout(log_box).addWidget(_table(self.log_model))
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addWidget(self.funded, 1)
        right = QVBoxLayout()
        right.addWidget(due_box, 1)
        right.addWidget(log_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.message)

        self.save_settings.clicked.connect(self._save_settings)
        self.purge_button.clicked.connect(self._purge)
        self.record_button.clicked.connect(self._save_record)
        if load:  # the main window loads its tabs when they are first shown
            self.reload()

    def refresh(self) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.purge_button.setFocus()

    def reload(self) -> None:
        settings = retention_settings(self._db)
        self.participants_years.setValue(settings.participants_years)
        self.funded_years.setValue(settings.funded_years)
        self.inquiries_years.setValue(settings.inquiries_years)
        self.funded.set_rows(funded_events(self._db))
        items = due_items(self._db)
        self.due_model.set_rows(items)
        self.due_label.setText(
            self.tr("Ein Eintrag ist fällig.")
            if len(items) == 1
            else self.tr("%1 Einträge sind fällig.").replace("%1", str(len(items)))
        )
        self.purge_button.setEnabled(bool(items))
        self.log_model.set_rows(deletion_log(self._db))

    def _save_settings(self) -> None:
        try:
            save_retention(
                self._db,
                RetentionSettings(
                    self.participants_years.value(),
                    self.funded_years.value(),
                    self.inquiries_years.value(),
                ),
            )
        except UserError as error:
            self.message.setText(str(error))
            return
        self.reload()
        self.message.setText(self.tr("Fristen gespeichert."))

    def _purge(self) -> None:
        items = self.due_model.rows()
        answer = QMessageBox.question(
            self,
            self.tr("Fällige löschen"),
            self.tr(
                "%1 Einträge werden endgültig gelöscht oder anonymisiert; vergangene "
                "Anmeldungen bleiben als anonyme Zeilen für die Statistik. Fortfahren?"
            ).replace("%1", str(len(items))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        progress = QProgressDialog(
            self.tr("Lösche fällige Einträge …"), self.tr("Abbrechen"), 0, len(items), self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        done = purge(self._db, items, progress=step)
        progress.close()
        self.reload()
        self.message.setText(self.tr("%1 Einträge gelöscht.").replace("%1", str(done)))

    def _save_record(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Verzeichnis speichern"),
            "Verzeichnis_Verarbeitungstaetigkeiten.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        write_private(Path(path), processing_record_pdf(self._db))
        self.message.setText(self.tr("Verzeichnis gespeichert: %1").replace("%1", path))
