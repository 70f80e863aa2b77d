"""Anfragen: inquiries and where they were forwarded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from patenbuero.services.database import Database
from patenbuero.services.inquiries import InquiryRow, list_inquiries
from patenbuero.ui.formatting import format_date
from patenbuero.ui.list_view import SearchableList
from patenbuero.ui.table_model import Column

STATUS_COLOURS = {"open": "#b35c00", "closed": "#6b6b6b"}


def _columns() -> list[Column[InquiryRow]]:
    return [
        Column("Eingang", lambda r: r.received_on),
        Column("Anliegen", lambda r: r.kind_label),
        Column("Name", lambda r: r.name),
        Column("Zielgruppe", lambda r: r.target_group),
        Column("Stadtteil", lambda r: r.district),
        Column(
            "Status", lambda r: r.status_label, foreground=lambda r: STATUS_COLOURS.get(r.status)
        ),
        Column("weitergeleitet an", lambda r: r.forwarded_to),
        Column("Nachricht", lambda r: r.message.replace("\n", " ")),
    ]


class InquiriesTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.list = SearchableList(
            _columns(),
            search_hint=self.tr("Suchen nach Name, Anliegen, Zielgruppe, Projekt …"),
            empty_hint=self.tr(
                "Noch keine Anfragen.\n\nWenn jemand Pat:in werden möchte, eine Patenschaft "
                "sucht oder dem Netzwerk beitreten will, erfassen Sie die Anfrage hier."
            ),
            count_text=self.tr("%n Anfragen"),
        )
        self.details = QTextBrowser()
        self.details.setPlaceholderText(self.tr("Wählen Sie eine Anfrage, um sie zu lesen."))
        self.list.selection_changed.connect(self._show_details)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        self.list.set_rows(list_inquiries(self._db))

    def focus_search(self) -> None:
        self.list.search_field.setFocus()
        self.list.search_field.selectAll()

    def _show_details(self, row: InquiryRow | None) -> None:
        if row is None:
            self.details.clear()
            return
        contact = " · ".join(part for part in (row.email, row.phone) if part)
        forwarded = row.forwarded_to or self.tr("noch nicht weitergeleitet")
        self.details.setPlainText(
            f"{row.name} – {row.kind_label} (eingegangen am {format_date(row.received_on)})\n"
            f"{contact}\n\n{row.message}\n\n"
            f"{self.tr('Status')}: {row.status_label} · {self.tr('Weiterleitung')}: {forwarded}"
        )
