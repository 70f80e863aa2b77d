"""Likely duplicates: the office looks at each group and merges only what it decides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.plural import plural
from patenbuero.services.registrations.person_merge import merge_persons
from patenbuero.services.registrations.persons import PersonRow, duplicate_groups
from patenbuero.ui.registrations.register_dialog import Ask, ask_yes_no


class DuplicatesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, ask: Ask = ask_yes_no):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mögliche Dubletten"))
        self.resize(640, 520)
        self._db, self._ask = db, ask
        self.merged = 0
        intro = QLabel(
            self.tr(
                "Diese Einträge haben ähnlich geschriebene Namen (z. B. Müller/Mueller oder "
                "vertauschte Vor- und Nachnamen). Zwei Menschen können gleich heißen – "
                "führen Sie nur zusammen, was wirklich dieselbe Person ist. Markieren Sie "
                "zwei Einträge; der zuerst markierte bleibt erhalten."
            )
        )
        intro.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        self.merge_button = QPushButton(self.tr("Zusammenführen …"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.message = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._selection_order: list[int] = []
        self.entries.itemSelectionChanged.connect(self._track_selection)
        self.reload()

    def reload(self) -> None:
        self.entries.clear()
        self._selection_order.clear()
        groups = duplicate_groups(self._db)
        for number, group in enumerate(groups, start=1):
            header = QListWidgetItem(self.tr("Gruppe %1").replace("%1", str(number)))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(header)
            for person in group:
                item = QListWidgetItem("    " + _describe(person))
                item.setData(Qt.ItemDataRole.UserRole, person)
                self.entries.addItem(item)
        if not groups:
            self.message.setText(self.tr("Keine möglichen Dubletten gefunden."))
        self.merge_button.setEnabled(bool(groups))

    def select_person(self, person_id: int) -> None:
        for index in range(self.entries.count()):
            item = self.entries.item(index)
            person = item.data(Qt.ItemDataRole.UserRole)
            if person is not None and person.id == person_id:
                item.setSelected(True)

    def merge_selected(self) -> None:
        if len(self._selection_order) != 2:
            self.message.setText(self.tr("Bitte genau zwei Einträge markieren."))
            return
        keep, merge = (self._person(i) for i in self._selection_order)
        question = (
            self.tr(
                "„%1“ bleibt erhalten; „%2“ wird mit allen Anmeldungen übernommen und dann "
                "gelöscht. Ist das wirklich dieselbe Person?"
            )
            .replace("%1", _describe(keep))
            .replace("%2", _describe(merge))
        )
        if not self._ask(self, self.tr("Zusammenführen"), question):
            return
        try:
            moved = merge_persons(self._db, keep.id, merge.id)
        except UserError as error:
            self.message.setText(str(error))
            return
        self.merged += 1
        self.reload()
        self.message.setText(
            self.tr("Zusammengeführt; %1 übernommen.").replace(
                "%1", plural(moved, self.tr("Anmeldung"), self.tr("Anmeldungen"))
            )
        )

    def _person(self, person_id: int) -> PersonRow:
        for index in range(self.entries.count()):
            person = self.entries.item(index).data(Qt.ItemDataRole.UserRole)
            if person is not None and person.id == person_id:
                return person
        raise LookupError(person_id)

    def _track_selection(self) -> None:
        selected = {
            item.data(Qt.ItemDataRole.UserRole).id
            for item in self.entries.selectedItems()
            if item.data(Qt.ItemDataRole.UserRole) is not None
        }
        self._selection_order = [i for i in self._selection_order if i in selected]
        self._selection_order += [i for i in selected if i not in self._selection_order]


def _describe(person: PersonRow) -> str:
    details = " · ".join(p for p in (person.email, person.organisation) if p)
    return f"{person.full_name} ({details})" if details else person.full_name
