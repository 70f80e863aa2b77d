"""Bearbeiten → Listen: target groups and districts – add, rename, merge, remove."""

from __future__ import annotations

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
from patenbuero.services.core.plural import plural
from patenbuero.services.projects import reference_data as ref
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.common.widgets import ERROR_STYLE


class ReferencePage(QWidget):
    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.kind = db, kind
        self.list = SearchableList(
            [Column("Name", lambda r: r.name), Column("Projekte", lambda r: r.projects)],
            search_hint=self.tr("Suchen …"),
            empty_hint=self.tr("Die Liste ist leer. Legen Sie den ersten Eintrag an."),
            count_text=(self.tr("%n Eintrag"), self.tr("%n Einträge")),
        )
        self.list.selection_changed.connect(self._show)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.add_button = QPushButton(self.tr("Hinzufügen"), self)
        self.rename_button = QPushButton(self.tr("Umbenennen"), self)
        self.delete_button = QPushButton(self.tr("Löschen"), self)
        self.merge_target = QComboBox(self)
        self.merge_button = QPushButton(self.tr("Zusammenführen"), self)
        self.merge_button.setToolTip(
            self.tr(
                "Alle Projekte und Anfragen mit dem gewählten Eintrag bekommen den Eintrag rechts."
            )
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.merge_button.clicked.connect(self.merge)
        edit = QHBoxLayout()
        for widget in (self.name, self.add_button, self.rename_button, self.delete_button):
            edit.addWidget(widget)
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

    def refresh(self, select: int | None = None) -> None:
        rows = ref.list_reference(self._db, self.kind)
        self.list.set_rows(rows)
        self.merge_target.clear()
        for row in rows:
            self.merge_target.addItem(row.name, row.id)
        if select is not None:
            self.list.select_row_id(select)

    def _show(self, row: ref.ReferenceRow | None) -> None:
        if row is not None:
            self.name.setText(row.name)

    def _run(self, action, done: str, select: int | None = None) -> bool:  # type: ignore[no-untyped-def]
        try:
            result = action()
        except UserError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(error))
            return False
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.refresh(select if select is not None else result)
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
        moved: list[int] = []

        def action() -> None:
            moved.append(ref.merge_reference(self._db, self.kind, row.id, kept))

        if self._run(action, "", kept):
            self.message.setText(
                self.tr("„%1“ zusammengeführt mit „%2“; %3 neu zugeordnet.")
                .replace("%1", row.name)
                .replace("%2", self.merge_target.itemText(self.merge_target.findData(kept)))
                .replace("%3", plural(moved[0], self.tr("Projekt"), self.tr("Projekte")))
            )


class ReferenceDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Listen: Zielgruppen und Stadtteile"))
        self.target_groups = ReferencePage(db, ref.TARGET_GROUPS, self)
        self.districts = ReferencePage(db, ref.DISTRICTS, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.target_groups, self.tr("Zielgruppen"))
        self.tabs.addTab(self.districts, self.tr("Stadtteile"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(680, 520)
