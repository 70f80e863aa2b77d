"""The options of the chosen document: event, series, year, label sheet and list options."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from patenbuero.pdf.label_sheets import SHEETS
from patenbuero.services.plan.use_cases import EventRow
from patenbuero.services.printing.catalog import DocumentSpec
from patenbuero.services.printing.request import PrintRequest
from patenbuero.services.projects.records import ProjectRow
from patenbuero.services.registrations.series import SeriesChoice
from patenbuero.ui.common.formatting import format_date
from patenbuero.ui.common.plural_suffix import follow_plural


class DocumentOptions(QWidget):
    """Shows only the rows the chosen document needs; emits ``changed`` on every edit."""

    changed = Signal()
    funding_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_choice = QComboBox()
        self.event_choice.setMinimumContentsLength(28)
        self.series_choice = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.sheet = QComboBox()
        for sheet in SHEETS.values():
            self.sheet.addItem(sheet.name, sheet.key)
        self.start_at = QSpinBox()
        self.start_at.setRange(1, 10)
        self.landscape = QCheckBox(self.tr("Querformat"))
        self.show_contact = QCheckBox(self.tr("E-Mail und Telefon mit drucken"))
        self.blank_rows = QSpinBox()
        self.blank_rows.setRange(0, 60)
        follow_plural(self.blank_rows, self.tr("Leerzeile"), self.tr("Leerzeilen"))
        self.target_group = QComboBox()
        self.target_group.addItem(self.tr("alle Zielgruppen"), "")
        self.show_event = QCheckBox(self.tr("Veranstaltung auf jedes Schild (8 pt)"))
        self.show_event.setChecked(True)
        self.funding_label = QLabel()
        self.funding_label.setWordWrap(True)
        # room for three lines: a wrapped label in a form row is otherwise squeezed
        self.funding_label.setMinimumHeight(self.funding_label.fontMetrics().lineSpacing() * 3)
        self.edit_funding = QPushButton(self.tr("Förderung bearbeiten …"))
        self.edit_funding.setToolTip(
            self.tr("Fördermittelgeber, Maßnahme, Förderkennzeichen und UE – gespeichert.")
        )
        self.edit_funding.clicked.connect(self.funding_requested)
        self.projects = QListWidget()
        self.projects.setMaximumHeight(150)
        self.projects.setToolTip(self.tr("Nur die angehakten Projekte werden gedruckt."))
        self.projects.itemChanged.connect(lambda _item: self.changed.emit())

        self.form = QFormLayout(self)
        self._rows: dict[str, list[QWidget]] = {
            "event": [self.event_choice],
            "series": [self.series_choice],
            "year": [self.year],
            "labels": [self.sheet],
            "start_at": [self.start_at],
            "landscape": [self.landscape],
            "show_contact": [self.show_contact],
            "blank_rows": [self.blank_rows],
            "show_event": [self.show_event],
            "target_group": [self.target_group],
            "funder": [self.funding_label, self.edit_funding],
            "projects": [self.projects],
        }
        labels = {
            self.event_choice: self.tr("Veranstaltung:"),
            self.series_choice: self.tr("Fortbildungsreihe:"),
            self.year: self.tr("Jahr:"),
            self.sheet: self.tr("Etikettenbogen:"),
            self.start_at: self.tr("Beginnen bei Etikett:"),
            self.landscape: "",
            self.show_contact: "",
            self.blank_rows: self.tr("Für Nachzügler:innen:"),
            self.show_event: "",
            self.target_group: self.tr("Zielgruppe:"),
            self.funding_label: self.tr("Förderung:"),
            self.edit_funding: "",
            self.projects: self.tr("Projekte:"),
        }
        for widget, text in labels.items():
            self.form.addRow(text, widget)
        for signal in (
            self.event_choice.currentIndexChanged,
            self.series_choice.currentIndexChanged,
            self.year.valueChanged,
            self.sheet.currentIndexChanged,
            self.start_at.valueChanged,
            self.landscape.toggled,
            self.show_contact.toggled,
            self.blank_rows.valueChanged,
            self.show_event.toggled,
            self.target_group.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self.sheet.currentIndexChanged.connect(self._limit_start_at)
        self._spec: DocumentSpec | None = None

    def set_events(self, events: list[EventRow], preferred: int | None = None) -> None:
        self.event_choice.blockSignals(True)
        current = preferred if preferred is not None else self.event_choice.currentData()
        self.event_choice.clear()
        for row in events:
            self.event_choice.addItem(f"{format_date(row.starts_at.date())} · {row.title}", row.id)
        index = self.event_choice.findData(current) if current is not None else -1
        if index < 0:
            index = _next_upcoming(events)
        self.event_choice.setCurrentIndex(index)
        self.event_choice.blockSignals(False)

    def set_series(self, series: list[SeriesChoice]) -> None:
        self.series_choice.blockSignals(True)
        current = self.series_choice.currentData()
        self.series_choice.clear()
        for choice in series:
            self.series_choice.addItem(choice.title, choice.id)
        index = self.series_choice.findData(current)
        self.series_choice.setCurrentIndex(max(index, 0))
        self.series_choice.blockSignals(False)

    def set_target_groups(self, names: list[str]) -> None:
        """The Zielgruppen for a Handzettel of one group; the choice is kept if still there."""
        self.target_group.blockSignals(True)
        current = self.target_group.currentData()
        while self.target_group.count() > 1:
            self.target_group.removeItem(1)
        for name in names:
            self.target_group.addItem(self.tr("Patenschaften für %1").replace("%1", name), name)
        self.target_group.setCurrentIndex(max(self.target_group.findData(current), 0))
        self.target_group.blockSignals(False)

    def set_projects(self, projects: list[ProjectRow]) -> None:
        """Active projects, all ticked; earlier choices are kept for known projects."""
        unticked = {
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._project_items()
            if item.checkState() != Qt.CheckState.Checked
        }
        self.projects.blockSignals(True)
        self.projects.clear()
        for project in projects:
            if project.status != "active":
                continue
            item = QListWidgetItem(project.name)
            item.setData(Qt.ItemDataRole.UserRole, project.id)
            ticked = project.id not in unticked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.projects.addItem(item)
        self.projects.blockSignals(False)

    def _project_items(self) -> list[QListWidgetItem]:
        return [self.projects.item(i) for i in range(self.projects.count())]

    def tick_only(self, project_ids: tuple[int, ...]) -> None:
        for item in self._project_items():
            wanted = item.data(Qt.ItemDataRole.UserRole) in project_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_projects(self) -> tuple[int, ...] | None:
        """None when every active project is ticked (the document then takes all)."""
        items = self._project_items()
        ticked = tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
        return None if len(ticked) == len(items) else ticked

    def show_for(self, spec: DocumentSpec) -> None:
        self._spec = spec
        wanted = set(spec.needs) | set(spec.options)
        for key, widgets in self._rows.items():
            for widget in widgets:
                self.form.setRowVisible(widget, key in wanted)

    def request(self) -> PrintRequest:
        assert self._spec is not None
        return PrintRequest(
            document=self._spec.key,
            event_id=self.event_choice.currentData(),
            series_id=self.series_choice.currentData(),
            year=self.year.value(),
            sheet=self.sheet.currentData() or "L4785",
            start_at=self.start_at.value(),
            landscape=self.landscape.isChecked(),
            show_contact=self.show_contact.isChecked(),
            blank_rows=self.blank_rows.value(),
            show_event=self.show_event.isChecked(),
            target_group=self.target_group.currentData() or "",
            project_ids=self.chosen_projects() if "projects" in self._spec.needs else None,
        )

    def _limit_start_at(self) -> None:
        sheet = SHEETS.get(self.sheet.currentData())
        if sheet is not None:
            self.start_at.setMaximum(sheet.columns * sheet.rows)


def _next_upcoming(events: list[EventRow]) -> int:
    now = dt.datetime.now()
    for index, row in enumerate(events):
        if row.starts_at >= now:
            return index
    return len(events) - 1
