"""Fördermittelgeber: the list dialog (name, PNG logo, proof period) and the funding
fields of an event or a series (funder, Maßnahme, Förderkennzeichen, UE)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import (
    MAX_PROOF_YEARS,
    Funding,
    delete_funder,
    funder_logo,
    list_funders,
    save_funder,
)
from patenbuero.services.privacy.retention_settings import retention_settings
from patenbuero.ui.common.prompts import confirm, open_file, refuse

NO_UNITS = 0.0


class FundingFields(QWidget):
    """Funder, Maßnahme, Förderkennzeichen and UE of one event or series."""

    def __init__(self, funders: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.funder = QComboBox()
        self.funder.addItem(self.tr("keiner"), None)
        for funder_id, name in funders:
            self.funder.addItem(name, funder_id)
        self.measure = QLineEdit()
        self.measure.setPlaceholderText(self.tr("z. B. Qualifizierung von Pat:innen"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("z. B. FB-2026-0417"))
        self.units = QDoubleSpinBox()
        self.units.setRange(NO_UNITS, 200)
        self.units.setDecimals(1)
        self.units.setSingleStep(0.5)
        self.units.setSpecialValueText(self.tr("keine Angabe"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Fördermittelgeber"), self.funder)
        form.addRow(self.tr("Maßnahme"), self.measure)
        form.addRow(self.tr("Förderkennzeichen"), self.code)
        form.addRow(self.tr("Unterrichtseinheiten"), self.units)

    def load(self, funding: Funding) -> None:
        index = self.funder.findData(funding.funder_id)
        self.funder.setCurrentIndex(max(index, 0))
        self.measure.setText(funding.funding_measure)
        self.code.setText(funding.funding_code)
        self.units.setValue(funding.teaching_units or NO_UNITS)

    def values(self) -> Funding:
        units = self.units.value()
        return Funding(
            funder_id=self.funder.currentData(),
            funding_measure=self.measure.text(),
            funding_code=self.code.text(),
            teaching_units=units if units != NO_UNITS else None,
        )


def funder_choices(db: Database) -> list[tuple[int, str]]:
    return [(row.id, row.name) for row in list_funders(db)]


class FundingDialog(QDialog):
    """Edit the funding of one event or series; ``save`` stores it through a service."""

    def __init__(
        self,
        db: Database,
        title: str,
        funding: Funding,
        save: Callable[[Funding], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.fields = FundingFields(funder_choices(db))
        self.fields.load(funding)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            self._save(self.fields.values())
        except UserError as error:
            self.error.setText(str(error))
            return
        self.accept()


class FundersDialog(QDialog):
    """Bearbeiten → Fördermittelgeber: add, rename, give a logo and a proof period, remove."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, select: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fördermittelgeber"))
        self.db = db
        self._logo: bytes | None = None
        self._logo_changed = False
        self._proof_years: dict[int, int | None] = {}
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._show_current)
        self.name = QLineEdit()
        self.proof_years = QLineEdit()
        self.proof_years.setValidator(QIntValidator(1, MAX_PROOF_YEARS, self.proof_years))
        self.proof_years.setMaximumWidth(220)
        self.proof_years.setPlaceholderText(
            self.tr("leer: Standard ({0} Jahre)").format(retention_settings(db).funded_years)
        )
        self.proof_years.setToolTip(
            self.tr(
                "So viele Jahre nach Ende des Veranstaltungsjahres werden die Teilnehmerlisten "
                "geförderter Veranstaltungen als Nachweis aufbewahrt. Leer: die Frist aus "
                "Datenschutz → Aufbewahrungsfristen."
            )
        )
        self.logo = QLabel()
        self.logo.setFixedSize(180, 60)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setStyleSheet("border: 1px solid #c8d0d4;")
        self.choose_logo = QPushButton(self.tr("Logo (PNG) wählen …"))
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Logo entfernen"))
        self.remove_logo.clicked.connect(self._remove_logo)
        self.new = QPushButton(self.tr("&Neu"))
        self.new.clicked.connect(self._new)
        self.save = QPushButton(self.tr("&Speichern"))
        self.save.clicked.connect(self._save)
        self.delete = QPushButton(self.tr("&Löschen"))
        self.delete.clicked.connect(self._delete)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_row.addLayout(logo_buttons)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Nachweise aufbewahren (Jahre)"), self.proof_years)
        actions = QHBoxLayout()
        for button in (self.new, self.save, self.delete):
            actions.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.error)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(close)
        self._reload()
        self._new()
        if select is not None:
            self._reload(select=select)
            self._show_current()

    def _reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        rows = list_funders(self.db)
        self._proof_years = {row.id: row.proof_years for row in rows}
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
            if row.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _show_current(self) -> None:
        funder_id = self.current_id()
        self.error.clear()
        if funder_id is None:
            return
        self.name.setText(self.list.currentItem().text())
        years = self._proof_years.get(funder_id)
        self.proof_years.setText("" if years is None else str(years))
        self._set_logo(funder_logo(self.db, funder_id), changed=False)

    def _set_logo(self, data: bytes | None, *, changed: bool) -> None:
        self._logo, self._logo_changed = data, changed
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo.setPixmap(
                pixmap.scaled(
                    self.logo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("kein Logo"))
        self.remove_logo.setEnabled(data is not None)

    def _new(self) -> None:
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.name.clear()
        self.proof_years.clear()
        self._set_logo(None, changed=False)
        self.name.setFocus()

    def _choose_logo(self) -> None:
        path = open_file(self, self.tr("Logo wählen"), self.tr("PNG-Bilder (*.png)"))
        if path:
            self._set_logo(Path(path).read_bytes(), changed=True)

    def _remove_logo(self) -> None:
        self._set_logo(None, changed=True)

    def _save(self) -> None:
        years = self.proof_years.text().strip()
        if years and not self.proof_years.hasAcceptableInput():
            self.error.setText(
                self.tr("Die Nachweise müssen 1 bis {0} Jahre aufbewahrt werden.").format(
                    MAX_PROOF_YEARS
                )
            )
            return
        try:
            funder_id = save_funder(
                self.db,
                self.current_id(),
                self.name.text(),
                self._logo if self._logo_changed else None,
                keep_logo=not self._logo_changed,
                proof_years=int(years) if years else None,
            )
        except UserError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self._reload(select=funder_id)
        self._logo_changed = False

    def _delete(self) -> None:
        funder_id = self.current_id()
        if funder_id is None:
            return
        name = self.list.currentItem().text()
        question = self.tr(
            "„{0}“ löschen? Veranstaltungen und Reihen behalten Maßnahme und "
            "Förderkennzeichen, aber ohne Fördermittelgeber."
        ).format(name)
        if not confirm(self, self.tr("Fördermittelgeber löschen"), question):
            return
        try:
            delete_funder(self.db, funder_id)
        except UserError as error:
            refuse(self, self.tr("Fördermittelgeber"), str(error))
        self._reload()
        self._new()
