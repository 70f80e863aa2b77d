"""Lists of the office's entries in forms: a retired entry is offered only to the record
that already has it, greyed and marked "(nicht mehr verwendet)"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from patenbuero.services.projects.records import Choice

if TYPE_CHECKING:
    from patenbuero.services.core.kinds import KindChoice

RETIRED_BRUSH = QBrush(QColor("#8a8a8a"))
RETIRED_ROLE = Qt.ItemDataRole.UserRole + 7  # marks a retired entry in a combo box


def retired_text(name: str) -> str:
    return QCoreApplication.translate("reference", "%1 (nicht mehr verwendet)").replace("%1", name)


def fill_kind_combo(
    combo: QComboBox, choices: Sequence[KindChoice], keep: str | None, *, new: bool = False
) -> None:
    """The kinds in use, plus ``keep`` (the record's kind) even if it is retired.

    ``keep`` is selected; when it is None or unknown, or a retired kind suggested for a
    ``new`` record, the first kind in use is.
    """
    if new and any(c.key == keep and c.retired for c in choices):
        keep = None
    blocked = combo.blockSignals(True)
    combo.clear()
    for choice in choices:
        if choice.retired and choice.key != keep:
            continue
        combo.addItem(retired_text(choice.name) if choice.retired else choice.name, choice.key)
        if choice.retired:
            combo.setItemData(combo.count() - 1, RETIRED_BRUSH, Qt.ItemDataRole.ForegroundRole)
            combo.setItemData(
                combo.count() - 1,
                QCoreApplication.translate(
                    "reference", "Nicht mehr zur Auswahl; diese Angabe bleibt, bis Sie sie ändern."
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
    combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
    combo.blockSignals(blocked)


def _mark_retired(combo: QComboBox, row: int, name: str) -> None:
    combo.setItemText(row, retired_text(name))
    combo.setItemData(row, RETIRED_BRUSH, Qt.ItemDataRole.ForegroundRole)
    combo.setItemData(row, True, RETIRED_ROLE)


def fill_choice_combo(combo: QComboBox, choices: Sequence[Choice], nothing: str) -> None:
    """ "– keine Angabe –" and the entries by id; the chosen entry stays chosen."""
    current = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(nothing, None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)
        if choice.retired:
            _mark_retired(combo, combo.count() - 1, choice.name)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(blocked)
    offer_retired_only_if_chosen(combo)


def offer_retired_only_if_chosen(combo: QComboBox) -> None:
    """Hide (and skip on the keyboard) every retired entry except the chosen one."""
    model = combo.model()
    view = combo.view()
    for row in range(combo.count()):
        if combo.itemData(row, RETIRED_ROLE) is not True:
            continue
        offered = row == combo.currentIndex()
        view.setRowHidden(row, not offered)  # type: ignore[attr-defined]
        item = model.item(row) if isinstance(model, QStandardItemModel) else None
        if item is not None:
            item.setEnabled(offered)
