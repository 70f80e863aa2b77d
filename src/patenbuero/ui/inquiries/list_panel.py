"""The list of inquiries with search and filters (status, Anliegen); long waits stand out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from patenbuero.services.inquiries.use_cases import WAITING_DAYS, InquiryRow
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import ROW_ROLE, Column

WAITING_COLOUR = "#c25400"
STATUS_COLOURS = {"forwarded": "#1f6f3f", "closed": "#6b6b6b"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("InquiryListPanel", text)


def status_text(row: InquiryRow) -> str:
    """The status as the list shows it; an inquiry waiting too long says since when."""
    if row.waiting:
        return _tr("seit %1 Tagen offen").replace("%1", str(row.days_open))
    return row.status_label


def _columns() -> list[Column[InquiryRow]]:
    return [
        Column(_tr("Eingang"), lambda r: r.received_on),
        Column(
            _tr("Status"),
            status_text,
            foreground=lambda r: WAITING_COLOUR if r.waiting else STATUS_COLOURS.get(r.status),
            tooltip=lambda r: (
                _tr("Noch nicht weitergeleitet – bitte passende Projekte suchen.")
                if r.waiting
                else ""
            ),
        ),
        Column(_tr("Anliegen"), lambda r: r.kind_label),
        Column(_tr("Name"), lambda r: r.name),
        Column(_tr("Zielgruppe"), lambda r: r.target_group),
        Column(_tr("Stadtteil"), lambda r: r.district),
        Column(_tr("weitergeleitet an"), lambda r: r.forwarded_to),
        Column(_tr("Nachricht"), lambda r: r.message.replace("\n", " ")),
    ]


class InquiryListPanel(QWidget):
    """Emits ``inquiry_chosen(id)`` when the user moves to another inquiry."""

    inquiry_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = SearchableList(
            _columns(),
            search_hint=self.tr("Suchen nach Name, Anliegen, Zielgruppe, Projekt …"),
            empty_hint=self.tr(
                "Noch keine Anfragen.\n\nWenn jemand Pat:in werden möchte, eine Patenschaft "
                "sucht oder dem Netzwerk beitreten will, erfassen Sie die Anfrage mit "
                "„Neue Anfrage“."
            ),
            count_text=(self.tr("%n Anfrage"), self.tr("%n Anfragen")),
        )
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("alle"), None)
        self.status_filter.addItem(self.tr("offen"), "open")
        self.status_filter.addItem(self.tr("weitergeleitet"), "forwarded")
        self.status_filter.addItem(self.tr("erledigt"), "closed")
        self.kind_filter = QComboBox(self)
        self.waiting_label = QLabel(self)
        self.waiting_label.setStyleSheet(f"color: {WAITING_COLOUR}; font-weight: bold;")
        self.waiting_label.hide()
        for combo in (self.status_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Anliegen:"), self))
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        filters.addWidget(self.waiting_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        self.list.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._suppress = False

    def set_kinds(self, kinds: Sequence[tuple[str, str]]) -> None:
        if self.kind_filter.count():
            return
        self.kind_filter.addItem(self.tr("alle Anliegen"), None)
        for value, label in kinds:
            self.kind_filter.addItem(label, value)

    def set_rows(self, rows: Sequence[InquiryRow]) -> None:
        self._suppress = True
        self.list.set_rows(rows)
        self._suppress = False
        waiting = sum(1 for row in rows if row.waiting)
        self.waiting_label.setText(
            self.tr("%1 offen seit mehr als %2 Tagen")
            .replace("%1", str(waiting))
            .replace("%2", str(WAITING_DAYS))
        )
        self.waiting_label.setVisible(waiting > 0)

    def apply_filter(self, *_args: object) -> None:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        if status is None and kind is None:
            self.list.proxy.set_row_filter(None)
            return

        def accepts(row: InquiryRow) -> bool:
            return (status is None or row.status == status) and (kind is None or row.kind == kind)

        self.list.proxy.set_row_filter(accepts)

    def visible_rows(self) -> list[InquiryRow]:
        return self.list.visible_rows()

    def select_inquiry(self, inquiry_id: int | None) -> bool:
        """Make the inquiry current without emitting ``inquiry_chosen``."""
        self._suppress = True
        try:
            return self.list.select_row_id(inquiry_id)
        finally:
            self._suppress = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress or not current.isValid():
            return
        self.inquiry_chosen.emit(current.data(ROW_ROLE).id)
