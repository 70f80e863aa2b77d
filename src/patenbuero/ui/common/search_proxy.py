"""Sorting by typed keys and an instant search over all searchable columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from patenbuero.io.names import search_form
from patenbuero.ui.common.table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, RowTableModel


class SearchProxyModel(QSortFilterProxyModel):
    """Every word of the search text must appear in the row (compared in
    :func:`~patenbuero.io.names.search_form`: Müller = Mueller = Muller); extra filters may
    narrow it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._row_filter: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = search_form(text).split()
        self.endFilterChange()

    def set_row_filter(self, row_filter: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._row_filter = row_filter
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            # Straight from the row list: a QModelIndex and a data() call per row cost
            # a 3,000-row list 40 ms on every reload.
            if self._row_filter is not None and not self._row_filter(model.row_at(source_row)):
                return False
            text = model.search_text_at(source_row) if self._words else ""
            return all(word in text for word in self._words)
        index = model.index(source_row, 0, source_parent)
        if self._row_filter is not None and not self._row_filter(model.data(index, ROW_ROLE)):
            return False
        if not self._words:
            return True
        haystack = model.data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
