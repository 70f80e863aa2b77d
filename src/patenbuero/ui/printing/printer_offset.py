"""The badge printer's offset in millimetres, kept in the database for every office PC."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.printing.settings import (
    OFFSET_LIMIT_MM,
    PrintSettings,
    load_print_settings,
    save_print_settings,
)


def _offset_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-OFFSET_LIMIT_MM, OFFSET_LIMIT_MM)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    return box


class PrinterOffset(QGroupBox):
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Druckerversatz für Etiketten"))
        self._db = db
        self.offset_x = _offset_box()
        self.offset_y = _offset_box()
        self.save_button = QPushButton(self.tr("Übernehmen"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        layout = QHBoxLayout(self)
        layout.addWidget(QLabel(self.tr("nach rechts:")))
        layout.addWidget(self.offset_x)
        layout.addWidget(QLabel(self.tr("nach unten:")))
        layout.addWidget(self.offset_y)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message, 1)
        self.setToolTip(
            self.tr(
                "Sitzt der Druck auf dem Probedruck nicht genau in den Etiketten, "
                "verschieben Sie ihn hier um einige Millimeter."
            )
        )

    def load(self) -> None:
        settings = load_print_settings(self._db)
        self.offset_x.setValue(settings.badge_offset_x_mm)
        self.offset_y.setValue(settings.badge_offset_y_mm)

    def save(self) -> None:
        try:
            save_print_settings(
                self._db, PrintSettings(self.offset_x.value(), self.offset_y.value())
            )
        except UserError as error:
            self.message.setText(str(error))
            return
        self.message.setText(self.tr("gespeichert"))
        self.saved.emit()
