"""What the user arranged in the window, kept in QSettings across restarts.

Tables keep their column widths, order and sort; widgets marked with :func:`remember`
(sub-tabs, splitters, filters, the chosen year) keep their position or value. Tables are
recognised by their column titles, so a changed list of columns starts afresh instead of
restoring widths of other columns.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

_KEY = "patenbueroStateKey"
# Set on a table whose column widths are settled (restored or measured once).
WIDTHS_FIXED = "patenbueroWidthsFixed"
GROUP = "view_state"


def remember(widget: QWidget, key: str) -> None:
    """Mark ``widget`` (tab widget, splitter, stack, combo box, spin box) to be kept."""
    widget.setProperty(_KEY, key)


def _table_keys(root: QWidget) -> dict[str, QTableView]:
    import hashlib  # (after the first paint: tables exist only in built tabs)

    keys: dict[str, QTableView] = {}
    seen: Counter[str] = Counter()
    for table in root.findChildren(QTableView):
        model = table.model()
        if model is None:
            continue
        titles = "|".join(
            str(model.headerData(c, table.horizontalHeader().orientation()))
            for c in range(model.columnCount())
        )
        digest = hashlib.sha1(titles.encode()).hexdigest()[:12]
        seen[digest] += 1
        keys[f"table_{digest}_{seen[digest]}"] = table
    return keys


def _marked(root: QWidget) -> dict[str, QWidget]:
    return {
        str(w.property(_KEY)): w for w in root.findChildren(QWidget) if w.property(_KEY) is not None
    }


def save_view_state(root: QWidget, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.beginGroup(GROUP)
    for key, table in _table_keys(root).items():
        settings.setValue(key, table.horizontalHeader().saveState())
    for key, widget in _marked(root).items():
        if isinstance(widget, QSplitter):
            settings.setValue(key, widget.saveState())
        elif isinstance(widget, QTabWidget | QStackedWidget):
            settings.setValue(key, widget.currentIndex())
        elif isinstance(widget, QComboBox):
            data = widget.currentData()
            settings.setValue(key, "" if data is None else str(data))
        elif isinstance(widget, QSpinBox):
            settings.setValue(key, widget.value())
        elif isinstance(widget, QCheckBox):
            settings.setValue(key, int(widget.isChecked()))
    settings.endGroup()


def restore_view_state(root: QWidget, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    settings.beginGroup(GROUP)
    for key, table in _table_keys(root).items():
        state = settings.value(key)
        header = table.horizontalHeader()
        if state is not None and header.restoreState(state):
            table.setProperty(WIDTHS_FIXED, True)
            if header.isSortIndicatorShown() and header.sortIndicatorSection() >= 0:
                table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
    for key, widget in _marked(root).items():
        value = settings.value(key)
        if value is None:
            continue
        if isinstance(widget, QSplitter):
            widget.restoreState(value)
        elif isinstance(widget, QTabWidget | QStackedWidget):
            index = int(value)
            if 0 <= index < widget.count():
                widget.setCurrentIndex(index)
        elif isinstance(widget, QComboBox):
            _choose(widget, str(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(int(value)))
    settings.endGroup()


def _choose(combo: QComboBox, wanted: str) -> None:
    for index in range(combo.count()):
        data = combo.itemData(index)
        if ("" if data is None else str(data)) == wanted:
            combo.setCurrentIndex(index)
            return
