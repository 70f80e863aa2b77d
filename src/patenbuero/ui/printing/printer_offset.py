"""The badge printer's offset in millimetres, kept per PC (QSettings): it belongs to the
printer standing beside this PC, not to the shared database. A value stored in the
database by earlier versions serves as the first default.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from patenbuero.services.core.database import Database
from patenbuero.services.printing.settings import OFFSET_LIMIT_MM, load_print_settings

KEY_X, KEY_Y = "printer/offset_x_mm", "printer/offset_y_mm"


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
        self.setTitle(self.tr("Druckerversatz für Etiketten (dieser PC)"))
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
                "verschieben Sie ihn hier um einige Millimeter. Der Wert gilt nur für "
                "diesen PC und seinen Drucker."
            )
        )

    def load(self) -> None:
        settings = QSettings()
        stored = load_print_settings(self._db)
        self.offset_x.setValue(float(str(settings.value(KEY_X, stored.badge_offset_x_mm))))
        self.offset_y.setValue(float(str(settings.value(KEY_Y, stored.badge_offset_y_mm))))

    def values(self) -> tuple[float, float]:
        return self.offset_x.value(), self.offset_y.value()

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(KEY_X, self.offset_x.value())
        settings.setValue(KEY_Y, self.offset_y.value())
        self.message.setText(self.tr("gespeichert für diesen PC"))
        self.saved.emit()
