"""The import preview's field changes: old → new, each with a box to take it or keep.

A change that would remove stored values (fewer target groups, an empty cell over a
stored address) starts unticked and marked, so nothing disappears unnoticed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.services.core.importing import FieldChange

_REMOVES = QColor("#fff1c2")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class FieldChangesTable(QTableWidget):
    """One line per field change; ``decided`` says which change the office took or left."""

    decided = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(6)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Übernehmen"),
                self.tr("Zeile"),
                self.tr("Datensatz"),
                self.tr("Feld"),
                self.tr("Bisher gespeichert"),
                self.tr("Neu aus der Datei"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.itemChanged.connect(self._changed)

    def show_changes(self, changes: Sequence[FieldChange], decisions: Mapping[str, bool]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            taken = decisions.get(change.key, change.taken_by_default)
            box = QTableWidgetItem(self.tr("übernehmen") if taken else self.tr("behalten"))
            box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            box.setCheckState(Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked)
            box.setData(KEY_ROLE, change.key)
            cells = [
                box,
                QTableWidgetItem(str(change.line)),
                QTableWidgetItem(change.subject),
                QTableWidgetItem(change.label),
                QTableWidgetItem(change.old or "–"),
                QTableWidgetItem(change.new or "–"),
            ]
            for column, item in enumerate(cells):
                if change.removes:
                    item.setBackground(QBrush(_REMOVES))
                    item.setToolTip(
                        self.tr(
                            "Die Datei würde gespeicherte Angaben entfernen. Ohne Haken bleibt "
                            "der gespeicherte Wert."
                        )
                    )
                else:
                    item.setToolTip(item.text())
                self.setItem(row, column, item)
        self.blockSignals(False)
        self.resizeColumnsToContents()
        for column, widest in ((2, 220), (3, 200), (4, 260)):
            self.setColumnWidth(column, min(self.columnWidth(column), widest))
        self.resizeRowsToContents()

    def check_box(self, row: int) -> QTableWidgetItem:
        item = self.item(row, 0)
        assert item is not None
        return item

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        taken = item.checkState() == Qt.CheckState.Checked
        self.blockSignals(True)
        item.setText(self.tr("übernehmen") if taken else self.tr("behalten"))
        self.blockSignals(False)
        self.decided.emit(str(item.data(KEY_ROLE)), taken)


class FieldChangesPanel(QWidget):
    """The table with its heading, for an importer that takes ``decisions`` per change.

    A click on a box writes the choice into the importer and emits ``decided``, after
    which the dialog checks the rows again (the row results say what is taken).
    """

    decided = Signal()

    def __init__(self, importer: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        decisions = getattr(importer, "decisions", None)
        self.decisions: dict[str, bool] | None = decisions if isinstance(decisions, dict) else None
        self.heading = QLabel(
            self.tr(
                "Änderungen an gespeicherten Daten – mit Haken wird der Wert aus der Datei "
                "übernommen, ohne Haken bleibt der gespeicherte. Gelb: Die Datei würde "
                "Angaben entfernen."
            ),
            self,
        )
        self.heading.setWordWrap(True)
        self.table = FieldChangesTable(self)
        self.table.decided.connect(self._decide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.setVisible(False)

    def show_changes(self, changes: Sequence[FieldChange]) -> None:
        if self.decisions is None:
            return
        self.table.show_changes(changes, self.decisions)
        self.setVisible(bool(changes))

    def forget(self) -> None:
        """A new file: the choices made for the last one do not apply."""
        if self.decisions is not None:
            self.decisions.clear()

    def _decide(self, key: str, taken: bool) -> None:
        if self.decisions is not None:
            self.decisions[key] = taken
            self.decided.emit()
