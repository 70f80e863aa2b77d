"""Date and time fields that take what people type: "16.12.2026" as well as "16122026".

Qt's QDateTimeEdit jumps to the next section once one is full ("16" → month), and then
takes the dot the user types next as "skip a section", so "16.12.2026" ended up as
"16.01.1". These fields swallow a separator that directly follows such a jump.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit

_SEPARATORS = {".", ":", ",", "/", "-", " "}


def _key_press(edit: QDateTimeEdit, event: QKeyEvent, base: type[QDateTimeEdit]) -> None:
    text = event.text()
    if text in _SEPARATORS and text and edit.property("jumped"):
        edit.setProperty("jumped", False)
        event.accept()
        return
    before = edit.currentSectionIndex()
    base.keyPressEvent(edit, event)
    jumped = text.isdigit() and edit.currentSectionIndex() != before
    edit.setProperty("jumped", jumped)


def _focus_in(edit: QDateTimeEdit, event: QFocusEvent, base: type[QDateTimeEdit]) -> None:
    base.focusInEvent(edit, event)
    if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.ShortcutFocusReason):
        edit.setCurrentSectionIndex(0)
        edit.setSelectedSection(edit.sectionAt(0))
    edit.setProperty("jumped", False)


class FormDateEdit(QDateEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        _key_press(self, event, QDateEdit)

    def focusInEvent(self, event: QFocusEvent) -> None:
        _focus_in(self, event, QDateEdit)


class FormTimeEdit(QTimeEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        _key_press(self, event, QTimeEdit)

    def focusInEvent(self, event: QFocusEvent) -> None:
        _focus_in(self, event, QTimeEdit)
