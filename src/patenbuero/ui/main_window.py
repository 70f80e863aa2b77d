"""The main window: five tabs, menus, status bar, remembered geometry."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSettings, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from patenbuero.ui import gc_policy
from patenbuero.ui.common.lock_wait_notice import LockWaitNotice
from patenbuero.ui.window_menus import build_menus
from patenbuero.ui.window_tabs import TAB_NAMES, build_tab

if TYPE_CHECKING:
    from patenbuero.services.core.database import Database
    from patenbuero.ui.inquiries.tab import InquiriesTab
    from patenbuero.ui.manual_dialog import ManualDialog
    from patenbuero.ui.persons.tab import PersonsTab
    from patenbuero.ui.plan.tab import PlanTab
    from patenbuero.ui.printing.tab import PrintTab
    from patenbuero.ui.privacy.view import PrivacyView
    from patenbuero.ui.projects.tab import ProjectsTab
    from patenbuero.ui.quick_start import QuickStart
    from patenbuero.ui.registrations.tab import RegistrationsTab

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
    """The tabs of the office. ``load_later``: the window paints first and then builds and
    loads the tab on screen; every other tab is built and loaded when it is first shown
    (the program start does so; tests and tools get every tab built and loaded at once)."""

    first_loaded = Signal()
    undo_import_action: QAction  # Datei → Import rückgängig (off on a read-only file)
    # The window has painted and shows the first rows of the tab on screen (the rest of
    # the start may still be loading): the program start's later work waits for it.
    first_shown = Signal()
    # Emitted after the first paint, before the first tab reads anything (program start).
    about_to_load = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, load_later: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.manual: ManualDialog | None = None
        self._load_later = load_later
        self._wait_for_paint = load_later
        self._unloaded: list[QWidget] = []
        self._built: dict[str, QWidget] = {}
        self._quick_start: QuickStart | None = None  # the rest of the start still loading
        self.setWindowTitle(self.tr("Patenbüro – Patenschaftsnetzwerk Halle"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        titles = (
            self.tr("&Mitgliedsprojekte"),
            self.tr("&Jahresplanung"),
            self.tr("&Anmeldungen"),
            self.tr("&Druck"),
            self.tr("An&fragen"),
            self.tr("&Personen"),
            self.tr("Daten&schutz"),
        )
        for title in titles:
            self.tabs.addTab(self._stand_in(), title)  # until the tab is built
        self.setCentralWidget(self._with_banner(self.tabs))
        build_menus(self)
        self.statusBar().showMessage(self.tr("Datenbank: %1").replace("%1", db.location.display))
        self.lock_wait_notice = LockWaitNotice(self)
        self._restore_geometry()
        if not load_later:
            for name in TAB_NAMES:
                self._tab(name)
            self.refresh_all()
        self.tabs.currentChanged.connect(self._load_current)

    def _stand_in(self) -> QLabel:
        # Centred through the style sheet: the first paint goes without PySide's Qt
        # namespace, whose enums alone take 13-17 ms to build (see test_start_imports).
        label = QLabel(self.tr("Wird geladen …"))
        label.setStyleSheet("color: #555; font-size: 11pt; qproperty-alignment: AlignCenter;")
        return label

    # The tabs, built on first use.
    @property
    def projects_tab(self) -> ProjectsTab:
        return cast("ProjectsTab", self._tab("projects_tab"))

    @property
    def plan_tab(self) -> PlanTab:
        return cast("PlanTab", self._tab("plan_tab"))

    @property
    def registrations_tab(self) -> RegistrationsTab:
        return cast("RegistrationsTab", self._tab("registrations_tab"))

    @property
    def print_tab(self) -> PrintTab:
        return cast("PrintTab", self._tab("print_tab"))

    @property
    def inquiries_tab(self) -> InquiriesTab:
        return cast("InquiriesTab", self._tab("inquiries_tab"))

    @property
    def persons_tab(self) -> PersonsTab:
        return cast("PersonsTab", self._tab("persons_tab"))

    @property
    def privacy_view(self) -> PrivacyView:
        return cast("PrivacyView", self._tab("privacy_view"))

    def built_tab(self, name: str) -> QWidget | None:
        """The tab if it has been built (a tab never shown has nothing to refresh or save)."""
        return self._built.get(name)

    def _tab(self, name: str) -> QWidget:
        tab = self._built.get(name)
        if tab is not None:
            return tab
        tab = build_tab(name, self.db)
        self._built[name] = tab
        index = TAB_NAMES.index(name)
        stand_in = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        title = self.tabs.tabText(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        if stand_in is not None:
            stand_in.deleteLater()
        from patenbuero.ui.common.view_state import restore_view_state
        from patenbuero.ui.remembered import mark_remembered
        from patenbuero.ui.row_menus import add_row_menus

        mark_remembered(self, name)
        add_row_menus(self, name)
        restore_view_state(tab)
        if self._load_later:
            self._unloaded.append(tab)
        return tab

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
        """The tabs built so far, in the order of the tab bar."""
        return [tab for name in TAB_NAMES if (tab := self._built.get(name)) is not None]

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
        from patenbuero.ui.quick_start import start_quickly

        self._quick_start = start_quickly(self)  # the first rows without the ORM
        if self._quick_start is not None:
            self.first_shown.emit()
            return
        self.about_to_load.emit()
        self._load_current()
        self.first_shown.emit()
        self.first_loaded.emit()

    def quick_start_done(self) -> None:
        """The last step of the quick start: the projects tab is loaded now."""
        self._quick_start = None
        projects = self._built["projects_tab"]
        if projects in self._unloaded:
            self._unloaded.remove(projects)
        self._load_current()  # another tab, if the user switched meanwhile
        self.first_loaded.emit()

    def _load_current(self, *_args: object) -> None:
        if self._wait_for_paint:
            return
        if self._quick_start is not None:
            self._quick_start.finish_now()  # which loads the tab on screen
            return
        tab = self._tab(TAB_NAMES[self.tabs.currentIndex()])
        if tab not in self._unloaded:
            return
        self._unloaded.remove(tab)
        tab.refresh()  # type: ignore[attr-defined]
        if gc.isenabled():  # (at the start it is held until the first rows show)
            gc_policy.set_aside()  # the tab's modules, widgets and rows stay

    def refresh_current(self) -> None:
        if self._quick_start is not None:
            self._quick_start.finish_now()  # (the projects tab's refresh)
        else:
            self.tabs.currentWidget().refresh()  # type: ignore[attr-defined]
        self.statusBar().showMessage(self.tr("Aktualisiert."), 3000)

    def open_about(self) -> None:
        from patenbuero.ui.about_dialog import show_about

        show_about(self, self.db)

    def open_mail_settings(self) -> None:
        from patenbuero.ui.mail.settings_dialog import MailSettingsDialog

        MailSettingsDialog(self.db, self).exec()

    def open_manual(self) -> None:
        """F1: the manual's page about the current tab, in a window beside the program."""
        from patenbuero.ui.manual_dialog import ManualDialog

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
        from patenbuero.ui.projects.reference_dialog import ReferenceDialog

        ReferenceDialog(self.db, self).exec()
        self._refresh_built("projects_tab", "inquiries_tab", "plan_tab")

    def _refresh_built(self, *names: str) -> None:
        for name in names:
            tab = self._built.get(name)
            if tab is not None and tab not in self._unloaded:
                tab.refresh()  # type: ignore[attr-defined]

    def _print_preview_again(self) -> None:
        printing = self._built.get("print_tab")
        if printing is not None:
            printing.schedule_preview()  # type: ignore[attr-defined]

    def open_settings(self) -> None:
        from patenbuero.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.db, self).exec():
            self.statusBar().showMessage(self.tr("Einstellungen gespeichert."), 4000)
            self._print_preview_again()

    def open_funders(self) -> None:
        from patenbuero.ui.common.funding import FundersDialog

        FundersDialog(self.db, self).exec()
        self._print_preview_again()

    def save_backup(self) -> None:
        """Datei › Datensicherung speichern (in a worker thread, with Abbrechen)."""
        from patenbuero.ui.backup_action import save_backup

        save_backup(self)

    def open_import_undo(self) -> None:
        """Datei → Import rückgängig: the past imports; the tabs reload after an undo."""
        from patenbuero.ui.imports.undo_dialog import open_import_undo

        if open_import_undo(self.db, self):
            self._forget_open_records()
            self.refresh_all()
            self.statusBar().showMessage(self.tr("Import rückgängig gemacht."), 6000)

    def _forget_open_records(self) -> None:
        projects = self._built.get("projects_tab")
        if projects is not None:
            cast("ProjectsTab", projects).forget_open_record()

    def open_restore(self) -> None:
        from patenbuero.ui.restore_dialog import RestoreDialog

        if not self._tabs_may_be_left():
            return
        dialog = RestoreDialog(self.db, self)
        if dialog.exec() and dialog.result_of_restore is not None:
            self._forget_open_records()
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

    def _tabs_may_be_left(self) -> bool:
        """Each tab with unsaved edits asks (and is shown); False if the user stays."""
        for tab in self.all_tabs():
            confirm_leave = getattr(tab, "confirm_leave", None)
            if confirm_leave is not None and not confirm_leave():
                self.tabs.setCurrentWidget(tab)
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._tabs_may_be_left():
            event.ignore()
            return
        printing = self._built.get("print_tab")
        if printing is not None:
            printing.shutdown()  # type: ignore[attr-defined]
        for job in self.findChildren(QThread):  # the daily backup may still be running
            job.wait()
        self.lock_wait_notice.stop()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self.tabs.currentIndex())
        for tab in self.all_tabs():
            from patenbuero.ui.common.view_state import save_view_state

            save_view_state(tab, settings)
        super().closeEvent(event)
