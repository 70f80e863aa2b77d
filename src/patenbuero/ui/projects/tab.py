"""Mitgliedsprojekte: the member register, its contacts, the Verteiler and the Träger."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import ConflictError, UserError
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.ui.common import prompts
from patenbuero.ui.common.conflict_dialog import THEIRS, ConflictDialog
from patenbuero.ui.common.data_changed import Kind, announce, refresh_on
from patenbuero.ui.common.table_model import ROW_ROLE
from patenbuero.ui.projects.contacts_panel import ContactsPanel
from patenbuero.ui.projects.form import ProjectForm
from patenbuero.ui.projects.inquiries_panel import ProjectInquiriesPanel
from patenbuero.ui.projects.list_panel import STATUS_COLOURS, ProjectListPanel
from patenbuero.ui.projects.mailing_list_page import MailingListPage
from patenbuero.ui.projects.organisations_page import OrganisationsPage

if TYPE_CHECKING:
    from patenbuero.services.projects.first_rows import FirstRows

__all__ = ["STATUS_COLOURS", "ProjectsTab"]

# The tab and its modules import no SQLAlchemy: at the program start the window shows the
# first rows (read with plain sqlite3) before it has loaded. The services are imported
# where they are used.


class ProjectsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        refresh_on(self, (Kind.PROJECTS, Kind.INQUIRIES), self.refresh)
        self._db = db
        self._reopen_id: int | None = None
        self.last_message = ""
        self.panel = ProjectListPanel(self)
        self.list = self.panel.list
        self.status_filter = self.panel.status_filter
        self.form = ProjectForm(self)
        self.contacts = ContactsPanel(
            db, partners=False, organisations=self._organisation_names, parent=self
        )
        self.partners = ContactsPanel(
            db, partners=True, organisations=self._organisation_names, parent=self
        )
        self.inquiries = ProjectInquiriesPanel(db, self)
        self.mailing_list = MailingListPage(db, self)
        self.organisations = OrganisationsPage(db, self)
        self._organisation_list: list[str] = []
        # Set while the program start still loads the rest (see ui/quick_start): called
        # before anything that needs it, it finishes the loading at once.
        self.finish_loading: Callable[[], None] | None = None
        self.new_button = QPushButton(self.tr("Neues Projekt"), self)
        self.import_button = QPushButton(self.tr("Importieren …"), self)
        self.export_button = QPushButton(self.tr("Exportieren"), self)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("als CSV für Excel …")).triggered.connect(lambda: self.export("csv"))
        menu.addAction(self.tr("als Excel-Arbeitsmappe …")).triggered.connect(
            lambda: self.export("xlsx")
        )
        self.export_button.setMenu(menu)
        self._build()
        self._connect()
        self.form.load(None)
        self.form.setEnabled(False)

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.panel, 1)
        self.details = QTabWidget(self)
        self.details.addTab(self.form, self.tr("Angaben"))
        self.details.addTab(self.contacts, self.tr("Ansprechpartner:innen"))
        self.details.addTab(self.inquiries, self.tr("Anfragen"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 560])
        self.pages = QTabWidget(self)
        self.pages.currentChanged.connect(lambda _index: self._finish_loading())
        self.pages.addTab(splitter, self.tr("Projekte"))
        self.pages.addTab(self.partners, self.tr("Partner ohne Projekt"))
        self.pages.addTab(self.mailing_list, self.tr("Verteiler"))
        self.pages.addTab(self.organisations, self.tr("Träger"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _connect(self) -> None:
        self.panel.project_chosen.connect(self._on_project_chosen)
        self.new_button.clicked.connect(self.new_project)
        self.import_button.clicked.connect(self.open_import)
        self.form.save_button.clicked.connect(self.save)
        self.form.revert_button.clicked.connect(self._revert)
        self.form.left_button.clicked.connect(self.mark_current_left)
        self.form.delete_button.clicked.connect(self.delete_current)
        for panel in (self.contacts, self.partners, self.organisations):
            panel.changed.connect(self._after_related_change)

    # --- tab protocol -------------------------------------------------------------

    def refresh(self) -> None:
        for step in self.refresh_steps():
            step()

    def refresh_steps(self) -> list[Callable[[], None]]:
        """What :meth:`refresh` does, in steps short enough to run one per turn of the
        event loop (the program start does so after the first rows show)."""
        return [
            self._reload_choices,
            self._reload_list,
            self._open_first,
            self.partners.refresh,
            self.mailing_list.refresh,
            self.organisations.refresh,
        ]

    def show_first_rows(self, first: FirstRows) -> None:
        """The list and its filters before the services have loaded (program start);
        the form stays closed until :meth:`refresh` opens the first project."""
        self.panel.set_choices(first.target_groups, first.districts)
        self.panel.set_rows(first.projects)
        if first.projects:
            self.panel.select_project(self.list.proxy.index(0, 0).data(ROW_ROLE).id)

    def _finish_loading(self) -> None:
        if self.finish_loading is not None:
            self.finish_loading()

    def _reload_choices(self) -> None:
        from patenbuero.services.projects import use_cases as projects

        groups = projects.list_target_groups(self._db)
        districts = projects.list_districts(self._db)
        self._organisation_list = projects.list_organisation_names(self._db)
        self.form.set_choices(groups, districts, self._organisation_list, projects.status_choices())
        self.panel.set_choices(groups, districts)

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.list.search_field.setFocus()
        self.list.search_field.selectAll()

    def confirm_leave(self) -> bool:
        """False when the user cancels leaving a form with unsaved changes."""
        return self._may_leave_form()

    # --- actions ------------------------------------------------------------------

    def open_project(self, project_id: int | None) -> None:
        from patenbuero.services.projects import use_cases as projects

        try:
            detail = projects.get_project(self._db, project_id) if project_id else None
        except UserError as error:
            self._say(error.message)
            self.refresh()
            detail = None
        self.form.load(detail)
        self.form.setEnabled(detail is not None)
        self.contacts.show_project(detail.id if detail else None)
        self.inquiries.show_project(detail.id if detail else None)

    def new_project(self) -> None:
        self._finish_loading()
        if not self._may_leave_form():
            return
        self.panel.select_project(None)
        self.form.load(None)
        self.form.setEnabled(True)
        self.contacts.show_project(None)
        self.details.setCurrentWidget(self.form)
        self.form.lines["name"].setFocus()

    def save(self) -> bool:
        from patenbuero.services.projects.editing import save_project

        self.form.clear_errors()
        try:
            project_id = save_project(self._db, self.form.project_id, self.form.values())
        except ConflictError as conflict:
            return self._resolve_conflict(conflict)
        except UserError as error:
            self.form.show_error(error.field, error.message)
            self.details.setCurrentWidget(self.form)
            return False
        self.refresh()
        announce(Kind.PROJECTS, self)
        self.panel.select_project(project_id)
        self.open_project(project_id)
        self._say(self.tr("„%1“ gespeichert.").replace("%1", self.form.display_name()))
        return True

    def _resolve_conflict(self, conflict: ConflictError) -> bool:
        """Both versions side by side; save the user's choice against the stored version."""
        project_id = self.form.project_id
        dialog = ConflictDialog(
            self.form.display_name(),
            conflict.mine,
            conflict.theirs,
            self.form.base,
            self.form.field_labels,
            self.form.show_value,
            self,
        )
        if not dialog.exec():
            return False
        if dialog.choice == THEIRS:
            self.refresh()
            self.open_project(project_id)
            self._say(self.tr("Die andere Fassung wurde übernommen."))
            return True
        from patenbuero.services.projects.editing import save_project

        chosen = replace(dialog.merged(), expected_version=conflict.version)
        try:
            save_project(self._db, project_id, chosen)
        except ConflictError as again:
            return self._resolve_conflict(again)
        except UserError as error:
            self.form.show_error(error.field, error.message)
            return False
        self.refresh()
        self.panel.select_project(project_id)
        self.open_project(project_id)
        self._say(self.tr("„%1“ gespeichert.").replace("%1", self.form.display_name()))
        return True

    def mark_current_left(self) -> None:
        project_id = self.form.project_id
        if project_id is None or not self._may_leave_form():
            return
        name = self.form.display_name()
        question = self.tr(
            "Soll „%1“ als ausgeschieden markiert werden?\n\nDas Projekt bleibt mit seinen "
            "Ansprechpersonen, Veranstaltungen und Weiterleitungen erhalten."
        ).replace("%1", name)
        if not prompts.confirm(self, self.tr("Als ausgeschieden markieren"), question):
            return
        from patenbuero.services.projects.editing import mark_left

        try:
            mark_left(self._db, project_id)
        except UserError as error:
            prompts.refuse(self, self.tr("Nicht geändert"), error.message)
            return
        self.refresh()
        announce(Kind.PROJECTS, self)
        self.panel.select_project(project_id)
        self.open_project(project_id)
        self._say(self.tr("„%1“ ist jetzt als ausgeschieden markiert.").replace("%1", name))

    def delete_current(self) -> None:
        project_id = self.form.project_id
        if project_id is None:
            return
        name = self.form.display_name()
        from patenbuero.services.projects.editing import delete_project, project_dependents

        try:
            dependents = project_dependents(self._db, project_id)
            if dependents.any:
                delete_project(self._db, project_id)  # refuses and names the dependents
            question = self.tr(
                "Soll „%1“ endgültig gelöscht werden?\n\nAn dem Projekt hängen keine "
                "Ansprechpersonen, Veranstaltungen, Aufgaben oder Weiterleitungen."
            ).replace("%1", name)
            if not prompts.confirm(self, self.tr("Projekt löschen"), question):
                return
            delete_project(self._db, project_id)
        except UserError as error:
            prompts.refuse(self, self.tr("Löschen nicht möglich"), error.message)
            return
        self.form.load(None)
        self.refresh()
        announce(Kind.PROJECTS, self)
        self.open_project(None)
        self._say(self.tr("„%1“ gelöscht.").replace("%1", name))

    def open_import(self) -> None:
        self._finish_loading()
        if not self._may_leave_form():
            return
        from patenbuero.services.projects.importing import ProjectImporter
        from patenbuero.ui.common.import_dialog import ImportDialog

        dialog = ImportDialog(self._db, ProjectImporter(), self)
        dialog.imported.connect(self.refresh)
        dialog.imported.connect(self._announce_change)
        prompts.run_dialog(dialog)

    def _announce_change(self) -> None:
        announce(Kind.PROJECTS, self)

    def export(self, file_format: str) -> None:
        filters = "CSV für Excel (*.csv)" if file_format == "csv" else "Excel (*.xlsx)"
        path = prompts.save_file(
            self, self.tr("Projektliste exportieren"), f"mitgliedsprojekte.{file_format}", filters
        )
        if not path:
            return
        from patenbuero.services.projects.export import export_projects

        try:
            write_private(Path(path), export_projects(self._db, file_format))
        except OSError as error:
            prompts.refuse(self, self.tr("Nicht gespeichert"), error.strerror or str(error))
            return
        self._say(self.tr("Gespeichert: %1").replace("%1", path))

    # --- helpers ------------------------------------------------------------------

    def _on_project_chosen(self, project_id: int) -> None:
        if self.finish_loading is not None:
            self.finish_loading()  # (which opens the first project)
            self.panel.select_project(project_id)
        if project_id == self.form.project_id:
            return
        if not self._may_leave_form():
            self.panel.select_project(self.form.project_id)
            return
        self.open_project(project_id)

    def _may_leave_form(self) -> bool:
        if not self.form.is_dirty:
            return True
        self.pages.setCurrentIndex(0)
        return prompts.may_leave(self, self.form.display_name(), self.save, self._revert)

    def _revert(self) -> None:
        self.open_project(self.form.project_id)
        if self.form.project_id is None:
            self.form.setEnabled(False)

    def _reload_list(self) -> None:
        from patenbuero.services.projects import use_cases as projects

        self.panel.set_rows(projects.list_projects(self._db))
        if self.form.project_id is not None:
            self.panel.select_project(self.form.project_id)

    def _open_first(self) -> None:
        """With no project open yet (a new start), the first of the list opens; after
        :meth:`forget_open_record` the project that was open, if it is still there."""
        if self.form.project_id is None and not self.form.isEnabled():
            wanted, self._reopen_id = self._reopen_id, None
            if wanted is not None and self.panel.select_project(wanted):
                self.open_project(wanted)
                return
            first = self.list.proxy.index(0, 0).data(ROW_ROLE)
            if first is not None:
                self.panel.select_project(first.id)
                self.open_project(first.id)

    def forget_open_record(self) -> None:
        """After a restore or an undone import the stored project may differ from the form
        (a refresh keeps an open form as it is): the form closes, and the next refresh
        opens the same project again from the database if it still exists."""
        if self.form.project_id is None or self.form.is_dirty:
            return
        self._reopen_id = self.form.project_id
        self.form.load(None)
        self.form.setEnabled(False)

    def _after_related_change(self) -> None:
        self.refresh()

    def _organisation_names(self) -> list[str]:
        return list(self._organisation_list)

    def _say(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)
