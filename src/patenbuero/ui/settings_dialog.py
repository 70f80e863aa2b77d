"""Bearbeiten → Einstellungen: the network's own texts for flyers, letters and lists."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import TEXT_LABELS, NetworkTexts, load_texts, save_texts

LONG_TEXTS = {
    "introduction",
    "leitbild_preamble",
    "office_address",
    "opening_hours",
    "privacy_note",
    "funder_line",
}


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einstellungen – Texte des Netzwerks"))
        self.resize(720, 760)
        self._db = db
        intro = QLabel(
            self.tr(
                "Diese Texte sind die Worte des Netzwerks: Sie erscheinen auf dem Handzettel, "
                "in Einladungen, Bescheinigungen und Listen. Änderungen gelten für alle "
                "Arbeitsplätze, die diese Datenbank nutzen. {Anzahl} in der Vorstellung wird "
                "beim Drucken durch die Zahl der gedruckten Projekte ersetzt."
            )
        )
        intro.setWordWrap(True)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        texts = load_texts(db)
        for field in fields(NetworkTexts):
            value = getattr(texts, field.name)
            editor: QLineEdit | QPlainTextEdit
            if field.name in LONG_TEXTS:
                editor = QPlainTextEdit(value)
                editor.setMinimumHeight(90 if field.name != "introduction" else 140)
            else:
                editor = QLineEdit(value)
            self.editors[field.name] = editor
            form.addRow(TEXT_LABELS[field.name] + ":", editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def values(self) -> NetworkTexts:
        result = {}
        for name, editor in self.editors.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            result[name] = text.strip()
        return NetworkTexts(**result)

    def save(self) -> None:
        save_texts(self._db, self.values())
        self.accept()
