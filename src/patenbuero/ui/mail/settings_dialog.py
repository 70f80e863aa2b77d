"""Mailkonto und Mailtexte: the office's SMTP account and its texts per kind of mail.

The password field writes to the operating system's keyring and is never shown
again; the texts are checked for unknown placeholders when saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.io.smtp_send import SendError
from patenbuero.services.core.database import Database
from patenbuero.services.mail.account import (
    SECURITY_LABELS,
    AccountSettings,
    has_password,
    load_account,
    save_account,
)
from patenbuero.services.mail.kinds import PLACEHOLDERS
from patenbuero.services.mail.templates import load_templates, reset_template, save_template


class MailSettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mailkonto und Mailtexte"))
        self.resize(860, 720)
        self._db = db
        account = load_account(db)
        self.host = QLineEdit(account.host, self)
        self.host.setPlaceholderText("z. B. smtp.ihr-anbieter.de")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(account.port)
        self.security = QComboBox(self)
        for value, label in SECURITY_LABELS.items():
            self.security.addItem(label, value)
        self.security.setCurrentIndex(max(0, self.security.findData(account.security)))
        self.user = QLineEdit(account.user, self)
        self.sender_address = QLineEdit(account.sender, self)
        self.sender_address.setPlaceholderText(
            self.tr("leer: der Benutzername bzw. die Büro-Adresse")
        )
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("gespeichert – nur zum Ändern eintragen")
            if has_password(db)
            else self.tr("wird im Passwortspeicher des Betriebssystems abgelegt")
        )
        self.save_account_button = QPushButton(self.tr("Mailkonto speichern"), self)
        self.kind = QComboBox(self)
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.save_text_button = QPushButton(self.tr("Text speichern"), self)
        self.reset_button = QPushButton(self.tr("Ursprünglichen Text"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._templates = {t.kind: t for t in load_templates(db)}
        for template in self._templates.values():
            self.kind.addItem(template.label, template.kind)
        self._build()
        self.kind.currentIndexChanged.connect(self._show_template)
        self.save_account_button.clicked.connect(self.save_account)
        self.save_text_button.clicked.connect(self.save_text)
        self.reset_button.clicked.connect(self.reset_text)
        self._show_template()

    def _build(self) -> None:
        account_box = QGroupBox(self.tr("Mailkonto der Koordinierungsstelle (SMTP mit TLS)"), self)
        form = QFormLayout(account_box)
        form.addRow(self.tr("Server:"), self.host)
        row = QHBoxLayout()
        row.addWidget(self.port)
        row.addWidget(self.security, 1)
        form.addRow(self.tr("Port, Verschlüsselung:"), row)
        form.addRow(self.tr("Benutzer:"), self.user)
        form.addRow(self.tr("Passwort:"), self.password)
        form.addRow(self.tr("Absenderadresse:"), self.sender_address)
        form.addRow("", self.save_account_button)
        texts_box = QGroupBox(self.tr("Texte der Mails"), self)
        texts = QVBoxLayout(texts_box)
        text_form = QFormLayout()
        text_form.addRow(self.tr("Art der Mail:"), self.kind)
        text_form.addRow(self.tr("Betreff:"), self.subject)
        texts.addLayout(text_form)
        texts.addWidget(self.body, 1)
        hint = QLabel(
            self.tr("Platzhalter: ")
            + ", ".join("${" + name + "}" for name in PLACEHOLDERS)
            + self.tr(". Für ein Dollarzeichen schreiben Sie $$.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        texts.addWidget(hint)
        bar = QHBoxLayout()
        bar.addWidget(self.reset_button)
        bar.addStretch(1)
        bar.addWidget(self.save_text_button)
        texts.addLayout(bar)
        close = QPushButton(self.tr("Schließen"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(account_box)
        layout.addWidget(texts_box, 1)
        layout.addLayout(bottom)

    def _show_template(self) -> None:
        template = self._templates[str(self.kind.currentData())]
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)

    def save_account(self) -> None:
        settings = AccountSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            user=self.user.text(),
            sender=self.sender_address.text(),
        )
        try:
            save_account(self._db, settings, self.password.text() or None)
        except UserError as error:
            self.message.setText(error.message)
            return
        except SendError as error:  # the keyring is not reachable
            self.message.setText(str(error))
            return
        self.password.clear()
        if has_password(self._db):
            self.password.setPlaceholderText(self.tr("gespeichert – nur zum Ändern eintragen"))
        self.message.setText(self.tr("Mailkonto gespeichert."))

    def save_text(self) -> None:
        kind = str(self.kind.currentData())
        try:
            save_template(self._db, kind, self.subject.text(), self.body.toPlainText())
        except UserError as error:
            self.message.setText(error.message)
            (self.subject if error.field == "subject" else self.body).setFocus()
            return
        self._templates = {t.kind: t for t in load_templates(self._db)}
        self.message.setText(self.tr("Text gespeichert."))

    def reset_text(self) -> None:
        reset_template(self._db, str(self.kind.currentData()))
        self._templates = {t.kind: t for t in load_templates(self._db)}
        self._show_template()
        self.message.setText(self.tr("Ursprünglicher Text wiederhergestellt."))
