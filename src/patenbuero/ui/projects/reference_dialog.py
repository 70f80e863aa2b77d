"""Bearbeiten → Listen: target groups, districts, Träger kinds and event kinds – add,
rename, merge, retire (and take back), remove."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.projects import reference_data as ref
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.reference_choices import RETIRED_BRUSH, retired_text
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.common.widgets import ERROR_STYLE

RETIRED_COLOUR = RETIRED_BRUSH.color().name()

# What the "Verwendet" column counts in each list.
USED_BY = {
    ref.TARGET_GROUPS: "Projekte",
    ref.DISTRICTS: "Projekte",
    ref.ORGANISATION_KINDS: "Träger",
    ref.EVENT_KINDS: "Veranstaltungen",
}


class ReferencePage(QWidget):
    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.kind = db, kind
        self.list = SearchableList(
            [
                Column(
                    self.tr("Name"),
                    lambda r: r.name,
                    foreground=lambda r: RETIRED_COLOUR if r.retired else None,
                ),
                Column(self.tr(USED_BY[kind]), lambda r: r.uses, searchable=False),
                Column(
                    self.tr("Stand"),
                    self._state,
                    tooltip=self._state_tip,
                    foreground=lambda r: RETIRED_COLOUR if r.retired else None,
                ),
            ],
            search_hint=self.tr("Suchen …"),
            empty_hint=self.tr("Die Liste ist leer. Legen Sie den ersten Eintrag an."),
            count_text=(self.tr("%n Eintrag"), self.tr("%n Einträge")),
        )
        self.list.selection_changed.connect(self._show)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.returnPressed.connect(self.add)  # Enter adds what was typed
        self.add_button = QPushButton(self.tr("Hinzufügen"), self)
        self.rename_button = QPushButton(self.tr("Umbenennen"), self)
        self.retire_button = QPushButton(self.tr("Nicht mehr verwenden"), self)
        self.retire_button.setToolTip(
            self.tr(
                "Der Eintrag wird für neue Angaben nicht mehr angeboten; wo er schon "
                "eingetragen ist, bleibt er stehen."
            )
        )
        self.delete_button = QPushButton(self.tr("Löschen"), self)
        self.delete_button.setToolTip(self.tr("Nur Einträge, die nirgends verwendet werden."))
        self.merge_target = QComboBox(self)
        self.merge_button = QPushButton(self.tr("Zusammenführen"), self)
        self.merge_button.setToolTip(
            self.tr("Alles, was den gewählten Eintrag trägt, bekommt den Eintrag rechts daneben.")
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button.clicked.connect(self.delete)
        self.merge_button.clicked.connect(self.merge)
        self.list.add_row_action(self.tr("Umbenennen"), self.rename)
        self.list.add_row_action(
            self.tr("Nicht mehr verwenden / wieder verwenden"), self.toggle_retired
        )
        self.list.add_row_action(self.tr("Löschen"), self.delete)
        edit = QHBoxLayout()
        edit.addWidget(self.name, 1)
        for button in (self.add_button, self.rename_button, self.retire_button, self.delete_button):
            edit.addWidget(button)
        merge = QHBoxLayout()
        merge.addWidget(QLabel(self.tr("Gewählten Eintrag zusammenführen mit:"), self))
        merge.addWidget(self.merge_target, 1)
        merge.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit)
        layout.addLayout(merge)
        layout.addWidget(self.message)
        self.refresh()

    def _state(self, row: ref.ReferenceRow) -> str:
        if row.retired:
            return self.tr("nicht mehr verwendet")
        return self.tr("eingebaut") if row.builtin else ""

    def _state_tip(self, row: ref.ReferenceRow) -> str:
        if not row.builtin:
            return ""
        return self.tr(
            "Gehört zum Programm: kann umbenannt und stillgelegt, aber nicht gelöscht oder "
            "in einem anderen Eintrag aufgehen."
        )

    def refresh(self, select: int | None = None) -> None:
        rows = ref.list_reference(self._db, self.kind)
        self.list.set_rows(rows)
        self.merge_target.clear()
        for row in rows:
            self.merge_target.addItem(retired_text(row.name) if row.retired else row.name, row.id)
        if select is not None:
            self.list.select_row_id(select)
        self._show(self.list.current_row())

    def _show(self, row: ref.ReferenceRow | None) -> None:
        if row is not None:
            self.name.setText(row.name)
        for button in (self.rename_button, self.retire_button, self.merge_button):
            button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and not row.builtin and not row.uses)
        self.merge_button.setEnabled(row is not None and not row.builtin)
        retired = row is not None and row.retired
        self.retire_button.setText(
            self.tr("Wieder verwenden") if retired else self.tr("Nicht mehr verwenden")
        )

    def _run(self, action: Callable[[], object], done: str, select: int | None = None) -> bool:
        try:
            result = action()
        except UserError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(error))
            return False
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.refresh(select if select is not None else result)  # type: ignore[arg-type]
        return True

    def add(self) -> None:
        name = self.name.text()
        self._run(lambda: ref.add_reference(self._db, self.kind, name), self.tr("Hinzugefügt."))

    def rename(self) -> None:
        row = self.list.current_row()
        if row is not None:
            name = self.name.text()
            self._run(
                lambda: ref.rename_reference(self._db, self.kind, row.id, name),
                self.tr("Umbenannt."),
                row.id,
            )

    def toggle_retired(self) -> None:
        row = self.list.current_row()
        if row is None:
            return
        done = (
            self.tr("„%1“ wird wieder angeboten.")
            if row.retired
            else self.tr("„%1“ wird nicht mehr angeboten; wo der Eintrag schon steht, bleibt er.")
        )
        self._run(
            lambda: ref.set_retired(self._db, self.kind, row.id, not row.retired),
            done.replace("%1", row.name),
            row.id,
        )

    def delete(self) -> None:
        row = self.list.current_row()
        if row is not None:
            self._run(
                lambda: ref.delete_reference(self._db, self.kind, row.id), self.tr("Gelöscht.")
            )

    def merge(self) -> None:
        row, kept = self.list.current_row(), self.merge_target.currentData()
        if row is None or kept is None:
            return
        kept_name = next((r.name for r in self.list.model.rows() if r.id == kept), "")
        moved: list[int] = []

        def action() -> None:
            moved.append(ref.merge_reference(self._db, self.kind, row.id, kept))

        if self._run(action, "", kept):
            self.message.setText(
                self.tr("„%1“ zusammengeführt mit „%2“; %3 neu zugeordnet.")
                .replace("%1", row.name)
                .replace("%2", kept_name)
                .replace("%3", ref.uses_noun(self.kind, moved[0]))
            )


class ReferenceDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Listen"))
        self.target_groups = ReferencePage(db, ref.TARGET_GROUPS, self)
        self.districts = ReferencePage(db, ref.DISTRICTS, self)
        self.organisation_kinds = ReferencePage(db, ref.ORGANISATION_KINDS, self)
        self.event_kinds = ReferencePage(db, ref.EVENT_KINDS, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.target_groups, self.tr("Zielgruppen"))
        self.tabs.addTab(self.districts, self.tr("Stadtteile"))
        self.tabs.addTab(self.organisation_kinds, self.tr("Arten der Träger"))
        self.tabs.addTab(self.event_kinds, self.tr("Veranstaltungsarten"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        # Enter in a name field adds the entry; it must not also close the window.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(760, 560)
