"""Datenschutz: the funded events (read-only) with the day their proof period ends.

Whether an event is funded is edited where its funding lives (the event's or its
series' funding, Bearbeiten → Fördermittelgeber); this box only shows it and opens those.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import (
    Funding,
    get_event_funding,
    get_series_funding,
    set_event_funding,
    set_series_funding,
)
from patenbuero.services.privacy.funding import FundedEvent
from patenbuero.ui.common.funding import FundersDialog, FundingDialog
from patenbuero.ui.common.table_model import Column, RowTableModel

FUNDED_COLUMNS: list[Column[FundedEvent]] = [
    Column("Datum", lambda f: f"{f.starts_at:%d.%m.%Y}"),
    Column("Veranstaltung", lambda f: f.title),
    Column(
        "Fördermittelgeber",
        lambda f: f.funder if f.series_id is None else f"{f.funder} (über die Reihe)",
    ),
    Column("Nachweis bis", lambda f: f"{f.proof_until:%d.%m.%Y}"),
]


class FundedEventsBox(QGroupBox):
    """The list of funded events and the ways to their funding."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        make_table: Callable[[RowTableModel], QTableView],  # type: ignore[type-arg]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Geförderte Veranstaltungen (Nachweispflicht)"))
        self._db = db
        self.model: RowTableModel[FundedEvent] = RowTableModel(FUNDED_COLUMNS, self)
        self.table = make_table(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 2):  # title and funder share the width (elided), dates fit
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        hint = QLabel(
            self.tr(
                "Gefördert ist eine Veranstaltung mit Fördermittelgeber (eigener oder der "
                "ihrer Reihe). Die Frist je Fördermittelgeber steht unter Bearbeiten → "
                "Fördermittelgeber; leer gilt die Frist oben."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.edit_funding = QPushButton(self.tr("&Förderung bearbeiten …"), self)
        self.edit_funders = QPushButton(self.tr("Förder&mittelgeber …"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_funding)
        buttons.addWidget(self.edit_funders)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.edit_funding.clicked.connect(self._edit_funding)
        self.edit_funders.clicked.connect(self._edit_funders)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()

    def set_rows(self, rows: list[FundedEvent]) -> None:
        self.model.set_rows(rows)
        self._enable()

    def current(self) -> FundedEvent | None:
        index = self.table.currentIndex()
        rows = self.model.rows()
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _enable(self) -> None:
        self.edit_funding.setEnabled(self.current() is not None)

    def _edit_funding(self) -> None:
        row = self.current()
        if row is None:
            return
        db = self._db
        if row.series_id is not None:
            series_id = row.series_id
            title = self.tr("Förderung der Fortbildungsreihe")
            funding = get_series_funding(db, series_id)

            def save(value: Funding) -> None:
                set_series_funding(db, series_id, value)

        else:
            event_id = row.event_id
            title = self.tr("Förderung der Veranstaltung")
            funding = get_event_funding(db, event_id)

            def save(value: Funding) -> None:
                set_event_funding(db, event_id, value)

        if FundingDialog(db, title, funding, save, self).exec():
            self.changed.emit()

    def _edit_funders(self) -> None:
        row = self.current()
        FundersDialog(self._db, self, select=None if row is None else row.funder_id).exec()
        self.changed.emit()
