"""The e-mail that hands an inquiry to a project: copy it, or open it in the mail program."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.inquiries.forwarding import ForwardingMail, mailto_url


def open_url(url: QUrl) -> bool:
    """Hand a mailto: link to the mail program (replaced in tests)."""
    return QDesktopServices.openUrl(url)


class MailDialog(QDialog):
    """One mail per project; the text may be changed before it is copied or opened."""

    def __init__(
        self,
        mails: Sequence[ForwardingMail],
        parent: QWidget | None = None,
        opener: Callable[[QUrl], object] = open_url,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("E-Mail an das Projekt"))
        self.resize(640, 560)
        self._mails = list(mails)
        self._opener = opener
        self.project = QComboBox(self)
        for mail in self._mails:
            self.project.addItem(mail.project_name)
        self.to = QLineEdit(self)
        self.to.setPlaceholderText(self.tr("Adresse des Projekts eintragen"))
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.copy_button = QPushButton(self.tr("Text kopieren"), self)
        self.mail_button = QPushButton(self.tr("E-Mail öffnen"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Schließen"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if len(self._mails) > 1:
            form.addRow(self.tr("Projekt:"), self.project)
        form.addRow(self.tr("An:"), self.to)
        form.addRow(self.tr("Betreff:"), self.subject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy_text)
        self.mail_button.clicked.connect(self.open_mail)
        self.project.currentIndexChanged.connect(self._show)
        self.to.textChanged.connect(self._update_notice)
        self._show(0)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self.notice.setText(self.tr("Der Text ist in der Zwischenablage."))

    def mail_url(self) -> QUrl:
        """A mailto: link with address, subject and – if short enough for Windows – the text."""
        return QUrl(mailto_url(self.to.text(), self.subject.text(), self.body.toPlainText()))

    def open_mail(self) -> None:
        url = self.mail_url()
        if "body=" not in url.toString():
            self.copy_text()
            self.notice.setText(
                self.tr(
                    "Der Text ist zu lang für die Übergabe an das E-Mail-Programm. Er ist in der "
                    "Zwischenablage – fügen Sie ihn dort mit Strg+V ein."
                )
            )
        self._opener(url)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self._mails):
            return
        mail = self._mails[index]
        self.to.setText(mail.to)
        self.subject.setText(mail.subject)
        self.body.setPlainText(mail.body)
        self._update_notice()

    def _update_notice(self, *_args: object) -> None:
        missing = not self.to.text().strip()
        self.notice.setText(
            self.tr(
                "Für dieses Projekt ist keine E-Mail-Adresse gespeichert. Tragen Sie sie oben "
                "ein oder kopieren Sie den Text."
            )
            if missing
            else ""
        )
