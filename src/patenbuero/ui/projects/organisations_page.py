"""Träger: their own small list (name, kind, address, website) with the projects each runs."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.projects.records import DEFAULT_KIND
from patenbuero.ui.common import prompts
from patenbuero.ui.common.conflict_dialog import default_text, resolve_conflict
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.reference_choices import fill_kind_combo
from patenbuero.ui.common.table_model import Column
from patenbuero.ui.common.widgets import FieldBox

if TYPE_CHECKING:
    from patenbuero.services.core.kinds import KindChoice
    from patenbuero.services.projects.organisations import OrganisationInput, OrganisationRow

# The service is imported where it is used: the tab is built before SQLAlchemy has loaded.


class OrganisationsPage(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._current: int | None = None
        self._base: OrganisationInput | None = None  # as loaded: what a save starts from
        columns: list[Column[OrganisationRow]] = [
            Column("Träger", lambda r: r.name),
            Column("Art", lambda r: r.kind_label),
            Column("Projekte", lambda r: r.projects),
            Column("Adresse", lambda r: r.address),
            Column("Website", lambda r: r.website),
        ]
        self.list = SearchableList(
            columns,
            search_hint=self.tr("Suchen nach Träger, Projekt, Adresse …"),
            empty_hint=self.tr(
                "Noch keine Träger erfasst. Träger entstehen auch, wenn Sie im Projekt "
                "einen neuen Namen eintippen."
            ),
            count_text=(self.tr("%n Träger"), self.tr("%n Träger")),
        )
        self.list.selection_changed.connect(lambda _row: self._show(self._selected()))
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self._kinds: list[KindChoice] = []  # read with the list (refresh)
        self.address = QLineEdit(self)
        self.website = QLineEdit(self)
        self.name.setMaxLength(field_checks.NAME_LIMIT)
        self.address.setMaxLength(field_checks.ADDRESS_LIMIT)
        self.website.setMaxLength(field_checks.WEBSITE_LIMIT)
        self.boxes = {
            "name": FieldBox(self.name),
            "kind": FieldBox(self.kind),
            "address": FieldBox(self.address),
            "website": FieldBox(self.website),
        }
        form = QFormLayout()
        form.addRow(self.tr("Name*:"), self.boxes["name"])
        form.addRow(self.tr("Art:"), self.boxes["kind"])
        form.addRow(self.tr("Adresse:"), self.boxes["address"])
        form.addRow(self.tr("Website:"), self.boxes["website"])
        self.new_button = QPushButton(self.tr("Neuer Träger"), self)
        self.save_button = QPushButton(self.tr("Speichern"), self)
        self.delete_button = QPushButton(self.tr("Löschen …"), self)
        self.new_button.clicked.connect(lambda: self._show(None))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._show(None)

    def refresh(self) -> None:
        from patenbuero.services.projects import organisations as service

        self._kinds = service.kind_choices(self._db)
        self.list.set_rows(service.list_organisations(self._db))
        if self._current is None:  # the empty form offers the kinds just read
            fill_kind_combo(self.kind, self._kinds, self.kind.currentData() or DEFAULT_KIND)

    def _selected(self) -> OrganisationRow | None:
        rows = self.list.selected_rows()
        return rows[0] if rows else None

    def _show(self, row: OrganisationRow | None) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self._current = row.id if row else None
        self._base = None
        if row is not None:
            from patenbuero.services.projects.organisations import input_from_row

            self._base = input_from_row(row)
        self.name.setText(row.name if row else "")
        fill_kind_combo(self.kind, self._kinds, row.kind if row else DEFAULT_KIND)
        self.address.setText(row.address if row else "")
        self.website.setText(row.website if row else "")
        self.delete_button.setEnabled(row is not None)

    def values(self) -> OrganisationInput:
        from patenbuero.services.projects.organisations import OrganisationInput

        return OrganisationInput(
            self.name.text(),
            str(self.kind.currentData()),
            self.address.text(),
            self.website.text(),
            self._base.expected_version if self._base else None,
        )

    def save(self) -> bool:
        from patenbuero.services.projects import organisations as service

        for box in self.boxes.values():
            box.clear_error()
        try:
            self._current = service.save_organisation(self._db, self._current, self.values())
        except ConflictError as conflict:
            return self._resolve_conflict(conflict)
        except UserError as error:
            self.boxes.get(error.field or "", self.boxes["name"]).show_error(error.message)
            return False
        self._saved()
        return True

    def _resolve_conflict(self, conflict: ConflictError) -> bool:
        """Both versions field by field; save the choice against the stored version."""
        from patenbuero.services.projects import organisations as service

        organisation_id = self._current
        kinds = {choice.key: choice.name for choice in service.kind_choices(self._db)}
        try:
            choice = resolve_conflict(
                self,
                self.name.text().strip(),
                conflict,
                self._base,
                {
                    "name": self.tr("Name"),
                    "kind": self.tr("Art"),
                    "address": self.tr("Adresse"),
                    "website": self.tr("Website"),
                },
                lambda chosen, version: service.save_organisation(
                    self._db, organisation_id, replace(chosen, expected_version=version)
                ),
                lambda field, value: (
                    kinds.get(value, value) if field == "kind" else default_text(value)
                ),
            )
        except UserError as error:
            self.boxes.get(error.field or "", self.boxes["name"]).show_error(error.message)
            return False
        if not choice:
            return False
        self._saved()
        return True

    def _saved(self) -> None:
        """The list and the form as stored now (with the new version)."""
        from patenbuero.services.projects.organisations import list_organisations

        saved_id = self._current
        rows = list_organisations(self._db)
        self.list.set_rows(rows)  # the saved row shown fresh, still selected
        self.list.select_row_id(saved_id)
        self._show(next((row for row in rows if row.id == saved_id), None))
        self.changed.emit()

    def delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        if not prompts.confirm(
            self,
            self.tr("Träger löschen"),
            self.tr("Soll „%1“ gelöscht werden?").replace("%1", row.name),
        ):
            return
        from patenbuero.services.projects.organisations import delete_organisation

        try:
            delete_organisation(self._db, row.id)
        except UserError as error:
            prompts.refuse(self, self.tr("Nicht gelöscht"), error.message)
            return
        self.refresh()
        self._show(None)
        self.changed.emit()
