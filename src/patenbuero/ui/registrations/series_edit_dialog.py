"""Create or change a Fortbildungsreihe: title, modules (events) and "n von m"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError, ValidationError
from patenbuero.services.core.database import Database
from patenbuero.services.registrations.series_editing import (
    SeriesInput,
    load_series,
    module_choices,
    module_summary,
    save_series,
)


class SeriesEditDialog(QDialog):
    """Tick the events that form the series; they are numbered by date."""

    def __init__(
        self, db: Database, series_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._series_id = db, series_id
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Neue Fortbildungsreihe") if series_id is None else self.tr("Reihe bearbeiten")
        )
        self.resize(620, 560)
        current = load_series(db, series_id) if series_id is not None else None
        self._choices = module_choices(db, dt.date.today())
        self.title = QLineEdit(current.title if current else "")
        self.title.setPlaceholderText(self.tr("z. B. Fortbildungsreihe für Pat:innen 2027"))
        self.modules = QListWidget()
        chosen = set(current.module_ids) if current else set()
        for choice in self._choices:
            if choice.series_id is not None and choice.series_id != series_id:
                continue  # a module of another series
            item = QListWidgetItem(f"{choice.starts_at:%d.%m.%Y %H:%M}  {choice.title}")
            item.setData(Qt.ItemDataRole.UserRole, choice.event_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.event_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.modules.addItem(item)
        self.modules.itemChanged.connect(lambda _item: self._update_rule())
        self.required = QSpinBox()
        self.required.setRange(1, max(1, len(chosen)))
        self.required.setValue(current.required_modules if current else 1)
        self.of_total = QLabel()
        self.summary = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        rule = QHBoxLayout()
        rule.addWidget(QLabel(self.tr("Bescheinigung ab")))
        rule.addWidget(self.required)
        rule.addWidget(self.of_total)
        rule.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Titel:"), self.title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Speichern"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("Module (Veranstaltungen aus der Jahresplanung; nach Datum nummeriert):")
            )
        )
        layout.addWidget(self.modules, 1)
        layout.addWidget(self.summary)
        layout.addLayout(rule)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update_rule()

    def chosen_ids(self) -> list[int]:
        return [
            int(self.modules.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.modules.count())
            if self.modules.item(row).checkState() == Qt.CheckState.Checked
        ]

    def check_module(self, event_id: int, checked: bool = True) -> None:
        for row in range(self.modules.count()):
            item = self.modules.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == event_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update_rule(self) -> None:
        count = len(self.chosen_ids())
        was_all = self.required.value() == self.required.maximum()
        self.required.setMaximum(max(1, count))
        if was_all:
            self.required.setValue(max(1, count))  # "alle" stays "alle"
        self.of_total.setText(self.tr("von %1 Modulen").replace("%1", str(count)))
        self.summary.setText(module_summary(self._choices, self.chosen_ids()))

    def save(self) -> None:
        values = SeriesInput(self.title.text(), self.required.value(), tuple(self.chosen_ids()))
        try:
            self.saved_id = save_series(self._db, self._series_id, values)
        except (ValidationError, UserError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
