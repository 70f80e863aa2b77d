"""One table model for every list: a plain list of row objects and column definitions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from patenbuero.io.names import search_form
from patenbuero.ui.common.formatting import format_value
from patenbuero.ui.common.row_diff import row_steps, runs

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    value: Callable[[Row], Any]
    tooltip: Callable[[Row], str] | None = None
    foreground: Callable[[Row], str | None] | None = None
    searchable: bool = True


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Shows rows (frozen dataclasses from a service) in the given columns."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent: Any = None,
        search_extra: Callable[[Row], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._search_extra = search_extra
        self._rows: list[Row] = []
        # Built on the first search, not per load: 3,000 rows cost half a second.
        self._search_texts: list[str | None] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``. Rows are matched to the shown ones by ``id``: a reload that changes
        a few rows updates just those (the view keeps its selection and scroll position and
        measures nothing anew); lists without ids or with mostly other rows are reset."""
        fresh = list(rows)
        if not self._update_in_place(fresh):
            self.beginResetModel()
            self._rows = fresh
            self._search_texts = [None] * len(fresh)
            self.endResetModel()

    def _update_in_place(self, fresh: list[Row]) -> bool:
        """Remove, reorder and insert rows by id, then refresh the changed ones; False
        when the lists are too different for that (the caller resets)."""
        steps = row_steps([_key(row) for row in self._rows], [_key(row) for row in fresh])
        if steps is None:
            return False
        top = QModelIndex()
        for first, count in reversed(steps.removed):
            self.beginRemoveRows(top, first, first + count - 1)
            del self._rows[first : first + count]
            del self._search_texts[first : first + count]
            self.endRemoveRows()
        if steps.order is not None:
            self._reorder(steps.order)
        for position, count in steps.inserted:
            self.beginInsertRows(top, position, position + count - 1)
            self._rows[position:position] = fresh[position : position + count]
            self._search_texts[position:position] = [None] * count
            self.endInsertRows()
        changed = [
            number
            for number, (old, new) in enumerate(zip(self._rows, fresh, strict=True))
            if old is not new and old != new
        ]
        for number in changed:
            self._rows[number] = fresh[number]
            self._search_texts[number] = None
        last_column = len(self._columns) - 1
        for first, count in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(first + count - 1, last_column))
        return True

    def _reorder(self, order: Sequence[int]) -> None:
        """Put the rows in ``order`` (old positions); the view's selection goes along."""
        self.layoutAboutToBeChanged.emit()
        where = {old: new for new, old in enumerate(order)}
        before = self.persistentIndexList()
        after = [self.index(where[index.row()], index.column()) for index in before]
        self._rows = [self._rows[old] for old in order]
        self._search_texts = [self._search_texts[old] for old in order]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def replace_row(self, row: Row) -> bool:
        """Show the fresh version of the row with the same ``id``; found?"""
        key = row.id  # type: ignore[attr-defined]
        for number, old in enumerate(self._rows):
            if old.id == key:  # type: ignore[attr-defined]
                self._rows[number] = row
                self._search_texts[number] = None
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, len(self._columns) - 1)
                )
                return True
        return False

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def search_text_at(self, row: int) -> str:
        """The row's text as a search compares it (built on first use)."""
        text = self._search_texts[row]
        if text is None:
            text = self._search_texts[row] = self._search_text(self._rows[row])
        return text

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(column.value(row))
        if role == SORT_ROLE:
            return _sort_key(column.value(row))
        if role == ROW_ROLE:
            return row
        if role == SEARCH_ROLE:
            return self.search_text_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = column.value(row)
            if isinstance(value, int) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _search_text(self, row: Row) -> str:
        parts = [format_value(c.value(row)) for c in self._columns if c.searchable]
        if self._search_extra is not None:
            parts.append(self._search_extra(row))
        return " ".join(search_form(part) for part in parts)


_NO_ID = object()


def _key(row: Any) -> Any:
    """What matches a row to its reloaded version: its ``id`` (rows without one: never)."""
    key = getattr(row, "id", _NO_ID)
    return object() if key is _NO_ID else key


def _sort_key(value: Any) -> Any:
    """Values that sort correctly in a proxy: numbers as numbers, dates as ISO text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).casefold()
