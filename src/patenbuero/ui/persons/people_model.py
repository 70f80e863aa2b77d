"""The Personen list: 33,000 references in memory, the rows on screen read page by page.

The list's order and search are the service's (:func:`list_people`); the model keeps only
each row's reference (kind and id, in two compact arrays) and asks the database for the
entries of a page when the view first shows one of its rows. A few pages are kept.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from patenbuero.db.enums import SubjectKind
from patenbuero.services.privacy.directory import PersonEntry
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.ui.common.formatting import format_value
from patenbuero.ui.common.table_model import ROW_ROLE, Column

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Iterable[SubjectRef]], dict[SubjectRef, PersonEntry]]

PAGE_ROWS = 200
KEPT_PAGES = 8
_KINDS = tuple(kind.value for kind in SubjectKind)


class PeopleModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column[PersonEntry]], fetch: Fetch, parent: Any = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._kinds = bytearray()
        self._ids = array("q")
        self._pages: OrderedDict[int, list[PersonEntry | None]] = OrderedDict()

    def set_refs(self, refs: Sequence[SubjectRef]) -> None:
        """Show ``refs``. The same list again (a reload after saving) keeps the view's
        selection and scroll position; its rows are read anew."""
        kinds = bytearray(_KINDS.index(ref.kind) for ref in refs)
        ids = array("q", (ref.id for ref in refs))
        if kinds == self._kinds and ids == self._ids:
            self._pages.clear()
            if ids:
                last = self.index(len(ids) - 1, len(self._columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._kinds, self._ids = kinds, ids
        self._pages.clear()
        self.endResetModel()

    def ref_at(self, row: int) -> SubjectRef:
        return SubjectRef(_KINDS[self._kinds[row]], self._ids[row])

    def row_of(self, ref: SubjectRef) -> int | None:
        """The position of ``ref`` in the list, if it is there."""
        kind = _KINDS.index(ref.kind)
        start = 0
        while True:
            try:
                row = self._ids.index(ref.id, start)
            except ValueError:
                return None
            if self._kinds[row] == kind:
                return row
            start = row + 1

    def row_at(self, row: int) -> PersonEntry | None:
        """The entry shown in ``row`` (None when another workplace has just removed it)."""
        number = row // PAGE_ROWS
        page = self._pages.get(number)
        if page is None:
            first = number * PAGE_ROWS
            refs = [self.ref_at(n) for n in range(first, min(first + PAGE_ROWS, len(self._ids)))]
            found = self._fetch(refs)
            page = self._pages[number] = [found.get(ref) for ref in refs]
            while len(self._pages) > KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[row - number * PAGE_ROWS]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, ROW_ROLE):
            return None
        entry = self.row_at(index.row())
        if role == ROW_ROLE or entry is None:
            return entry
        return format_value(self._columns[index.column()].value(entry))
