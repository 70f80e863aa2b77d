"""Anmeldungen: pick an event, register, cancel, record attendance, import and export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural
from patenbuero.services.plan.use_cases import EventRow, event_row, list_events
from patenbuero.services.registrations.attendance import (
    event_counts,
    mark_remaining_absent,
    set_attendance,
)
from patenbuero.services.registrations.booking import MovedUp
from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.reports import export_registrations
from patenbuero.services.registrations.use_cases import (
    RegistrationRow,
    cancel_registration,
    change_capacity,
    list_registrations,
    register_person,
    registration_history,
)
from patenbuero.ui.common.data_changed import Kind, announce, refresh_on
from patenbuero.ui.common.formatting import format_datetime
from patenbuero.ui.common.import_dialog import ImportDialog
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.common.view_state import WIDTHS_FIXED
from patenbuero.ui.registrations.actions import RegistrationActions
from patenbuero.ui.registrations.check_in_dialog import CheckInDialog
from patenbuero.ui.registrations.duplicates_dialog import DuplicatesDialog
from patenbuero.ui.registrations.file_export import header_html, save_table
from patenbuero.ui.registrations.move_up_dialog import MoveUpDialog
from patenbuero.ui.registrations.register_dialog import RegisterDialog
from patenbuero.ui.registrations.series_dialog import SeriesDialog

STATUS_COLOURS = {"waitlisted": "#b35c00", "cancelled": "#888888"}
ATTENDED = {True: "✓ da", False: "✗ fehlte", None: ""}


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
        Column("anwesend", lambda r: ATTENDED[r.attended], searchable=False),
        Column("Organisation", lambda r: r.organisation),
        Column("E-Mail", lambda r: r.email),
        Column("angemeldet am", lambda r: r.registered_at, searchable=False),
        Column("Bemerkung", lambda r: r.remarks),
    ]


class RegistrationsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        refresh_on(self, (Kind.EVENTS, Kind.REGISTRATIONS, Kind.PROJECTS), self.refresh)
        self._db = db
        self._event: EventRow | None = None
        self.events = SearchableList(
            _event_columns(),
            search_hint=self.tr("Veranstaltung suchen (Titel, Datum) …"),
            empty_hint=self.tr(
                "Noch keine Veranstaltungen mit Anmeldung.\n\nLegen Sie Veranstaltungen in der "
                "Jahresplanung an; hier nehmen Sie dann die Anmeldungen auf."
            ),
            count_text=(self.tr("%n Veranstaltung"), self.tr("%n Veranstaltungen")),
        )
        self.events.selection_changed.connect(self._show_event)
        series_button = QPushButton(self.tr("Fortbildungsreihe …"))
        series_button.clicked.connect(self.open_series)
        duplicates_button = QPushButton(self.tr("Dubletten …"))
        duplicates_button.clicked.connect(self.open_duplicates)
        statistics_button = QPushButton(self.tr("Sachbericht …"))
        statistics_button.setToolTip(
            self.tr(
                "Zahlen des Jahres: durchgeführte Veranstaltungen, Teilnahmen, verschiedene "
                "Personen, Nichterscheinen, Anfragen und Weiterleitungen"
            )
        )
        statistics_button.clicked.connect(self.open_sachbericht)
        self.statistics_button = statistics_button
        event_buttons = QHBoxLayout()
        event_buttons.addWidget(series_button)
        event_buttons.addWidget(duplicates_button)
        event_buttons.addWidget(statistics_button)
        event_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.events, 1)
        left_layout.addLayout(event_buttons)

        self.header = QLabel(self.tr("Wählen Sie links eine Veranstaltung."))
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = RegistrationActions()
        self.registrations = SearchableList(
            _registration_columns(),
            search_hint=self.tr("Anmeldung suchen (Name, E-Mail, Organisation) …"),
            empty_hint=self.tr(
                "Für diese Veranstaltung liegen noch keine Anmeldungen vor.\n\n"
                "Melden Sie Personen mit „Anmelden …“ an oder importieren Sie die Liste "
                "Ihres Anmeldeformulars."
            ),
            count_text=(self.tr("%n Anmeldung"), self.tr("%n Anmeldungen")),
            search_extra=lambda row: row.latin_name,
        )
        self.registrations.selection_changed.connect(self._show_history)
        self.registrations.row_activated.connect(lambda _row: self.mark(True))
        self.history = QListWidget()
        self.history.setMaximumHeight(110)
        self.history_label = QLabel(
            self.tr("<b>Verlauf</b> – wählen Sie eine Anmeldung, um ihren Verlauf zu sehen.")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #1d4f5c; font-weight: bold;")
        self.message.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.buttons)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.registrations, 1)
        right_layout.addWidget(self.history_label)
        right_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._connect_actions()
        self.buttons.set_event_selected(False)
        self.buttons.set_registration_selected(False)

    def _connect_actions(self) -> None:
        a = self.buttons
        a.register.clicked.connect(self.open_register)
        a.cancel.clicked.connect(self.cancel_selected)
        a.present.clicked.connect(lambda: self.mark(True))
        a.absent.clicked.connect(lambda: self.mark(False))
        a.check_in.clicked.connect(self.open_check_in)
        a.rest_absent.clicked.connect(self.mark_rest_absent)
        a.capacity.clicked.connect(self.ask_capacity)
        a.import_file.clicked.connect(self.open_import)
        a.export.clicked.connect(self.export)

    # -- loading ---------------------------------------------------------------

    def refresh(self) -> None:
        shown = self._event
        selected = shown.id if shown else None
        this_year = dt.date.today().year
        rows = list_events(self._db, this_year) + list_events(self._db, this_year + 1)
        first_fill = not self.events.table.property(WIDTHS_FIXED)
        self.events.set_rows([r for r in rows if r.capacity is not None or r.confirmed])
        if first_fill:
            self.events.table.setColumnWidth(2, min(self.events.table.columnWidth(2), 300))
        if selected is None or not self.select_event(selected):
            self._select_next_upcoming()
        if self._event is shown and shown is not None:
            # The event stayed chosen (the list was updated, not replaced): no selection
            # signal showed it, so its counts and registrations are read here.
            self._show_event(self.events.current_row())

    def select_event(self, event_id: int) -> bool:
        return self.events.select_row_id(event_id)

    def focus_search(self) -> None:
        self.events.search_field.setFocus()
        self.events.search_field.selectAll()

    def reload_event(self) -> None:
        """After a change: fresh counts in the event list and the registrations, here and
        in every other view."""
        announce(Kind.REGISTRATIONS, self)
        if self._event is None:
            return
        event_id = self._event.id
        fresh = event_row(self._db, event_id)
        # Only this event's row and its registrations change: the two-year list stays.
        if fresh is None or not self.events.model.replace_row(fresh):
            self.refresh()
            self.select_event(event_id)
            return
        if self.events.current_row() is not None and self.events.current_row().id == event_id:
            self._show_event(fresh)
        else:
            self.select_event(event_id)

    def _select_next_upcoming(self) -> None:
        now = dt.datetime.now()
        for row in self.events.model.rows():
            if row.starts_at >= now:
                self.select_event(row.id)
                return

    def _show_event(self, row: EventRow | None) -> None:
        self._event = row
        self.buttons.set_event_selected(row is not None)
        self.buttons.set_registration_selected(False)
        self.history.clear()
        if row is None:
            self.header.setText(self.tr("Wählen Sie links eine Veranstaltung."))
            self.registrations.set_rows([])
            return
        self.header.setText(header_html(self, row, event_counts(self._db, row.id)))
        self.registrations.set_rows(list_registrations(self._db, row.id))

    def _show_history(self, row: RegistrationRow | None) -> None:
        self.buttons.set_registration_selected(row is not None)
        self.history.clear()
        if row is None:
            return
        for entry in registration_history(self._db, row.id):
            note = f" – {entry.note}" if entry.note else ""
            self.history.addItem(f"{format_datetime(entry.at)}  {entry.change}{note}")

    # -- actions ---------------------------------------------------------------

    def open_register(self) -> None:
        event = self._event
        if event is None:
            return

        def registrar(person: PersonInput | int, allow_late: bool) -> str:
            return register_person(self._db, event.id, person, allow_late=allow_late).message

        title = self.tr("Anmelden: %1").replace("%1", event.title)
        dialog = RegisterDialog(self._db, title, registrar, self, notice=self._full_notice(event))
        if dialog.exec():
            self.say(dialog.result_message)
            self.reload_event()

    def _full_notice(self, event: EventRow) -> str:
        """Said before saving: a new registration for a full event lands on the waitlist."""
        counts = event_counts(self._db, event.id)
        if event.capacity is None or counts.confirmed < event.capacity:
            return ""
        return (
            self.tr(
                "Die Veranstaltung ist ausgebucht (%1 von %2 Plätzen belegt): Eine neue Anmeldung "
                "kommt auf die Warteliste, Platz %3."
            )
            .replace("%1", str(counts.confirmed))
            .replace("%2", str(event.capacity))
            .replace("%3", str(counts.waitlisted + 1))
        )

    def cancel_selected(self) -> None:
        event, rows = self._event, self.registrations.selected_rows()
        if event is None or not rows:
            return
        names = ", ".join(f"{r.first_name} {r.last_name}".strip() for r in rows)
        question = self.tr("Anmeldung stornieren: %1?").replace("%1", names)
        if not self.confirm(self.tr("Stornieren"), question):
            return
        moved: list[MovedUp] = []
        for row in rows:
            moved.extend(cancel_registration(self._db, row.id))
        self.say(self.tr("Storniert: %1").replace("%1", names))
        self.reload_event()
        if moved:
            self.show_moved_up(event, moved)

    def show_moved_up(self, event: EventRow, moved: list[MovedUp]) -> None:
        names = ", ".join(m.full_name for m in moved)
        self.say(self.message.text() + " · " + self.tr("Nachgerückt: %1").replace("%1", names))
        MoveUpDialog(event.title, event.starts_at, moved, self).exec()

    def mark(self, attended: bool) -> None:
        rows = self.registrations.selected_rows()
        try:
            for row in rows:
                set_attendance(self._db, row.id, attended)
        except UserError as error:
            self.say(str(error))
        self.reload_event()

    def mark_rest_absent(self) -> None:
        if self._event is None:
            return
        count = mark_remaining_absent(self._db, self._event.id)
        self.say(
            self.tr("%1 als nicht erschienen eingetragen.").replace(
                "%1", plural(count, self.tr("Person"), self.tr("Personen"))
            )
        )
        self.reload_event()

    def open_check_in(self) -> None:
        if self._event is not None:
            CheckInDialog(self._db, self._event.id, self._event.title, self).exec()
            self.reload_event()

    def ask_capacity(self) -> None:
        event = self._event
        if event is None:
            return
        value, accepted = QInputDialog.getInt(
            self,
            self.tr("Plätze"),
            self.tr("Wie viele Plätze hat „%1“? (0 = ohne Begrenzung)").replace("%1", event.title),
            event.capacity or 0,
            0,
            10000,
        )
        if accepted:
            self.set_capacity(value or None)

    def set_capacity(self, capacity: int | None) -> None:
        event = self._event
        if event is None:
            return
        try:
            moved = change_capacity(self._db, event.id, capacity)
        except UserError as error:
            self.say(str(error))
            return
        self.say(self.tr("Plätze geändert."))
        self.reload_event()
        if moved:
            self.show_moved_up(event, moved)

    def open_import(self) -> None:
        if self._event is None:
            return
        importer = RegistrationImporter(self._event.id, dt.datetime.now())
        ImportDialog(self._db, importer, self).exec()
        self.reload_event()

    def export(self) -> None:
        event = self._event
        if event is None:
            return
        name = f"Anmeldungen_{event.starts_at.date().isoformat()}.xlsx"
        self._save_table(
            self.tr("Anmeldungen exportieren"),
            name,
            lambda file_format: export_registrations(self._db, event.id, file_format),
        )

    def open_sachbericht(self) -> None:
        from patenbuero.ui.registrations.sachbericht_dialog import SachberichtDialog  # PDFs

        SachberichtDialog(self._db, parent=self).exec()

    def _save_table(self, title: str, name: str, build: Callable[[str], bytes]) -> None:
        try:
            path = save_table(self, title, name, build)
        except OSError as error:
            reason = error.strerror or str(error)
            self.say(self.tr("Export nicht möglich: %1").replace("%1", reason))
            return
        if path:
            self.say(self.tr("Exportiert: %1").replace("%1", path))

    def open_series(self) -> None:
        SeriesDialog(self._db, self).exec()
        self.reload_event()

    def open_duplicates(self) -> None:
        DuplicatesDialog(self._db, self).exec()
        self.reload_event()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def confirm(self, title: str, question: str) -> bool:
        return QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes
