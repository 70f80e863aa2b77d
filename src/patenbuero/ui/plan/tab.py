"""Jahresplanung: year overview, list and tasks of a year, and everything done with events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core import kinds, labels
from patenbuero.services.core.database import Database
from patenbuero.services.plan import calendar_export, conflicts, events
from patenbuero.services.plan.conflicts import Conflict
from patenbuero.services.plan.events import EventInput
from patenbuero.services.plan.use_cases import Choice, EventRow, list_events, project_choices
from patenbuero.ui.common.data_changed import Kind, announce, refresh_on
from patenbuero.ui.common.formatting import format_time, format_weekday_date
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.plan.common import SaveFileAsker, ask_save_file, show_error, write_file
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.plan.invitation_dialog import InvitationDialog
from patenbuero.ui.plan.legend import Legend
from patenbuero.ui.plan.recurrence_dialog import RecurrenceDialog
from patenbuero.ui.plan.task_list import TaskList
from patenbuero.ui.plan.year_copy_dialog import YearCopyDialog
from patenbuero.ui.plan.year_overview import YearOverview

STATUS_COLOURS = {"cancelled": "#b00020", "idea": "#6b6b6b", "done": "#2e6b30"}
OVERVIEW, LIST, TASKS = range(3)


def time_span(row: EventRow) -> str:
    if row.all_day:
        return "ganztägig"
    return f"{format_time(row.starts_at)}–{format_time(row.ends_at)}"


def _columns(found: dict[int, list[Conflict]]) -> list[Column[EventRow]]:
    def hints(row: EventRow) -> str:
        return " ".join(f"⚠ {c.message}" for c in found.get(row.id, []))

    return [
        Column("ID", lambda r: r.id, searchable=False),
        Column(
            "Datum",
            lambda r: r.starts_at.date(),
            tooltip=lambda r: format_weekday_date(r.starts_at.date()),
        ),
        Column("Zeit", time_span, searchable=False),
        Column("Art", lambda r: r.kind_label),
        Column("Titel", lambda r: r.title),
        Column("Ort", lambda r: r.location),
        Column(
            "Status", lambda r: r.status_label, foreground=lambda r: STATUS_COLOURS.get(r.status)
        ),
        Column("Kapazität", lambda r: r.capacity, searchable=False),
        Column("bestätigt", lambda r: r.confirmed, searchable=False),
        Column("Warteliste", lambda r: r.waitlisted, searchable=False),
        Column("verantwortlich", lambda r: r.responsible),
        Column("Referent:in", lambda r: r.speaker),
        Column("Hinweise", hints, tooltip=hints, foreground=lambda r: "#b35c00"),
    ]


class PlanTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        refresh_on(self, (Kind.EVENTS, Kind.REGISTRATIONS, Kind.PROJECTS), self.refresh)
        self._db = db
        self._conflicts: dict[int, list[Conflict]] = {}
        # What the filters offer, read again on each refresh; refilled only when changed.
        self._project_choices: tuple[Choice, ...] | None = None
        self._kind_choices: list[kinds.KindChoice] | None = None
        # Injectable for tests: run a dialog (True when accepted) and ask for a file name.
        self.run_dialog: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec())
        self.save_asker: SaveFileAsker = ask_save_file
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setPrefix(self.tr("Jahr "))
        self.year.valueChanged.connect(lambda _year: self.refresh())
        navigation = QHBoxLayout()
        for text, step in ((self.tr("◀ Vorjahr"), -1), (None, 0), (self.tr("Folgejahr ▶"), 1)):
            if text is None:
                navigation.addWidget(self.year)
                continue
            button = QPushButton(text)
            button.clicked.connect(
                lambda _c=False, s=step: self.year.setValue(self.year.value() + s)
            )
            navigation.addWidget(button)
        this_year = QPushButton(self.tr("Heute"))
        this_year.clicked.connect(lambda: self.year.setValue(dt.date.today().year))
        navigation.addWidget(this_year)
        navigation.addSpacing(20)
        self.views = QButtonGroup(self)
        for number, text in enumerate(
            (self.tr("Jahresübersicht"), self.tr("Liste"), self.tr("Aufgaben"))
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            self.views.addButton(button, number)
            navigation.addWidget(button)
        self.views.idClicked.connect(self.show_view)
        navigation.addStretch(1)
        self.kind_filter = self._filter(self.tr("alle Arten"), {})
        self.legend = Legend()
        self._fill_kind_filter()
        self.status_filter = self._filter(self.tr("jeder Status"), labels.EVENT_STATUS)
        self.project_filter = QComboBox()
        self.project_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.project_filter.setMinimumContentsLength(16)
        self.project_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        for widget in (self.kind_filter, self.status_filter, self.project_filter):
            navigation.addWidget(widget)

        actions = QHBoxLayout()
        self.new_button = self._action(actions, self.tr("Neue Veranstaltung…"), self.new_event)
        self.series_button = self._action(
            actions, self.tr("Wiederkehrende Termine…"), self.new_series
        )
        # Buttons for the selected event; hidden in the task view, which has its own.
        self.event_buttons = [
            self._action(actions, self.tr("Öffnen"), self.open_selected),
            self._action(actions, self.tr("Absagen"), self.cancel_selected),
            self._action(actions, self.tr("Löschen"), self.delete_selected),
            self._action(actions, self.tr("Einladung…"), self.invite_selected),
        ]
        self.mail_button = self._action(actions, self.tr("E-Mails…"), self.mail_selected)
        self.event_buttons.append(self.mail_button)
        export = QToolButton()
        export.setText(self.tr("Kalender exportieren (.ics)"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.tr("Ganzes Jahr…"), self.export_year)
        menu.addAction(self.tr("Ausgewählte Veranstaltungen…"), self.export_selected)
        export.setMenu(menu)
        actions.addWidget(export)
        self._action(actions, self.tr("Nächstes Jahr planen…"), self.plan_next_year)
        actions.addStretch(1)
        self.hint = QLabel(
            self.tr("Klick auf einen Termin öffnet ihn; Doppelklick auf einen Tag legt einen an.")
        )
        self.hint.setStyleSheet("color: #555;")
        self.hint.setToolTip(self.hint.text())
        # The hint gives way on a narrow screen instead of widening the window.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions.addWidget(self.hint)

        self.overview = YearOverview()
        self.overview.event_activated.connect(self.open_event)
        self.overview.day_activated.connect(self.new_event_on)
        overview_page = QWidget()
        overview_layout = QVBoxLayout(overview_page)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.overview)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        overview_layout.addWidget(scroll, 1)
        overview_layout.addWidget(self.legend)
        self.list = SearchableList(
            _columns(self._conflicts),
            search_hint=self.tr("Suchen nach Titel, Art, Ort, Status, Referent:in …"),
            empty_hint="",
            count_text=(self.tr("%n Veranstaltung"), self.tr("%n Veranstaltungen")),
        )
        self.list.row_activated.connect(lambda row: self.open_event(row.id))
        self.tasks = TaskList(db)
        self.stack = QStackedWidget()
        for page in (overview_page, self.list, self.tasks):
            self.stack.addWidget(page)
        self.stack.currentChanged.connect(self._on_view_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)
        self.show_view(OVERVIEW)

    def _filter(self, everything: str, table: dict) -> QComboBox:  # type: ignore[type-arg]
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.addItem(everything, None)
        for value, text in table.items():
            combo.addItem(text, value.value)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _action(self, bar: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        bar.addWidget(button)
        return button

    # showing ----------------------------------------------------------------
    def show_view(self, view: int) -> None:
        self.stack.setCurrentIndex(view)
        self._on_view_changed(view)

    def _on_view_changed(self, view: int) -> None:
        self.views.button(view).setChecked(True)
        for button in self.event_buttons:
            button.setVisible(view != TASKS)

    def refresh(self) -> None:
        year = self.year.value()
        self._fill_kind_filter()
        self._fill_project_filter()
        project = self.project_filter.currentData()
        kind, status = self.kind_filter.currentData(), self.status_filter.currentData()
        rows = list_events(
            self._db,
            year,
            kinds=[kind] if kind else (),
            statuses=[status] if status else (),
            project_id=project if project and project > 0 else None,
            office_only=project == 0,
        )
        self._conflicts.clear()
        self._conflicts.update(conflicts.year_conflicts(self._db, year))
        self.overview.set_data(year, rows, conflicts.holidays_in(year), self._conflicts)
        filtered = any(c.currentIndex() > 0 for c in self._filters())
        self.list.set_empty_hint(
            self.tr("Keine Veranstaltung in %1 passt zu den Filtern.").replace("%1", str(year))
            if filtered
            else self.tr(
                "Für %1 sind noch keine Veranstaltungen geplant.\n\n"
                "Planen Sie das Jahr gemeinsam mit dem Netzwerk: Vernetzungstreffen, Fachtag, "
                "Fortbildungen und Infostände – mit „Neue Veranstaltung…“, „Wiederkehrende "
                "Termine…“ oder „Nächstes Jahr planen…“ aus dem Vorjahr."
            ).replace("%1", str(year))
        )
        self.list.set_rows(rows)
        self.tasks.set_year(year)

    def focus_search(self) -> None:
        if self.stack.currentIndex() == OVERVIEW:
            self.show_view(LIST)
        field = self.tasks.list.search_field if self.stack.currentIndex() == TASKS else None
        field = field or self.list.search_field
        field.setFocus()
        field.selectAll()

    def _filters(self) -> list[QComboBox]:
        return [self.kind_filter, self.status_filter, self.project_filter]

    def _fill_kind_filter(self) -> None:
        """The kinds in use (a retired kind is no longer offered), as the office names them."""
        choices = kinds.event_kinds(self._db)
        if choices == self._kind_choices:
            return  # as shown
        self._kind_choices = choices
        self.legend.set_names({choice.key: choice.name for choice in choices})
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        while self.kind_filter.count() > 1:
            self.kind_filter.removeItem(1)
        for choice in choices:
            if not choice.retired:
                self.kind_filter.addItem(choice.name, choice.key)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(current), 0))
        self.kind_filter.blockSignals(False)

    def _fill_project_filter(self) -> None:
        choices = project_choices(self._db)
        if choices == self._project_choices:
            return  # as shown (a change of year leaves the list alone)
        self._project_choices = choices
        current = self.project_filter.currentData()
        self.project_filter.blockSignals(True)
        self.project_filter.clear()
        self.project_filter.addItem(self.tr("alle Verantwortlichen"), None)
        self.project_filter.addItem(self.tr("Koordinierungsstelle"), 0)
        for choice in choices:
            self.project_filter.addItem(choice.name, choice.id)
        index = self.project_filter.findData(current)
        self.project_filter.setCurrentIndex(max(index, 0))
        self.project_filter.blockSignals(False)

    # actions ------------------------------------------------------------------
    def open_event(self, event_id: int) -> None:
        dialog = EventDialog(self._db, event_id, parent=self)
        self._after(dialog)

    def new_event(self) -> None:
        self._after(EventDialog(self._db, parent=self))

    def new_event_on(self, day: dt.date) -> None:
        start = dt.datetime.combine(day, dt.time(16))
        template = EventInput("", "network_meeting", start, start + dt.timedelta(hours=2))
        self._after(EventDialog(self._db, template=template, parent=self))

    def new_series(self) -> None:
        self._after(RecurrenceDialog(self._db, self.year.value(), parent=self))

    def plan_next_year(self) -> None:
        if self._after(YearCopyDialog(self._db, self.year.value(), parent=self)):
            self.year.setValue(self.year.value() + 1)

    def _after(self, dialog: QDialog) -> bool:
        accepted = self.run_dialog(dialog)
        if accepted:
            self.refresh()
            announce(Kind.EVENTS, self)
            message = getattr(dialog, "moved_up_message", "")
            if message:
                QMessageBox.information(self, self.tr("Warteliste"), message)
        return accepted

    def selected(self) -> list[EventRow]:
        return self.list.selected_rows() if self.stack.currentIndex() == LIST else []

    def _one_selected(self) -> EventRow | None:
        rows = self.selected()
        if len(rows) != 1:
            QMessageBox.information(
                self,
                self.tr("Veranstaltung wählen"),
                self.tr("Bitte wählen Sie in der Liste genau eine Veranstaltung."),
            )
            self.show_view(LIST)
            return None
        return rows[0]

    def open_selected(self) -> None:
        row = self._one_selected()
        if row is not None:
            self.open_event(row.id)

    def invite_selected(self) -> None:
        row = self._one_selected()
        if row is not None:
            self.run_dialog(InvitationDialog(self._db, row.id, parent=self))

    def mail_selected(self) -> None:
        """Mails about the event: confirmations, reminders, changes, cancellation …"""
        row = self._one_selected()
        if row is not None:
            from patenbuero.ui.mail.mail_dialog import MailDialog  # SMTP, keyring, PDFs

            self.run_dialog(MailDialog(self._db, row.id, parent=self))

    def cancel_selected(self) -> None:
        row = self._one_selected()
        if row is None or row.status == "cancelled":
            return
        question = self.tr("„%1“ am %2 absagen? Die anderen Termine bleiben, wie sie sind.")
        question = question.replace("%1", row.title)
        question = question.replace("%2", format_weekday_date(row.starts_at.date()))
        if (
            QMessageBox.question(self, self.tr("Absagen"), question)
            == QMessageBox.StandardButton.Yes
        ):
            self._run(lambda: events.cancel_event(self._db, row.id))

    def delete_selected(self) -> None:
        row = self._one_selected()
        if row is None:
            return
        question = self.tr("„%1“ endgültig löschen? Mit Tagesordnung und Aufgaben.").replace(
            "%1", row.title
        )
        if (
            QMessageBox.question(self, self.tr("Löschen"), question)
            == QMessageBox.StandardButton.Yes
        ):
            self._run(lambda: events.delete_event(self._db, row.id))

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except UserError as error:
            show_error(self, error)
        self.refresh()
        announce(Kind.EVENTS, self)

    def export_year(self) -> None:
        year = self.year.value()
        self._save_ics(lambda: calendar_export.export_year(self._db, year), year)

    def export_selected(self) -> None:
        ids = [row.id for row in self.selected()]
        if not ids:
            QMessageBox.information(
                self,
                self.tr("Veranstaltungen wählen"),
                self.tr("Bitte wählen Sie die Veranstaltungen in der Liste (Strg+Klick)."),
            )
            self.show_view(LIST)
            return
        self._save_ics(lambda: calendar_export.export_events(self._db, ids), None)

    def _save_ics(self, build: Callable[[], bytes], year: int | None) -> None:
        try:
            data = build()
        except UserError as error:
            show_error(self, error)
            return
        path = self.save_asker(
            self,
            self.tr("Kalender exportieren"),
            calendar_export.file_name(year),
            self.tr("iCalendar-Datei (*.ics)"),
        )
        if path and write_file(self, path, data):
            self.hint.setText(self.tr("Gespeichert: %1").replace("%1", path))
