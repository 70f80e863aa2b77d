"""Someone else saved the same record meanwhile: both versions side by side, field by field.

The user takes their own version, the other one, or merges per field. Fields only one
side changed (compared with what the user started from) are preselected that way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError

MINE, THEIRS, MERGED = "mine", "theirs", "merged"
BOTH_CHANGED_COLOUR = "#b00020"


def default_text(value: Any) -> str:
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if hasattr(value, "strftime"):
        return str(value.strftime("%d.%m.%Y"))
    return str(value)


class ConflictDialog(QDialog):
    """Shows the fields in which ``mine`` and ``theirs`` differ; ``merged()`` is the result."""

    def __init__(
        self,
        what: str,
        mine: Any,
        theirs: Any,
        base: Any | None,
        labels: Mapping[str, str],
        show: Callable[[str, Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gleichzeitig geändert"))
        self.resize(760, 420)
        self._mine, self._theirs = mine, theirs
        self.choice = ""
        show = show or (lambda _field, value: default_text(value))
        self.fields = [field for field in labels if getattr(mine, field) != getattr(theirs, field)]
        intro = QLabel(
            self.tr(
                "„%1“ wurde gespeichert, während Sie es bearbeitet haben – an einem anderen "
                "Arbeitsplatz oder in einem anderen Fenster. Diese Angaben unterscheiden sich. "
                "Wählen Sie je Zeile, welche Fassung gelten soll."
            ).replace("%1", what)
        )
        intro.setWordWrap(True)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.addWidget(self._bold(self.tr("Angabe")), 0, 0)
        grid.addWidget(self._bold(self.tr("Ihre Fassung")), 0, 1)
        grid.addWidget(self._bold(self.tr("Andere Fassung (gespeichert)")), 0, 2)
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        for row, field in enumerate(self.fields, start=1):
            mine_value, theirs_value = getattr(mine, field), getattr(theirs, field)
            label = QLabel(labels[field])
            mine_button = QRadioButton(show(field, mine_value))
            theirs_button = QRadioButton(show(field, theirs_value))
            for choice in (mine_button, theirs_button):
                choice.setToolTip(choice.text())
            group = QButtonGroup(self)
            group.addButton(mine_button)
            group.addButton(theirs_button)
            only_they_changed = base is not None and getattr(base, field) == mine_value
            (theirs_button if only_they_changed else mine_button).setChecked(True)
            if base is not None and getattr(base, field) not in (mine_value, theirs_value):
                label.setText(labels[field] + " " + self.tr("(beide geändert)"))
                label.setStyleSheet(f"color: {BOTH_CHANGED_COLOUR}; font-weight: bold;")
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(mine_button, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(theirs_button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.mine_buttons[field] = mine_button
            self.theirs_buttons[field] = theirs_button
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.fields) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_chosen_button = QPushButton(self.tr("Wie &gewählt speichern"))
        self.take_mine_button = QPushButton(self.tr("&Meine Fassung speichern"))
        self.take_theirs_button = QPushButton(self.tr("&Andere Fassung übernehmen"))
        for action_button, role in (
            (self.save_chosen_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.take_mine_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.take_theirs_button, QDialogButtonBox.ButtonRole.ActionRole),
        ):
            buttons.addButton(action_button, role)
        self.save_chosen_button.setDefault(True)
        self.save_chosen_button.clicked.connect(lambda: self._finish(MERGED))
        self.take_mine_button.clicked.connect(lambda: self._finish(MINE))
        self.take_theirs_button.clicked.connect(lambda: self._finish(THEIRS))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def merged(self) -> Any:
        """The version to save: all mine, all theirs, or per field as chosen."""
        if self.choice == THEIRS:
            return self._theirs
        if self.choice == MINE:
            return self._mine
        taken = {
            field: getattr(self._theirs, field)
            for field in self.fields
            if self.theirs_buttons[field].isChecked()
        }
        return dataclasses.replace(self._mine, **taken)


def resolve_conflict(
    parent: QWidget,
    what: str,
    conflict: ConflictError,
    base: Any | None,
    labels: Mapping[str, str],
    save_again: Callable[[Any, int], object],
    show: Callable[[str, Any], str] | None = None,
) -> str:
    """Show both versions until the user's choice is saved; returns the choice.

    ``save_again(chosen, version)`` saves the chosen values against the stored
    version; a further conflict (a third save meanwhile) shows the dialog again, other
    errors reach the caller. Returns THEIRS when the stored version was taken (nothing
    saved), MINE or MERGED when saved, "" when the user cancelled.
    """
    while True:
        dialog = ConflictDialog(what, conflict.mine, conflict.theirs, base, labels, show, parent)
        if not dialog.exec():
            return ""
        if dialog.choice == THEIRS:
            return THEIRS
        try:
            save_again(dialog.merged(), conflict.version)
        except ConflictError as again:
            conflict = again
            continue
        return dialog.choice
