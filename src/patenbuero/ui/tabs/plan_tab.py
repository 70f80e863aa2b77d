"""Jahresplanung: the events of a year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from patenbuero.services.database import Database
from patenbuero.services.plan import EventRow, list_events
from patenbuero.ui.formatting import format_time, format_weekday_date
from patenbuero.ui.list_view import SearchableList
from patenbuero.ui.table_model import Column

STATUS_COLOURS = {"cancelled": "#b00020", "idea": "#6b6b6b", "done": "#2e6b30"}


def time_span(row: EventRow) -> str:
    if row.all_day:
        return "ganztägig"
    return f"{format_time(row.starts_at)}–{format_time(row.ends_at)}"


def _columns() -> list[Column[EventRow]]:
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
    ]


class PlanTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setPrefix(self.tr("Jahr "))
        self.year.valueChanged.connect(lambda _year: self.refresh())
        previous_year = QPushButton(self.tr("◀ Vorjahr"))
        previous_year.clicked.connect(lambda: self.year.setValue(self.year.value() - 1))
        next_year = QPushButton(self.tr("Folgejahr ▶"))
        next_year.clicked.connect(lambda: self.year.setValue(self.year.value() + 1))
        this_year = QPushButton(self.tr("Heute"))
        this_year.clicked.connect(lambda: self.year.setValue(dt.date.today().year))

        self.list = SearchableList(
            _columns(),
            search_placeholder=self.tr("Suchen nach Titel, Art, Ort, Status …"),
            empty_hint="",
            count_text=self.tr("%n Veranstaltungen"),
        )
        navigation = QHBoxLayout()
        navigation.addWidget(previous_year)
        navigation.addWidget(self.year)
        navigation.addWidget(next_year)
        navigation.addWidget(this_year)
        navigation.addStretch(1)
        navigation.addWidget(QLabel(self.tr("Doppelklick öffnet eine Veranstaltung.")))
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        year = self.year.value()
        self.list.set_empty_hint(
            self.tr(
                "Für %1 sind noch keine Veranstaltungen geplant.\n\n"
                "Planen Sie das Jahr gemeinsam mit dem Netzwerk: Vernetzungstreffen, "
                "Fachtag, Fortbildungen und Infostände."
            ).replace("%1", str(year))
        )
        self.list.set_rows(list_events(self._db, year))

    def focus_search(self) -> None:
        self.list.search_field.setFocus()
        self.list.search_field.selectAll()
