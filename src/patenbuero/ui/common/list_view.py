"""A searchable, sortable list with a count and a hint when it is empty."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from patenbuero.ui.common.search_proxy import SearchProxyModel
from patenbuero.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from patenbuero.ui.common.view_state import WIDTHS_FIXED

SAMPLE_ROWS = 100


@dataclass(frozen=True)
class RowAction:
    """An entry of the table's context menu; ``applies`` decides it for the selected rows."""

    text: str
    run: Callable[[], object]
    applies: Callable[[list[Any]], bool] = lambda rows: len(rows) == 1


def _email_of(row: Any) -> str:
    return str(getattr(row, "email", "") or "")


class SearchableList(QWidget):
    """Search field + table; shows ``empty_hint`` instead of an empty table."""

    row_activated = Signal(object)
    selection_changed = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        *,
        search_hint: str,
        empty_hint: str,
        count_text: str | tuple[str, str] = ("%n Eintrag", "%n Einträge"),
        search_extra: Callable[[Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model: RowTableModel[Any] = RowTableModel(columns, self, search_extra)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._count_text = count_text
        self._empty_hint = empty_hint
        self._shown_row: Any = None

        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(search_hint)
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._on_search)
        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The first widths are measured on a sample of rows, not on all of them.
        self.table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
        self.table.doubleClicked.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.row_actions: list[RowAction] = []
        # Replaced in tests: shows the menu at a global position (modal, like Qt's exec).
        self.run_menu: Callable[[QMenu, QPoint], object] = lambda menu, at: menu.exec(at)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.empty_label = QLabel(empty_hint, self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyHint")
        self.empty_label.setStyleSheet("color: #555; font-size: 11pt; padding: 24px;")

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.count_label)
        self.top_bar = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        self.proxy.modelReset.connect(self._update_state)
        self.proxy.layoutChanged.connect(self._update_state)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; rows still there keep their selection (see RowTableModel)."""
        current = getattr(self.current_row(), "id", None)
        if current is not None and all(getattr(row, "id", None) != current for row in rows):
            # The chosen row is gone: nothing is chosen then, as after a new list, rather
            # than Qt moving the cursor to a neighbour and opening that.
            self.table.selectionModel().reset()
        self.model.set_rows(rows)
        if rows and not self.table.property(WIDTHS_FIXED):
            # Measured once from the first rows (or restored from the last session), then
            # left alone: widths that jump on every refresh cut names the user had made fit.
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                if self.table.columnWidth(column) > 360:
                    self.table.setColumnWidth(column, 360)
            self.table.setProperty(WIDTHS_FIXED, True)
        self._update_state()

    def add_row_action(
        self,
        text: str,
        run: Callable[[], object],
        applies: Callable[[list[Any]], bool] | None = None,
    ) -> None:
        """Offer ``run`` in the context menu of the rows (it acts on the selection)."""
        self.row_actions.append(RowAction(text, run, applies or (lambda rows: len(rows) == 1)))

    def context_menu(self) -> QMenu:
        """The menu for the selected rows: the list's own actions, then copying."""
        menu = QMenu(self)
        rows = self.selected_rows()
        for action in self.row_actions:
            entry = menu.addAction(action.text)
            entry.setEnabled(bool(rows) and action.applies(rows))
            entry.triggered.connect(lambda _checked=False, run=action.run: run())
        if self.row_actions:
            menu.addSeparator()
        addresses = [_email_of(row) for row in rows if _email_of(row)]
        copy_mail = menu.addAction(
            self.tr("E-Mail-Adresse kopieren")
            if len(addresses) <= 1
            else self.tr("E-Mail-Adressen kopieren")
        )
        copy_mail.setEnabled(bool(addresses))
        copy_mail.triggered.connect(lambda: self._copy("; ".join(addresses)))
        copy_rows = menu.addAction(self.tr("Zeilen kopieren (für Excel)"))
        copy_rows.setEnabled(bool(rows))
        copy_rows.triggered.connect(lambda: self._copy(self._rows_as_text()))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
        menu = self.context_menu()
        self.run_menu(menu, self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _rows_as_text(self) -> str:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        columns = range(self.proxy.columnCount())
        header = "\t".join(
            str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns
        )
        lines = [
            "\t".join(str(self.proxy.index(i.row(), c).data() or "") for c in columns)
            for i in indexes
        ]
        return "\n".join([header, *lines])

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def set_empty_hint(self, text: str) -> None:
        self._empty_hint = text
        self._update_state()

    def selected_rows(self) -> list[Any]:
        indexes = self.table.selectionModel().selectedRows()
        return [index.data(ROW_ROLE) for index in sorted(indexes, key=lambda i: i.row())]

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def visible_row_count(self) -> int:
        return self.proxy.rowCount()

    def visible_rows(self) -> list[Any]:
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def select_row_id(self, row_id: int | None) -> bool:
        """Make the visible row whose ``id`` is ``row_id`` current (None clears); found?"""
        selection = self.table.selectionModel()
        if row_id is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            return True
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == row_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                return True
        return False

    def _on_search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_state()

    def _on_activated(self, index: QModelIndex) -> None:
        self.row_activated.emit(index.data(ROW_ROLE))

    def _on_selection(self, *_args: object) -> None:
        self._shown_row = self.current_row()
        self.selection_changed.emit(self._shown_row)

    def _sync_selection(self) -> None:
        """Tell the view when its chosen row vanished without a selection signal (search
        without hits, reload): it then shows nothing selected and disables its actions."""
        chosen = self.table.selectionModel().hasSelection() and self.current_row() is not None
        if not chosen and self._shown_row is not None:
            self._shown_row = None
            self.selection_changed.emit(None)

    def _count_for(self, total: int) -> str:
        """ "1 Projekt", "3 Projekte": the text for one or for many, with the number."""
        if isinstance(self._count_text, str):
            text = self._count_text
        else:
            text = self._count_text[0] if total == 1 else self._count_text[1]
        return text.replace("%n", str(total))

    def _update_state(self, *_args: object) -> None:
        self._sync_selection()
        total = self.model.rowCount()
        visible = self.proxy.rowCount()
        if total == 0:
            self.empty_label.setText(self._empty_hint)
            self.stack.setCurrentWidget(self.empty_label)
        elif visible == 0:
            self.empty_label.setText(
                self.tr("Keine Treffer für „%1“.").replace("%1", self.search_field.text())
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)
        if visible == total:
            self.count_label.setText(self._count_for(total))
        else:
            self.count_label.setText(
                self.tr("%1 von %2").replace("%1", str(visible)).replace("%2", str(total))
            )
