"""What the plan's widgets share: kind colours and labels, field errors, save dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QTimeEdit,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.private_files import write_private
from patenbuero.ui.common import folders
from patenbuero.ui.common.date_fields import FormDateEdit, FormTimeEdit
from patenbuero.ui.common.formatting import FORM_DATE_FORMAT, GERMAN

# Colour plus a short text label, so that the overview also reads in black and white.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "network_meeting": ("#1f6fb2", "VT"),
    "specialist_day": ("#b23a48", "FT"),
    "coordinator_training": ("#6a4c93", "FK"),
    "series_module": ("#2a9d8f", "M"),
    "info_stand": ("#e07a00", "IS"),
    "online": ("#4a7c1f", "ON"),
    "other": ("#6b6b6b", "SO"),
}
ERROR_STYLE = "border: 2px solid #b00020;"

# Injectable for tests: (parent, caption, suggested path, filter) -> chosen path or "".
SaveFileAsker = Callable[[QWidget, str, str, str], str]


def ask_save_file(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    kind = folders.CALENDAR if suggested.endswith(".ics") else folders.EXPORT
    path, _chosen_filter = QFileDialog.getSaveFileName(
        parent, caption, folders.start_path(kind, suggested), file_filter
    )
    folders.remember(kind, path)
    return path


def write_file(parent: QWidget, path: str, data: bytes) -> bool:
    try:
        write_private(Path(path), data)
    except OSError as error:
        QMessageBox.warning(
            parent,
            parent.tr("Speichern nicht möglich"),
            parent.tr("Die Datei %1 kann nicht geschrieben werden (%2).")
            .replace("%1", path)
            .replace("%2", error.strerror or str(error)),
        )
        return False
    return True


def show_error(parent: QWidget, error: UserError) -> None:
    QMessageBox.warning(parent, parent.tr("Nicht möglich"), str(error))


def date_edit(value: dt.date | None = None) -> QDateEdit:
    edit = FormDateEdit()
    edit.setLocale(GERMAN)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(FORM_DATE_FORMAT)
    if value is not None:
        set_date(edit, value)
    return edit


def time_edit(value: dt.time | None = None) -> QTimeEdit:
    edit = FormTimeEdit()
    edit.setLocale(GERMAN)
    edit.setDisplayFormat("HH:mm")
    if value is not None:
        edit.setTime(QTime(value.hour, value.minute))
    return edit


def set_date(edit: QDateEdit, value: dt.date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def time_of(edit: QTimeEdit) -> dt.time:
    value = edit.time()
    return dt.time(value.hour(), value.minute())


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class FieldErrors:
    """Shows a service's ValidationError beside the field it names and marks the field."""

    def __init__(self, tabs: QTabWidget | None = None) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel, QWidget | None, QFormLayout]] = {}
        self._tabs = tabs
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #b00020;")
        self.general.hide()

    def add_row(
        self,
        form: QFormLayout,
        label: str,
        widget: QWidget,
        name: str,
        page: QWidget | None = None,
    ) -> None:
        form.addRow(label, widget)
        message = QLabel()
        message.setWordWrap(True)
        message.setStyleSheet("color: #b00020;")
        message.setObjectName(f"error_{name}")
        form.addRow("", message)
        form.setRowVisible(message, False)
        self._fields[name] = (widget, message, page, form)

    def clear(self) -> None:
        self.general.hide()
        for widget, message, _page, form in self._fields.values():
            widget.setStyleSheet("")
            message.setText("")
            form.setRowVisible(message, False)

    def show(self, error: UserError) -> None:
        self.clear()
        entry = self._fields.get(error.field or "")
        if entry is None:
            self.general.setText(str(error))
            self.general.show()
            return
        widget, message, page, form = entry
        if self._tabs is not None and page is not None:
            self._tabs.setCurrentWidget(page)
        widget.setStyleSheet(ERROR_STYLE)
        message.setText(str(error))
        form.setRowVisible(message, True)
        widget.setFocus()

    def message_for(self, name: str) -> str:
        entry = self._fields.get(name)
        return entry[1].text() if entry else ""
