"""Einladung: the e-mail text to copy or open in the mail program (BCC: Verteiler), and the PDF."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
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

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.plan.invitation_mail import invitation_mail
from patenbuero.services.printing.request import PrintRequest
from patenbuero.ui.plan.common import SaveFileAsker, ask_save_file, show_error, write_file


def save_invitation_pdf(
    parent: QWidget, db: Database, event_id: int, asker: SaveFileAsker = ask_save_file
) -> str:
    """„Einladung mit Tagesordnung“ as PDF; returns the path written or ""."""
    from patenbuero.services.printing.catalog import build_document  # reportlab

    try:
        result = build_document(db, PrintRequest(document="einladung", event_id=event_id))
    except UserError as error:
        show_error(parent, error)
        return ""
    path = asker(
        parent, parent.tr("Einladung als PDF speichern"), result.file_name, parent.tr("PDF (*.pdf)")
    )
    if path and write_file(parent, path, result.pdf):
        return path
    return ""


class InvitationDialog(QDialog):
    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._event_id = db, event_id
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.save_asker: SaveFileAsker = ask_save_file
        self.mail = invitation_mail(db, event_id)
        self.setWindowTitle(self.tr("Einladung: %1").replace("%1", self.mail.subject))
        self.subject = QLineEdit(self.mail.subject)
        self.subject.setReadOnly(True)
        self.body = QPlainTextEdit(self.mail.body)
        self.bcc = QLineEdit(self.mail.bcc)
        self.bcc.setReadOnly(True)
        self.bcc.setCursorPosition(0)
        count = self.mail.recipient_count
        self.recipients = QLabel(
            self.tr(
                "%1 Adressen aus dem Verteiler (als BCC, damit niemand die anderen sieht)."
            ).replace("%1", str(count))
            if count
            else self.tr(
                "Im Verteiler steht noch niemand mit E-Mail-Adresse. Nehmen Sie Ansprechpersonen "
                "unter „Mitgliedsprojekte“ in den Verteiler auf."
            )
        )
        self.recipients.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Betreff"), self.subject)
        form.addRow(self.tr("BCC"), self.bcc)
        form.addRow("", self.recipients)
        form.addRow(self.tr("Text"), self.body)

        self.copy_text = QPushButton(self.tr("Text kopieren"))
        self.copy_text.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.body.toPlainText())
        )
        self.copy_bcc = QPushButton(self.tr("Adressen kopieren"))
        self.copy_bcc.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.mail.bcc))
        self.copy_bcc.setEnabled(bool(count))
        self.open_mail = QPushButton(self.tr("Im Mailprogramm öffnen"))
        self.open_mail.clicked.connect(self.open_in_mail_program)
        self.open_mail.setEnabled(bool(count))
        self.pdf = QPushButton(self.tr("Als PDF speichern…"))
        self.pdf.clicked.connect(lambda: save_invitation_pdf(self, db, event_id, self.save_asker))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.copy_text, self.copy_bcc, self.open_mail, self.pdf):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if self.mail.warning:  # e.g. the registration deadline has passed
            self.note.setStyleSheet("color: #b35c00;")
            self.note.setText("⚠ " + self.mail.warning)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def open_in_mail_program(self) -> None:
        """Open the mail program with subject and BCC; the text goes via the clipboard.

        The body is not put into the link: Windows cuts mailto: links at about 2000
        characters, and an agenda is longer than that.
        """
        try:
            links = self.mail.mailto_links
            QGuiApplication.clipboard().setText(self.body.toPlainText())
            for link in links:
                self.open_url(link)
        except UserError as error:
            show_error(self, error)
            return
        parts = len(self.mail.mailto_links)
        self.note.setText(
            self.tr(
                "Der Einladungstext ist in der Zwischenablage: fügen Sie ihn mit Strg+V in die "
                "E-Mail ein."
            )
            + (
                self.tr(" Wegen der vielen Adressen wurden %1 E-Mails geöffnet.").replace(
                    "%1", str(parts)
                )
                if parts > 1
                else ""
            )
        )
