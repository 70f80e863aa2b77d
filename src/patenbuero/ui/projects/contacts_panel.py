"""The Ansprechpartner:innen of one project, or of the partners without a project."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.ui.common import prompts
from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column

if TYPE_CHECKING:
    from patenbuero.services.projects.contacts import ContactRow


def contact_columns(with_owner: bool) -> list[Column[ContactRow]]:
    columns: list[Column[ContactRow]] = [
        Column("Name", lambda r: r.full_name),
        Column("Funktion", lambda r: r.role),
        Column("E-Mail", lambda r: r.email),
        Column("Telefon", lambda r: r.phone),
        Column("Verteiler", lambda r: r.on_mailing_list, searchable=False),
        Column("Einwilligung am", lambda r: r.consent_on, searchable=False),
        Column("Einwilligung durch", lambda r: r.consent_source),
    ]
    if with_owner:
        columns.insert(1, Column("Partner", lambda r: r.belongs_to))
    return columns


class ContactsPanel(QWidget):
    """List + Neu/Bearbeiten/Löschen; ``changed`` fires after every saved change."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        *,
        partners: bool,
        organisations: Callable[[], Sequence[str]] = lambda: (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._partners = partners
        self._organisations = organisations
        self.project_id: int | None = None
        hint = (
            self.tr(
                "Noch keine Ansprechpersonen von Partnern ohne eigenes Projekt "
                "(z. B. Stadt Halle, Netzwerke, Migrantenorganisationen).\n\n"
                "Legen Sie eine mit „Neue Ansprechperson“ an."
            )
            if partners
            else self.tr(
                "Für dieses Projekt ist noch keine Ansprechperson erfasst.\n\n"
                "Legen Sie eine mit „Neue Ansprechperson“ an."
            )
        )
        self.list = SearchableList(
            contact_columns(partners),
            search_hint=self.tr("Suchen nach Name, Funktion, E-Mail …"),
            empty_hint=hint,
            count_text=(self.tr("%n Ansprechperson"), self.tr("%n Ansprechpersonen")),
        )
        self.new_button = QPushButton(self.tr("Neue Ansprechperson …"), self)
        self.edit_button = QPushButton(self.tr("Bearbeiten …"), self)
        self.delete_button = QPushButton(self.tr("Löschen …"), self)
        self.new_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.list.row_activated.connect(lambda _row: self.edit_current())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        if not self._partners and self.project_id is None:
            self.list.set_rows([])
            self.setEnabled(False)
            return
        from patenbuero.services.projects.contacts import list_contacts

        self.setEnabled(True)
        self.list.set_rows(list_contacts(self._db, None if self._partners else self.project_id))

    def add_contact(self) -> None:
        self._open(None)

    def edit_current(self) -> None:
        row = self.list.current_row()
        if row is not None:
            self._open(row)

    def delete_current(self) -> None:
        row = self.list.current_row()
        if row is None:
            return
        question = self.tr("Soll „%1“ gelöscht werden?").replace("%1", row.full_name)
        if not prompts.confirm(self, self.tr("Ansprechperson löschen"), question):
            return
        from patenbuero.services.projects.contacts import delete_contact

        try:
            delete_contact(self._db, row.id)
        except UserError as error:
            prompts.refuse(self, self.tr("Nicht gelöscht"), error.message)
        self.refresh()
        self.changed.emit()

    def _open(self, row: ContactRow | None) -> None:
        from patenbuero.ui.projects.contact_dialog import ContactDialog

        project = None if self._partners else self.project_id
        dialog = ContactDialog(self._db, project, row, self._organisations(), self)
        if prompts.run_dialog(dialog):
            self.refresh()
            self.changed.emit()
