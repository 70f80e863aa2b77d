"""Small input widgets: a list of check boxes, an optional date, a field with its error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from patenbuero.services.projects.records import Choice
from patenbuero.ui.common.date_fields import FormDateEdit
from patenbuero.ui.common.formatting import FORM_DATE_FORMAT

_NO_DATE = QDate(1900, 1, 1)
_RETIRED = Qt.ItemDataRole.UserRole + 7  # a retired entry of the office's lists
ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 2px solid #b00020;"


class CheckList(QListWidget):
    """Choices with check boxes; ``changed`` fires when the user ticks one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """A retired entry shows only where it is ticked, greyed and marked as such."""
        checked = set(self.checked_ids())
        self.blockSignals(True)
        self.clear()
        for choice in choices:
            item = QListWidgetItem(choice.name, self)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.id in checked else Qt.CheckState.Unchecked
            )
            if choice.retired:
                item.setText(self.tr("%1 (nicht mehr verwendet)").replace("%1", choice.name))
                item.setForeground(QBrush(QColor("#8a8a8a")))
                item.setData(_RETIRED, True)
        self._hide_unused_retired()
        self.blockSignals(False)

    def _hide_unused_retired(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(_RETIRED):
                item.setHidden(item.checkState() != Qt.CheckState.Checked)

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.item(row) for row in range(self.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            if item is not None:
                state = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self._hide_unused_retired()
        self.blockSignals(False)


class OptionalDateEdit(FormDateEdit):
    """A date that may be empty (shown as "–"); German format, calendar popup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(FORM_DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText("–")
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        if date == _NO_DATE:
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))


class FieldBox(QWidget):
    """An input with an error line beneath it that is shown only when needed."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.widget.setStyleSheet(INVALID_STYLE)

    def clear_error(self) -> None:
        self.error.hide()
        self.widget.setStyleSheet("")
