"""„Nächstes Jahr planen“: pick the events of a year to copy, see their new dates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.plan import year_copy
from patenbuero.ui.common.formatting import format_weekday_date
from patenbuero.ui.plan.common import FieldErrors

EVENT_ID = Qt.ItemDataRole.UserRole


class YearCopyDialog(QDialog):
    def __init__(self, db: Database, from_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.from_year, self.to_year = db, from_year, from_year + 1
        self.created_ids: list[int] = []
        self.setWindowTitle(
            self.tr("Jahr %1 aus %2 planen").replace("%1", str(self.to_year))
            .replace("%2", str(from_year))
        )  # fmt: skip
        self.errors = FieldErrors()
        intro = QLabel(
            self.tr(
                "Die gewählten Veranstaltungen aus %1 werden nach %2 übernommen – am gleichen "
                "Wochentag an gleicher Stelle im Monat (der zweite Mittwoch bleibt ein zweiter "
                "Mittwoch), als „Idee“, mit Tagesordnung und Aufgaben, ohne Anmeldungen."
            )
            .replace("%1", str(from_year))
            .replace("%2", str(self.to_year))
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("übernehmen"), self.tr("bisher"), self.tr("neu"), self.tr("Titel"),
             self.tr("Art"), self.tr("Hinweise")]
        )  # fmt: skip
        all_button = QPushButton(self.tr("Alle wählen"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button = QPushButton(self.tr("Keine wählen"))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(all_button)
        bar.addWidget(none_button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = buttons.addButton(
            self.tr("Übernehmen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.errors.general)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(1100, 620)
        self.tree.itemChanged.connect(lambda *_: self._update_count())
        self._fill()

    def _fill(self) -> None:
        for plan in year_copy.plan_copy(self._db, self.from_year, self.to_year):
            notes = list(plan.conflicts)
            if plan.already_there:
                notes.insert(0, self.tr("schon in %1 eingetragen").replace("%1", str(self.to_year)))
            item = QTreeWidgetItem(
                [
                    "",
                    format_weekday_date(plan.old_start.date()),
                    format_weekday_date(plan.new_start.date()),
                    plan.new_title,
                    plan.kind_label,
                    " ".join(notes) or (plan.status_label if not plan.suggested else ""),
                ]
            )
            item.setData(0, EVENT_ID, plan.event_id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if plan.already_there:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            checked = Qt.CheckState.Checked if plan.suggested else Qt.CheckState.Unchecked
            item.setCheckState(0, checked)
            self.tree.addTopLevelItem(item)
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        self._update_count()

    def chosen_ids(self) -> list[int]:
        ids = []
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, EVENT_ID)))
        return ids

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(0, state)

    def _update_count(self) -> None:
        chosen = len(self.chosen_ids())
        self.count.setText(
            self.tr("%1 von %2 gewählt")
            .replace("%1", str(chosen))
            .replace("%2", str(self.tree.topLevelItemCount()))
        )
        self.copy_button.setEnabled(chosen > 0)
        self.copy_button.setText(
            self.tr("%1 nach %2 übernehmen")
            .replace("%1", str(chosen))
            .replace("%2", str(self.to_year))
        )

    def copy(self) -> None:
        try:
            self.created_ids = year_copy.copy_year(
                self._db, self.from_year, self.to_year, self.chosen_ids()
            )
        except UserError as error:
            self.errors.show(error)
            return
        self.accept()
