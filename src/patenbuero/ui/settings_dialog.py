"""Bearbeiten → Einstellungen: the network's own texts for flyers, letters and lists."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.local_settings import (
    configured_backup_folder,
    default_backup_folder,
    set_backup_folder,
)
from patenbuero.services.core.network_texts import (
    LINE_LIMIT,
    MULTILINE,
    TEXT_LABELS,
    NetworkTexts,
    load_texts_for_editing,
    save_texts,
)
from patenbuero.ui.common.conflict_dialog import resolve_conflict
from patenbuero.ui.common.discard_guard import may_discard

LONG_TEXTS = MULTILINE


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
        # As loaded: the base of a conflict and the version a save starts from.
        self._base, self._version = load_texts_for_editing(db)
        for field in fields(NetworkTexts):
            value = getattr(self._base, field.name)
            editor: QLineEdit | QPlainTextEdit
            if field.name in LONG_TEXTS:
                editor = QPlainTextEdit(value)
                editor.setMinimumHeight(90 if field.name != "introduction" else 140)
            else:
                editor = QLineEdit(value)
                editor.setMaxLength(LINE_LIMIT)
            self.editors[field.name] = editor
            form.addRow(TEXT_LABELS[field.name] + ":", editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.backup_folder = QLineEdit(str(configured_backup_folder() or ""))
        self.backup_folder.setPlaceholderText(str(default_backup_folder(db.location)))
        self.backup_folder.setToolTip(
            self.tr(
                "Gilt nur für diesen Arbeitsplatz. Leer: der Ordner „Sicherungen“ neben der "
                "Datenbank. Ein Netzlaufwerk ist für Sicherungen gut geeignet."
            )
        )
        choose = QPushButton(self.tr("Ordner &wählen …"))
        choose.clicked.connect(self._choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        backup_form = QFormLayout()
        backup_form.addRow(self.tr("Sicherungsordner (dieser Arbeitsplatz):"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(backup_form)
        layout.addWidget(buttons)
        self._loaded = self._snapshot()

    def _snapshot(self) -> tuple[NetworkTexts, str]:
        return self.values(), self.backup_folder.text().strip()

    def has_unsaved_changes(self) -> bool:
        return self._snapshot() != self._loaded

    def reject(self) -> None:
        """Esc, Abbrechen and the window's X ask before edits are thrown away."""
        if may_discard(self, self.tr("die Einstellungen"), self.has_unsaved_changes, self.save):
            super().reject()

    def values(self) -> NetworkTexts:
        result = {}
        for name, editor in self.editors.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            result[name] = text.strip()
        return NetworkTexts(**result)

    def _choose_backup_folder(self) -> None:
        start = self.backup_folder.text() or self.backup_folder.placeholderText()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sicherungsordner wählen"), start)
        if folder:
            self.backup_folder.setText(folder)

    def save(self) -> None:
        folder_text = self.backup_folder.text().strip()
        folder = Path(folder_text) if folder_text else None
        try:
            if folder != configured_backup_folder():
                set_backup_folder(folder)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            self.backup_folder.setFocus()
            return
        try:
            try:
                save_texts(self._db, self.values(), self._version)
            except ConflictError as conflict:
                if not self._resolve_conflict(conflict):
                    return
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            if error.field in self.editors:
                self.editors[error.field].setFocus()
            return
        self.accept()

    def _resolve_conflict(self, conflict: ConflictError) -> bool:
        """Both versions text by text; the choice saved against the stored version."""
        return bool(
            resolve_conflict(
                self,
                self.tr("Texte des Netzwerks"),
                conflict,
                self._base,
                TEXT_LABELS,
                lambda chosen, version: save_texts(self._db, chosen, version),
            )
        )
