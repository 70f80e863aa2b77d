"""Druck: choose a document, see its pages, print or save as PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from patenbuero.services.database import Database


class PrintTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Druckvorlagen")))

    def refresh(self) -> None:
        return None

    def focus_search(self) -> None:
        return None
