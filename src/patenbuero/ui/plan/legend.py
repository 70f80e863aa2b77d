"""The key to the year overview: colour and short label of each kind, and the markers."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from patenbuero.services.core import labels
from patenbuero.ui.plan.common import KIND_STYLE


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Kinds on one line, markers on a second, so that the key fits a laptop screen.
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(10)
        lines.addLayout(layout)
        self._names: dict[str, tuple[QLabel, QLabel]] = {}
        for kind, (colour, short) in KIND_STYLE.items():
            name = labels.label(labels.EVENT_KIND, kind)
            chip = QLabel(f" {short} ")
            chip.setStyleSheet(f"background: {colour}; color: white; font-weight: bold;")
            chip.setToolTip(name)
            shown = QLabel(name)
            self._names[kind] = (chip, shown)
            layout.addWidget(chip)
            layout.addWidget(shown)
        layout.addStretch(1)
        layout = QHBoxLayout()
        layout.setSpacing(10)
        lines.addLayout(layout)
        for style, text in (
            ("background: #fbe3e3; color: #b00020;", self.tr("Feiertag")),
            ("background: #e9e9e9;", self.tr("Wochenende")),
            ("border: 2px solid #b00020;", self.tr("heute")),
            ("color: #b00020; font-weight: bold;", self.tr("! Konflikt")),
            ("color: #444; text-decoration: line-through;", self.tr("abgesagt")),
            ("border: 1px dashed #555;", self.tr("Idee")),
        ):
            marker = QLabel(f" {text} ")
            marker.setStyleSheet(style)
            layout.addWidget(marker)
        layout.addStretch(1)

    def set_names(self, names: dict[str, str]) -> None:
        """The kinds as the office named them (Bearbeiten → Listen)."""
        for kind, (chip, shown) in self._names.items():
            if kind in names:
                chip.setToolTip(names[kind])
                shown.setText(names[kind])
