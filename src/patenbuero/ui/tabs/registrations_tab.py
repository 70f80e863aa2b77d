"""Anmeldungen: pick an event, see who is confirmed, waiting or cancelled."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from patenbuero.services.database import Database
from patenbuero.services.plan import EventRow, list_events
from patenbuero.services.registrations import RegistrationRow, list_registrations
from patenbuero.ui.formatting import format_date
from patenbuero.ui.list_view import SearchableList
from patenbuero.ui.table_model import Column

STATUS_COLOURS = {"waitlisted": "#b35c00", "cancelled": "#888888"}


def _event_columns() -> list[Column[EventRow]]:
    return [
        Column("ID", lambda r: r.id, searchable=False),
        Column("Datum", lambda r: r.starts_at.date()),
        Column("Veranstaltung", lambda r: r.title),
        Column("bestätigt", lambda r: r.confirmed, searchable=False),
        Column("frei", lambda r: r.free_places, searchable=False),
        Column("Warteliste", lambda r: r.waitlisted, searchable=False),
    ]


def _registration_columns() -> list[Column[RegistrationRow]]:
    return [
        Column(
            "Status", lambda r: r.status_label, foreground=lambda r: STATUS_COLOURS.get(r.status)
        ),
        Column("Platz", lambda r: r.waitlist_position, searchable=False),
        Column("Nachname", lambda r: r.last_name),
        Column("Vorname", lambda r: r.first_name),
        Column("E-Mail", lambda r: r.email),
        Column("Organisation", lambda r: r.organisation),
        Column("angemeldet am", lambda r: r.registered_at, searchable=False),
        Column("anwesend", lambda r: r.attended, searchable=False),
        Column("Bemerkung", lambda r: r.remarks),
    ]


class RegistrationsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.events = SearchableList(
            _event_columns(),
            search_placeholder=self.tr("Veranstaltung suchen (Titel, Datum) …"),
            empty_hint=self.tr(
                "Noch keine Veranstaltungen.\n\nLegen Sie Veranstaltungen in der "
                "Jahresplanung an; hier nehmen Sie dann die Anmeldungen auf."
            ),
            count_text=self.tr("%n Veranstaltungen"),
        )
        self.events.selection_changed.connect(self._show_event)
        self.header = QLabel(self.tr("Wählen Sie links eine Veranstaltung."))
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.registrations = SearchableList(
            _registration_columns(),
            search_placeholder=self.tr("Anmeldung suchen (Name, E-Mail, Organisation) …"),
            empty_hint=self.tr("Für diese Veranstaltung liegen noch keine Anmeldungen vor."),
            count_text=self.tr("%n Anmeldungen"),
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.registrations, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.events)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        selected = self.events.current_row()
        this_year = dt.date.today().year
        rows = list_events(self._db, this_year) + list_events(self._db, this_year + 1)
        self.events.set_rows([row for row in rows if row.capacity is not None or row.confirmed])
        if selected is not None:
            self.select_event(selected.id)
        elif rows:
            self._select_next_upcoming()

    def select_event(self, event_id: int) -> bool:
        proxy = self.events.proxy
        for proxy_row in range(proxy.rowCount()):
            index = proxy.index(proxy_row, 0)
            if index.data() == str(event_id):
                self.events.table.selectRow(proxy_row)
                self.events.table.scrollTo(index)
                return True
        return False

    def focus_search(self) -> None:
        self.events.search_field.setFocus()
        self.events.search_field.selectAll()

    def _select_next_upcoming(self) -> None:
        now = dt.datetime.now()
        for row in self.events.model.rows():
            if row.starts_at >= now:
                self.select_event(row.id)
                return

    def _show_event(self, row: EventRow | None) -> None:
        if row is None:
            self.header.setText(self.tr("Wählen Sie links eine Veranstaltung."))
            self.registrations.set_rows([])
            return
        registrations = list_registrations(self._db, row.id)
        cancelled = sum(1 for r in registrations if r.status == "cancelled")
        if row.capacity is None:
            places = self.tr("ohne Platzbegrenzung")
        elif row.free_places:
            places = (
                self.tr("%1 von %2 Plätzen frei")
                .replace("%1", str(row.free_places))
                .replace("%2", str(row.capacity))
            )
        else:
            places = self.tr("<b>ausgebucht</b> (%1 Plätze)").replace("%1", str(row.capacity))
        self.header.setText(
            f"<b>{html.escape(row.title)}</b> · {format_date(row.starts_at.date())}<br>"
            f"{row.confirmed} {self.tr('bestätigt')} · {row.waitlisted} "
            f"{self.tr('auf der Warteliste')} · {cancelled} {self.tr('storniert')} · {places}"
        )
        self.registrations.set_rows(registrations)
