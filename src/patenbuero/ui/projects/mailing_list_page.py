"""The Verteiler: everyone who gets network mail, copied to the BCC field or exported."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.projects.records import CURRENT_STATUSES, PARTNER_STATUS
from patenbuero.ui.common import prompts
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import ROW_ROLE, Column

if TYPE_CHECKING:
    from patenbuero.services.projects.contacts import ContactRow

CURRENT = "current"  # the status filter's default: active projects and partners
EXPORTS = (
    ("csv", "CSV für Excel (*.csv)", "verteiler.csv"),
    ("xlsx", "Excel-Arbeitsmappe (*.xlsx)", "verteiler.xlsx"),
    ("vcf", "vCard-Adressbuch (*.vcf)", "verteiler.vcf"),
)


def open_mail_link(url: str) -> bool:
    """Hand a mailto: link to the mail program (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl(url))


class MailingListPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        columns: list[Column[ContactRow]] = [
            Column("Name", lambda r: r.full_name),
            Column("Projekt / Partner", lambda r: r.belongs_to),
            Column("Funktion", lambda r: r.role),
            Column("E-Mail", lambda r: r.email),
            Column("Status", lambda r: r.status_label),
            Column("Einwilligung am", lambda r: r.consent_on, searchable=False),
            Column("Einwilligung durch", lambda r: r.consent_source),
        ]
        self.list = SearchableList(
            columns,
            search_hint=self.tr("Suchen nach Name, Projekt, E-Mail …"),
            empty_hint=self.tr(
                "Noch niemand steht auf dem Verteiler.\n\nSetzen Sie bei einer Ansprechperson "
                "das Häkchen „Verteiler“ (mit Datum und Quelle der Einwilligung)."
            ),
            count_text=(self.tr("%n Adresse"), self.tr("%n Adressen")),
        )
        self.role_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        for label, value in (
            (self.tr("aktive Projekte und Partner"), CURRENT),
            (self.tr("alle, auch pausierte und ausgeschiedene"), None),
            (self.tr("aktive Projekte"), "active"),
            (self.tr("pausierte Projekte"), "paused"),
            (self.tr("ausgeschiedene Projekte"), "left"),
            (self.tr("Partner ohne Projekt"), PARTNER_STATUS),
        ):
            self.status_filter.addItem(label, value)
        self.role_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Funktion:"), self))
        filters.addWidget(self.role_filter, 1)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_filter, 1)
        self.outlook_button = QPushButton(self.tr("Für Outlook kopieren"), self)
        self.thunderbird_button = QPushButton(self.tr("Für Thunderbird kopieren"), self)
        self.mail_button = QPushButton(self.tr("E-Mail schreiben …"), self)
        self.export_button = QPushButton(self.tr("Exportieren"), self)
        menu = QMenu(self.export_button)
        for file_format, label, _name in EXPORTS:
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, f=file_format: self.export(f))
        self.export_button.setMenu(menu)
        self.outlook_button.clicked.connect(lambda: self.copy_addresses("outlook"))
        self.thunderbird_button.clicked.connect(lambda: self.copy_addresses("thunderbird"))
        self.mail_button.clicked.connect(self.write_mail)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.missing_basis = QLabel(self)
        self.missing_basis.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.outlook_button, self.thunderbird_button, self.mail_button):
            buttons.addWidget(button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.missing_basis)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)

    def refresh(self) -> None:
        from patenbuero.services.projects.mailing_list import (
            mailing_list,
            role_choices,
            without_basis_count,
        )

        rows = mailing_list(self._db)
        current = self.role_filter.currentData()
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem(self.tr("alle Funktionen"), None)
        for role in role_choices(rows):
            self.role_filter.addItem(role, role)
        self.role_filter.setCurrentIndex(max(0, self.role_filter.findData(current)))
        self.role_filter.blockSignals(False)
        self.list.set_rows(rows)
        missing = without_basis_count(self._db)
        self.missing_basis.setVisible(missing > 0)
        self.missing_basis.setText(
            self.tr(
                "%1 Ansprechpersonen sind für den Verteiler vorgemerkt, bekommen aber keine "
                "Mails, weil keine Einwilligung erfasst ist (Reiter Personen)."
            ).replace("%1", str(missing))
        )
        self.apply_filter()

    def apply_filter(self, *_args: object) -> None:
        role, status = self.role_filter.currentData(), self.status_filter.currentData()
        statuses = CURRENT_STATUSES if status == CURRENT else (status,)
        if role is None and status is None:
            self.list.proxy.set_row_filter(None)
        else:
            self.list.proxy.set_row_filter(
                lambda r: (
                    (role is None or r.role == role) and (status is None or r.status in statuses)
                )
            )

    def visible_rows(self) -> list[ContactRow]:
        proxy = self.list.proxy
        return [proxy.index(row, 0).data(ROW_ROLE) for row in range(proxy.rowCount())]

    def copy_addresses(self, program: str) -> str:
        from patenbuero.services.projects.mailing_list import bcc_text

        text = bcc_text(self.visible_rows(), program)
        QGuiApplication.clipboard().setText(text)
        count = len(self.visible_rows())
        self.feedback.setText(
            self.tr("%1 Adressen kopiert – jetzt in das BCC-Feld einfügen (Strg+V).").replace(
                "%1", str(count)
            )
        )
        return text

    def write_mail(self) -> None:
        from patenbuero.services.projects.mailing_list import mail_links

        links = mail_links(self.visible_rows())
        if not links.links:
            self.feedback.setText(self.tr("Keine Adressen in der Auswahl."))
            return
        if links.split:
            message = self.tr(
                "Die %1 Adressen sind zu viele für eine einzige E-Mail aus Windows heraus. "
                "Es werden %2 E-Mails geöffnet; schicken Sie bitte jede davon ab."
            )
            prompts.inform(
                self,
                self.tr("Mehrere E-Mails"),
                message.replace("%1", str(links.addresses)).replace("%2", str(len(links.links))),
            )
        for link in links.links:
            open_mail_link(link)
        self.feedback.setText(
            self.tr("Das Mailprogramm wurde mit %1 Adressen im BCC geöffnet.").replace(
                "%1", str(links.addresses)
            )
        )

    def export(self, file_format: str) -> None:
        from patenbuero.services.projects.mailing_list import export_mailing_list

        _value, filters, suggested = next(e for e in EXPORTS if e[0] == file_format)
        path = prompts.save_file(self, self.tr("Verteiler exportieren"), suggested, filters)
        if not path:
            return
        try:
            write_private(Path(path), export_mailing_list(self.visible_rows(), file_format))
        except OSError as error:
            prompts.refuse(
                self,
                self.tr("Nicht gespeichert"),
                self.tr("Die Datei konnte nicht geschrieben werden: %1").replace(
                    "%1", error.strerror or str(error)
                ),
            )
            return
        self.feedback.setText(self.tr("Gespeichert: %1").replace("%1", path))
