"""The list of member projects with search and filters (target group, district, status …)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from patenbuero.services.projects.records import Choice, ProjectRow
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import ROW_ROLE, Column

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


class ProjectListPanel(QWidget):
    """Emits ``project_chosen(id)`` when the user moves to another project."""

    project_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = SearchableList(
            _columns(),
            search_hint=self.tr("Suchen nach Projekt, Träger, Ansprechpartner:in, Stadtteil …"),
            empty_hint=self.tr(
                "Noch keine Mitgliedsprojekte erfasst.\n\n"
                "Legen Sie mit „Neues Projekt“ ein Projekt an oder übernehmen Sie Ihre "
                "Projektliste mit „Importieren …“ aus Excel oder einer CSV-Datei."
            ),
            count_text=(self.tr("%n Projekt"), self.tr("%n Projekte")),
        )
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("alle Status"), None)
        self.status_filter.addItem(self.tr("aktiv"), "active")
        self.status_filter.addItem(self.tr("pausiert"), "paused")
        self.status_filter.addItem(self.tr("ausgeschieden"), "left")
        self.group_filter = QComboBox(self)
        self.district_filter = QComboBox(self)
        self.seeks_filter = QCheckBox(self.tr("sucht Pat:innen"), self)
        for combo in (self.status_filter, self.group_filter, self.district_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.seeks_filter.toggled.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Zielgruppe:"), self))
        filters.addWidget(self.group_filter, 1)
        filters.addWidget(QLabel(self.tr("Stadtteil:"), self))
        filters.addWidget(self.district_filter, 1)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.seeks_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        self.list.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._suppress = False

    def set_choices(self, groups: Sequence[Choice], districts: Sequence[Choice]) -> None:
        for combo, choices, everything in (
            (self.group_filter, groups, self.tr("alle Zielgruppen")),
            (self.district_filter, districts, self.tr("alle Stadtteile")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for choice in choices:
                if not choice.retired:  # a retired entry is no longer offered
                    combo.addItem(choice.name, choice.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def set_rows(self, rows: Sequence[ProjectRow]) -> None:
        self._suppress = True
        self.list.set_rows(rows)
        self._suppress = False

    def apply_filter(self, *_args: object) -> None:
        status = self.status_filter.currentData()
        group = self.group_filter.currentData()
        district = self.district_filter.currentData()
        seeks = self.seeks_filter.isChecked()
        if status is None and group is None and district is None and not seeks:
            self.list.proxy.set_row_filter(None)
            return

        def accepts(row: ProjectRow) -> bool:
            return (
                (status is None or row.status == status)
                and (group is None or group in row.target_group_ids)
                and (district is None or district in row.district_ids or row.serves_whole_city)
                and (not seeks or row.seeks_volunteers)
            )

        self.list.proxy.set_row_filter(accepts)

    def select_project(self, project_id: int | None) -> bool:
        """Make the project current without emitting ``project_chosen``."""
        self._suppress = True
        try:
            return self.list.select_row_id(project_id)
        finally:
            self._suppress = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress or not current.isValid():
            return
        self.project_chosen.emit(current.data(ROW_ROLE).id)
