"""Fitting projects to tick for forwarding, and the forwardings made so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.inquiries.matching import ProjectMatch
from patenbuero.services.inquiries.use_cases import ForwardingRow, outcome_choices
from patenbuero.ui.common.formatting import format_date

_ID_ROLE = Qt.ItemDataRole.UserRole
_FORWARDING_ROLE = Qt.ItemDataRole.UserRole + 1
_DONE_COLOUR = "#6b6b6b"


def _tree(headers: Sequence[str], parent: QWidget) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class ForwardingPanel(QWidget):
    """Emits ``forward_requested`` and ``mail_requested(project_id)``; ``show_all_changed``."""

    forward_requested = Signal()
    mail_requested = Signal(int)
    outcome_requested = Signal(int, str, object)  # forwarding id, outcome, date
    show_all_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.suggestions = _tree([self.tr("Projekt"), self.tr("Warum es passt")], self)
        self._shown: tuple[tuple[ProjectMatch, ...], bool] | None = None
        self.show_all = QCheckBox(self.tr("auch nicht passende aktive Projekte zeigen"), self)
        self.forward_button = QPushButton(self.tr("An angehakte Projekte weiterleiten …"), self)
        self.forwardings = _tree(
            [
                self.tr("Datum"),
                self.tr("Projekt"),
                self.tr("Nachfrage am"),
                self.tr("Ergebnis"),
                self.tr("Notiz"),
            ],
            self,
        )
        self.forwardings.setMaximumHeight(160)
        self.no_forwardings = QLabel(self.tr("Noch nicht weitergeleitet."), self)
        self.no_forwardings.setStyleSheet("color: #555;")
        self.mail_button = QPushButton(self.tr("E-Mail-Text an dieses Projekt …"), self)
        self.outcome = QComboBox(self)
        self.outcome.setToolTip(self.tr("Was kam heraus? (für den Sachbericht)"))
        for value, label in outcome_choices():
            self.outcome.addItem(label, value)
        self.outcome_date = QDateEdit(QDate.currentDate(), self)
        self.outcome_date.setCalendarPopup(True)
        self.outcome_date.setDisplayFormat("dd.MM.yyyy")
        self.outcome_date.setToolTip(self.tr("Wann kam das Ergebnis?"))
        self.outcome_button = QPushButton(self.tr("Ergebnis eintragen"), self)
        self.outcome_button.clicked.connect(self._on_outcome)
        self.suggestions.itemChanged.connect(self._update_buttons)
        self.forwardings.currentItemChanged.connect(self._update_buttons)
        self.forward_button.clicked.connect(self.forward_requested)
        self.mail_button.clicked.connect(self._on_mail)
        self.forwardings.itemDoubleClicked.connect(self._on_mail)
        self.show_all.toggled.connect(self.show_all_changed)
        self._build()
        self.show_matches([], has_inquiry=False)
        self.show_forwardings([])

    def _build(self) -> None:
        fitting = QGroupBox(self.tr("Passende Projekte (beste zuerst)"), self)
        fitting_layout = QVBoxLayout(fitting)
        fitting_layout.addWidget(self.hint)
        fitting_layout.addWidget(self.suggestions, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.show_all)
        bar.addStretch(1)
        bar.addWidget(self.forward_button)
        fitting_layout.addLayout(bar)
        done = QGroupBox(self.tr("Bisherige Weiterleitungen"), self)
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.forwardings)
        done_layout.addWidget(self.no_forwardings)
        done_bar = QHBoxLayout()
        done_bar.addWidget(self.outcome)
        done_bar.addWidget(self.outcome_date)
        done_bar.addWidget(self.outcome_button)
        done_bar.addStretch(1)
        done_bar.addWidget(self.mail_button)
        done_layout.addLayout(done_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(fitting, 1)
        layout.addWidget(done)

    def show_matches(
        self,
        matches: Sequence[ProjectMatch],
        *,
        has_inquiry: bool = True,
        keep_if_same: bool = False,
    ) -> None:
        """List the projects; those that already got the inquiry cannot be ticked.
        ``keep_if_same``: the list as shown (with its ticks) when these are the matches
        shown already."""
        shown = (tuple(matches), has_inquiry)
        if keep_if_same and shown == self._shown:
            return
        self._shown = shown
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        for match in matches:
            reason = match.reason_text
            if not match.fits and reason:
                reason = self.tr("andere Zielgruppe") + f" · {reason}"
            elif not match.fits:
                reason = self.tr("passt weder nach Zielgruppe noch Stadtteil")
            if match.forwarded_on is not None:
                reason = self.tr("schon weitergeleitet am %1").replace(
                    "%1", format_date(match.forwarded_on)
                )
            item = QTreeWidgetItem([match.name, reason])
            item.setData(0, _ID_ROLE, match.project_id)
            tip = "\n".join(
                part for part in (match.organisation, match.target_groups, match.districts) if part
            )
            for column in range(2):
                item.setToolTip(column, tip)
            if match.forwarded_on is None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            if match.forwarded_on is not None or not match.fits:
                for column in range(2):
                    item.setForeground(column, QBrush(QColor(_DONE_COLOUR)))
            self.suggestions.addTopLevelItem(item)
        self.suggestions.blockSignals(False)
        self.suggestions.setEnabled(has_inquiry)
        self.show_all.setEnabled(has_inquiry)
        self.hint.setText(self._hint(matches, has_inquiry))
        self._update_buttons()

    def _hint(self, matches: Sequence[ProjectMatch], has_inquiry: bool) -> str:
        if not has_inquiry:
            return self.tr("Wählen Sie links eine gespeicherte Anfrage, um Projekte zu finden.")
        if not matches:
            return self.tr(
                "Kein aktives Projekt passt nach Zielgruppe oder Stadtteil. Ergänzen Sie diese "
                "Angaben oder zeigen Sie alle aktiven Projekte."
            )
        return self.tr("Haken Sie an, wohin die Anfrage gehen soll.")

    def show_forwardings(self, rows: Sequence[ForwardingRow]) -> None:
        self.forwardings.clear()
        for row in rows:
            outcome = row.outcome_label
            if row.outcome_on is not None:
                outcome += f" ({format_date(row.outcome_on)})"
            follow_up = format_date(row.follow_up_on) if row.follow_up_on else ""
            item = QTreeWidgetItem(
                [format_date(row.forwarded_on), row.project_name, follow_up, outcome, row.note]
            )
            item.setData(0, _ID_ROLE, row.project_id)
            item.setData(0, _FORWARDING_ROLE, row.id)
            self.forwardings.addTopLevelItem(item)
        self.forwardings.setVisible(bool(rows))
        self.no_forwardings.setVisible(not rows)
        self._update_buttons()

    def checked_project_ids(self) -> list[int]:
        return [item.data(0, _ID_ROLE) for item in self._items() if self._is_checked(item)]

    def checked_names(self) -> list[str]:
        return [item.text(0) for item in self._items() if self._is_checked(item)]

    def set_checked(self, project_id: int, checked: bool = True) -> None:
        for item in self._items():
            if item.data(0, _ID_ROLE) == project_id and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)

    def project_names(self) -> list[str]:
        return [item.text(0) for item in self._items()]

    def _items(self) -> list[QTreeWidgetItem]:
        count = self.suggestions.topLevelItemCount()
        return [item for i in range(count) if (item := self.suggestions.topLevelItem(i))]

    @staticmethod
    def _is_checked(item: QTreeWidgetItem) -> bool:
        return item.checkState(0) == Qt.CheckState.Checked

    def _update_buttons(self, *_args: object) -> None:
        self.forward_button.setEnabled(bool(self.checked_project_ids()))
        self.mail_button.setEnabled(self.forwardings.currentItem() is not None)
        self.outcome_button.setEnabled(self.forwardings.currentItem() is not None)

    def select_forwarding(self, forwarding_id: int) -> None:
        for index in range(self.forwardings.topLevelItemCount()):
            item = self.forwardings.topLevelItem(index)
            if item is not None and item.data(0, _FORWARDING_ROLE) == forwarding_id:
                self.forwardings.setCurrentItem(item)

    def _on_outcome(self) -> None:
        item = self.forwardings.currentItem()
        if item is not None:
            day: dt.date = self.outcome_date.date().toPython()  # type: ignore[assignment]
            self.outcome_requested.emit(
                int(item.data(0, _FORWARDING_ROLE)), str(self.outcome.currentData()), day
            )

    def _on_mail(self, *_args: object) -> None:
        item = self.forwardings.currentItem()
        if item is not None:
            self.mail_requested.emit(int(item.data(0, _ID_ROLE)))
