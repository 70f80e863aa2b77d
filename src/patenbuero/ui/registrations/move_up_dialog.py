"""Who moved up from the waitlist, and the e-mail that tells them."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.registrations.booking import MovedUp
from patenbuero.services.registrations.use_cases import move_up_message


class MoveUpDialog(QDialog):
    def __init__(
        self,
        event_title: str,
        starts_at: dt.datetime,
        moved: list[MovedUp],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Von der Warteliste nachgerückt"))
        self.resize(560, 460)
        self._moved = moved
        no_email = self.tr("(keine E-Mail-Adresse – bitte anrufen)")
        names = "<br>".join(
            f"<b>{html.escape(m.full_name)}</b> "
            + (f"&lt;{html.escape(m.email)}&gt;" if m.email else no_email)
            for m in moved
        )
        intro = QLabel(
            self.tr(
                "Diese Personen haben jetzt einen bestätigten Platz. Bitte informieren Sie sie:"
            )
            + f"<br><br>{names}"
        )
        intro.setWordWrap(True)
        self.message = QPlainTextEdit(move_up_message(event_title, starts_at, moved[0]))
        self.message.setReadOnly(False)
        self.message.setToolTip(self.tr("Sie können den Text vor dem Versenden anpassen."))
        copy_button = QPushButton(self.tr("Text kopieren"))
        copy_button.clicked.connect(self.copy_text)
        mail_button = QPushButton(self.tr("E-Mail öffnen"))
        mail_button.clicked.connect(self.open_mail)
        mail_button.setEnabled(any(m.email for m in moved))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message, 1)
        layout.addWidget(buttons)
        self._subject = self.tr("Platz frei: %1").replace("%1", event_title)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.message.toPlainText())

    def mail_url(self) -> QUrl:
        recipients = ",".join(m.email for m in self._moved if m.email)
        return QUrl(
            f"mailto:{recipients}?subject={quote(self._subject)}"
            f"&body={quote(self.message.toPlainText())}"
        )

    def open_mail(self) -> None:
        QDesktopServices.openUrl(self.mail_url())
