"""Mitgliedsprojekte: the member register."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from patenbuero.services.database import Database
from patenbuero.services.projects import ProjectRow, list_projects
from patenbuero.ui.list_view import SearchableList
from patenbuero.ui.table_model import Column

STATUS_COLOURS = {"paused": "#8a6d00", "left": "#888888"}


def _columns() -> list[Column[ProjectRow]]:
    return [
        Column("Projekt", lambda r: r.name),
        Column("Träger", lambda r: r.organisation),
        Column("Zielgruppen", lambda r: r.target_groups),
        Column("Stadtteile", lambda r: r.districts),
        Column(
            "Status", lambda r: r.status_label, foreground=lambda r: STATUS_COLOURS.get(r.status)
        ),
        Column("sucht Pat:innen", lambda r: r.seeks_volunteers, searchable=False),
        Column("Ansprechpartner:in", lambda r: r.contact),
        Column("E-Mail", lambda r: r.email),
        Column("Telefon", lambda r: r.phone),
    ]


class ProjectsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.list = SearchableList(
            _columns(),
            search_placeholder=self.tr(
                "Suchen nach Projekt, Träger, Ansprechpartner:in, Stadtteil …"
            ),
            empty_hint=self.tr(
                "Noch keine Mitgliedsprojekte erfasst.\n\n"
                "Legen Sie ein Projekt an oder importieren Sie Ihre Projektliste "
                "(Befehl: patenbuero import projects DATEI)."
            ),
            count_text=self.tr("%n Projekte"),
        )
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("alle Status"), None)
        self.status_filter.addItem(self.tr("aktiv"), "active")
        self.status_filter.addItem(self.tr("pausiert"), "paused")
        self.status_filter.addItem(self.tr("ausgeschieden"), "left")
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.list.top_bar.insertWidget(1, QLabel(self.tr("Status:")))
        self.list.top_bar.insertWidget(2, self.status_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        self.list.set_rows(list_projects(self._db))

    def focus_search(self) -> None:
        self.list.search_field.setFocus()
        self.list.search_field.selectAll()

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        if status is None:
            self.list.proxy.set_row_filter(None)
        else:
            self.list.proxy.set_row_filter(lambda row: row.status == status)
