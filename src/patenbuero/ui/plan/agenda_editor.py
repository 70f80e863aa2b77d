"""Tagesordnung editor: drag and drop or buttons to reorder; times follow the order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core import field_checks
from patenbuero.services.core.plural import plural
from patenbuero.services.plan.agenda import AgendaInput, timed

START, DURATION, TITLE, SPEAKER, NOTES = range(5)
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
)


class _MinutesDelegate(QStyledItemDelegate):
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, 720)
        editor.setSingleStep(5)
        editor.setSuffix(" min")
        return editor


class _LimitedTextDelegate(QStyledItemDelegate):
    """A one-line editor that takes no more characters than the service accepts."""

    def __init__(self, limit: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._limit = limit

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(self._limit)
        return editor


class AgendaEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = dt.datetime(2000, 1, 1, 9)
        self._updating = False
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("Beginn"), self.tr("Dauer (min)"), self.tr("Titel"), self.tr("Referent:in"),
             self.tr("Notiz")]
        )  # fmt: skip
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setItemDelegateForColumn(DURATION, _MinutesDelegate(self.tree))
        for column, limit in (
            (TITLE, field_checks.AGENDA_TITLE_LIMIT),
            (SPEAKER, field_checks.NAME_LIMIT),
            (NOTES, field_checks.LONG_TEXT_LIMIT),
        ):
            self.tree.setItemDelegateForColumn(column, _LimitedTextDelegate(limit, self.tree))
        self.tree.itemChanged.connect(lambda *_: self._retime())
        # A drop reorders the rows; recompute after Qt has finished moving them.
        self.tree.model().rowsInserted.connect(lambda *_: QTimer.singleShot(0, self._retime))
        self.tree.setColumnWidth(START, 70)
        self.tree.setColumnWidth(DURATION, 90)
        self.tree.setColumnWidth(TITLE, 300)
        self.tree.setColumnWidth(SPEAKER, 160)

        self.add_button = QPushButton(self.tr("Punkt hinzufügen"))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("Entfernen"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self.tr("▲ Nach oben"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("▼ Nach unten"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        hint = QLabel(
            self.tr(
                "Doppelklick bearbeitet einen Punkt. Reihenfolge per Ziehen oder mit den Pfeilen; "
                "die Uhrzeiten ergeben sich aus Beginn der Veranstaltung und Dauer."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def set_items(self, start: dt.datetime, items: Sequence[AgendaInput]) -> None:
        self._start = start
        self._updating = True
        self.tree.clear()
        for item in items:
            self.tree.addTopLevelItem(self._new_item(item))
        self._updating = False
        self._retime()

    def set_start(self, start: dt.datetime) -> None:
        self._start = start
        self._retime()

    def items(self) -> list[AgendaInput]:
        result = []
        for n in range(self.tree.topLevelItemCount()):
            item = self._item(n)
            result.append(
                AgendaInput(item.text(TITLE), _minutes(item), item.text(SPEAKER), item.text(NOTES))
            )
        return result

    def add_item(self) -> None:
        item = self._new_item(AgendaInput(self.tr("Neuer Punkt"), 15))
        self.tree.addTopLevelItem(item)
        self.tree.setCurrentItem(item)
        self._retime()
        self.tree.editItem(item, TITLE)

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
            self._retime()

    def move_current(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        target = row + step
        if not 0 <= target < self.tree.topLevelItemCount():
            return
        self._updating = True
        self.tree.takeTopLevelItem(row)
        self.tree.insertTopLevelItem(target, item)
        self._updating = False
        self.tree.setCurrentItem(item)
        self._retime()

    def _item(self, row: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(row)
        assert item is not None
        return item

    def _new_item(self, data: AgendaInput) -> QTreeWidgetItem:
        item = QTreeWidgetItem(["", "", data.title, data.speaker, data.notes])
        item.setData(DURATION, Qt.ItemDataRole.EditRole, data.duration_minutes)
        item.setFlags(ITEM_FLAGS)
        return item

    def _retime(self) -> None:
        if self._updating:
            return
        self._updating = True
        rows = timed(self._start, self.items())
        for n, row in enumerate(rows):
            item = self._item(n)
            item.setFlags(ITEM_FLAGS)
            item.setText(START, f"{row.starts_at:%H:%M}")
            item.setTextAlignment(
                DURATION, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self._updating = False
        if rows:
            self.summary.setText(
                self.tr("%1, Ende der Tagesordnung %2 Uhr")
                .replace("%1", plural(len(rows), self.tr("Punkt"), self.tr("Punkte")))
                .replace("%2", f"{rows[-1].ends_at:%H:%M}")
            )
        else:
            self.summary.setText(self.tr("Noch keine Tagesordnung."))


def _minutes(item: QTreeWidgetItem) -> int:
    value = item.data(DURATION, Qt.ItemDataRole.EditRole)
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0
