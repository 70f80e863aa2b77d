"""The main window: five tabs, menus, status bar, remembered geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.errors import UserError
from patenbuero.services.core.backup import backup_database, default_backup_name
from patenbuero.services.core.database import Database
from patenbuero.services.core.local_settings import backup_folder
from patenbuero.ui.about_dialog import show_about
from patenbuero.ui.common import folders
from patenbuero.ui.common.funding import FundersDialog
from patenbuero.ui.common.lock_wait_notice import LockWaitNotice
from patenbuero.ui.common.view_state import restore_view_state, save_view_state
from patenbuero.ui.imports.undo_dialog import open_import_undo
from patenbuero.ui.inquiries.tab import InquiriesTab
from patenbuero.ui.mail.settings_dialog import MailSettingsDialog
from patenbuero.ui.manual_dialog import ManualDialog
from patenbuero.ui.persons.tab import PersonsTab
from patenbuero.ui.plan.tab import PlanTab
from patenbuero.ui.printing.tab import PrintTab
from patenbuero.ui.privacy.view import PrivacyView
from patenbuero.ui.projects.reference_dialog import ReferenceDialog
from patenbuero.ui.projects.tab import ProjectsTab
from patenbuero.ui.registrations.tab import RegistrationsTab
from patenbuero.ui.remembered import mark_remembered
from patenbuero.ui.row_menus import add_row_menus
from patenbuero.ui.settings_dialog import SettingsDialog

# The manual's page for each tab, in the order of the tabs (resources/manual/).
MANUAL_PAGES = (
    "mitgliedsprojekte.html",
    "jahresplanung.html",
    "anmeldungen.html",
    "druck.html",
    "anfragen.html",
    "personen.html",
    "datenschutz.html",
)


class MainWindow(QMainWindow):
    """The tabs of the office. ``load_later``: the window paints first and then loads
    the tab on screen; every other tab loads when it is first shown (the program start
    does so; tests and tools get every tab loaded at once)."""

    first_loaded = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, load_later: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.manual: ManualDialog | None = None
        self._load_later = load_later
        self._wait_for_paint = load_later
        self._unloaded: list[QWidget] = []
        self.setWindowTitle(self.tr("Patenbüro – Patenschaftsnetzwerk Halle"))
        self.projects_tab = ProjectsTab(db)
        self.plan_tab = PlanTab(db)
        self.registrations_tab = RegistrationsTab(db)
        self.print_tab = PrintTab(db)
        self.inquiries_tab = InquiriesTab(db)
        self.persons_tab = PersonsTab(db, load=False)
        self.privacy_view = PrivacyView(db, load=False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.projects_tab, self.tr("&Mitgliedsprojekte"))
        self.tabs.addTab(self.plan_tab, self.tr("&Jahresplanung"))
        self.tabs.addTab(self.registrations_tab, self.tr("&Anmeldungen"))
        self.tabs.addTab(self.print_tab, self.tr("&Druck"))
        self.tabs.addTab(self.inquiries_tab, self.tr("An&fragen"))
        self.tabs.addTab(self.persons_tab, self.tr("&Personen"))
        self.tabs.addTab(self.privacy_view, self.tr("Daten&schutz"))
        self.setCentralWidget(self._with_banner(self.tabs))
        self._build_menus()
        self.statusBar().showMessage(self.tr("Datenbank: %1").replace("%1", db.location.display))
        self.lock_wait_notice = LockWaitNotice(self)
        mark_remembered(self)
        add_row_menus(self)
        self._restore_geometry()
        if load_later:
            self._unloaded = self.all_tabs()
        else:
            self.refresh_all()
        restore_view_state(self)
        self.tabs.currentChanged.connect(self._load_current)

    def _with_banner(self, content: QWidget) -> QWidget:
        """A read-only database gets a visible yellow line above the tabs."""
        self.read_only_banner = QLabel(
            self.tr(
                "Nur zum Ansehen geöffnet: Die Datenbankdatei ist schreibgeschützt. "
                "Änderungen werden nicht gespeichert."
            )
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(
            "#readOnlyBanner { background: #fff3b0; color: #4a3b00; padding: 6px; "
            "border-bottom: 1px solid #d8c360; font-weight: bold; }"
        )
        self.read_only_banner.setVisible(self.db.read_only)
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(content, 1)
        return container

    def all_tabs(self) -> list[QWidget]:
        return [w for i in range(self.tabs.count()) if (w := self.tabs.widget(i)) is not None]

    def refresh_all(self) -> None:
        if self._load_later:
            # The tab on screen now, the others when they are shown next.
            self._unloaded = self.all_tabs()
            self._load_current()
            return
        for tab in self.all_tabs():
            tab.refresh()  # type: ignore[attr-defined]

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if self._wait_for_paint and event.type() == QEvent.Type.Paint:
            self._wait_for_paint = False
            QTimer.singleShot(0, self._load_first)
        return handled

    def _load_first(self) -> None:
        self._load_current()
        self.first_loaded.emit()

    def _load_current(self, *_args: object) -> None:
        tab = self.tabs.currentWidget()
        if self._wait_for_paint or tab not in self._unloaded:
            return
        self._unloaded.remove(tab)
        tab.refresh()  # type: ignore[attr-defined]

    def refresh_current(self) -> None:
        self.tabs.currentWidget().refresh()  # type: ignore[attr-defined]
        self.statusBar().showMessage(self.tr("Aktualisiert."), 3000)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Datei"))
        save_action = QAction(self.tr("&Speichern"), self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save_current)
        file_menu.addAction(save_action)
        quit_action = QAction(self.tr("&Beenden"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        backup_action = QAction(self.tr("Datensicherung &speichern …"), self)
        backup_action.setEnabled(self.db.location.path is not None)
        backup_action.triggered.connect(self.save_backup)
        file_menu.addAction(backup_action)
        restore_action = QAction(self.tr("Datensicherung &wiederherstellen …"), self)
        restore_action.setEnabled(self.db.location.path is not None and not self.db.read_only)
        restore_action.triggered.connect(self.open_restore)
        file_menu.addAction(restore_action)
        file_menu.addSeparator()
        self.undo_import_action = QAction(self.tr("Import &rückgängig …"), self)
        self.undo_import_action.setEnabled(not self.db.read_only)
        self.undo_import_action.triggered.connect(self.open_import_undo)
        file_menu.addAction(self.undo_import_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Bearbeiten"))
        find_action = QAction(self.tr("&Suchen"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(
            lambda: self.tabs.currentWidget().focus_search()  # type: ignore[attr-defined]
        )
        edit_menu.addAction(find_action)
        edit_menu.addSeparator()
        settings_action = QAction(self.tr("&Einstellungen …"), self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.open_settings)
        edit_menu.addAction(settings_action)
        funders_action = QAction(self.tr("&Fördermittelgeber …"), self)
        funders_action.triggered.connect(self.open_funders)
        edit_menu.addAction(funders_action)
        lists_action = QAction(self.tr("&Listen (Zielgruppen, Stadtteile, Arten) …"), self)
        lists_action.triggered.connect(self.open_reference_lists)
        edit_menu.addAction(lists_action)
        mail_action = QAction(self.tr("&Mailkonto und Mailtexte …"), self)
        mail_action.triggered.connect(lambda: MailSettingsDialog(self.db, self).exec())
        edit_menu.addAction(mail_action)

        view_menu = self.menuBar().addMenu(self.tr("&Ansicht"))
        refresh_action = QAction(self.tr("&Aktualisieren"), self)
        refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh_action.triggered.connect(self.refresh_current)
        view_menu.addAction(refresh_action)
        view_menu.addSeparator()
        for number in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(number).replace("&", ""), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Hilfe"))
        manual_action = QAction(self.tr("&Handbuch"), self)
        manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        manual_action.triggered.connect(self.open_manual)
        help_menu.addAction(manual_action)
        about_action = QAction(self.tr("Ü&ber Patenbüro"), self)
        about_action.triggered.connect(lambda: show_about(self, self.db))
        help_menu.addAction(about_action)

    def open_manual(self) -> None:
        """F1: the manual's page about the current tab, in a window beside the program."""
        if self.manual is None:
            self.manual = ManualDialog(self)
        self.manual.show_page(MANUAL_PAGES[self.tabs.currentIndex()])
        self.manual.show()
        self.manual.raise_()

    def show_print(self, key: str, **choice: object) -> None:
        """Switch to the Druck tab with a document chosen for an event or projects."""
        self.tabs.setCurrentWidget(self.print_tab)
        self.print_tab.show_document(key, **choice)  # type: ignore[arg-type]

    def save_current(self) -> None:
        """Strg+S: save the form of the current tab, if it has one."""
        tab = self.tabs.currentWidget()
        pages = getattr(tab, "pages", None)
        page = pages.currentWidget() if pages is not None else None
        save = getattr(page, "save", None) or getattr(tab, "save", None)
        form = getattr(tab, "form", None)
        if save is getattr(tab, "save", None) and form is not None and not form.isEnabled():
            return  # no record open: nothing to save
        if save is not None and save():
            self.statusBar().showMessage(self.tr("Gespeichert."), 3000)

    def open_reference_lists(self) -> None:
        ReferenceDialog(self.db, self).exec()
        self.projects_tab.refresh()
        self.inquiries_tab.refresh()
        self.plan_tab.refresh()

    def open_settings(self) -> None:
        if SettingsDialog(self.db, self).exec():
            self.statusBar().showMessage(self.tr("Einstellungen gespeichert."), 4000)
            self.print_tab.schedule_preview()

    def open_funders(self) -> None:
        FundersDialog(self.db, self).exec()
        self.print_tab.schedule_preview()

    def save_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Datensicherung speichern"),
            folders.start_path(
                folders.BACKUP, default_backup_name(), fallback=backup_folder(self.db.location)
            ),
            self.tr("Patenbüro-Sicherung (*.sqlite3)"),
        )
        if not path:
            return
        folders.remember(folders.BACKUP, path)
        try:
            # The file dialog has already asked before replacing an existing file.
            facts = backup_database(self.db, Path(path), overwrite=True)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Datensicherung"), str(error))
            return
        self.statusBar().showMessage(
            self.tr("Gesichert und geprüft: %1").replace("%1", str(facts.path)), 6000
        )

    def open_import_undo(self) -> None:
        """Datei → Import rückgängig: the past imports; the tabs reload after an undo."""
        if open_import_undo(self.db, self):
            self.refresh_all()
            self.statusBar().showMessage(self.tr("Import rückgängig gemacht."), 6000)

    def open_restore(self) -> None:
        from patenbuero.ui.restore_dialog import RestoreDialog

        for tab in self.all_tabs():
            confirm_leave = getattr(tab, "confirm_leave", None)
            if confirm_leave is not None and not confirm_leave():
                self.tabs.setCurrentWidget(tab)
                return
        dialog = RestoreDialog(self.db, self)
        if dialog.exec() and dialog.result_of_restore is not None:
            self.refresh_all()
            self.statusBar().showMessage(
                self.tr("Sicherung wiederhergestellt; der vorige Stand liegt unter %1.").replace(
                    "%1", str(dialog.result_of_restore.kept_copy)
                ),
                10000,
            )

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        tab = settings.value("main_window/tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))

    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in self.all_tabs():
            confirm_leave = getattr(tab, "confirm_leave", None)
            if confirm_leave is not None and not confirm_leave():
                self.tabs.setCurrentWidget(tab)
                event.ignore()
                return
        self.print_tab.shutdown()
        self.lock_wait_notice.stop()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        save_view_state(self, settings)
        super().closeEvent(event)
