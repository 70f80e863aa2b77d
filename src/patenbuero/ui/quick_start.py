"""The program start on a SQLite file: the first project rows before SQLAlchemy.

Right after the first paint the projects tab is built (its modules import no SQLAlchemy)
and shows the rows read with plain sqlite3 (services/projects/first_rows). Meanwhile a
worker thread imports SQLAlchemy, the models and the services; then the rest of the
start runs on the GUI thread one short step per turn of the event loop: the start-up
work (``about_to_load``), the tab's own refresh (the first project opens), then the tab
on screen if the user switched. Whatever needs the rest earlier (choosing a project,
another tab, F5) finishes it at once, with the busy cursor.

A server, an empty database, another tab or sub-page on screen, or a file that cannot
be read take the usual way (:meth:`MainWindow._load_first`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication

from patenbuero.ui import gc_policy

if TYPE_CHECKING:
    from patenbuero.ui.main_window import MainWindow
    from patenbuero.ui.projects.tab import ProjectsTab

log = logging.getLogger(__name__)

# What the rest of the start needs, imported off the GUI thread.
MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "patenbuero.db.engine",
    "patenbuero.db.models",
    "patenbuero.services.core.info",
    "patenbuero.services.core.import_journal",
    "patenbuero.services.privacy.retention",
    "patenbuero.services.projects.use_cases",
    "patenbuero.services.projects.editing",
    "patenbuero.services.projects.contacts",
    "patenbuero.services.projects.mailing_list",
    "patenbuero.services.projects.organisations",
    "patenbuero.services.inquiries.follow_up",
    # What checking the first project's form needs (the phone numbers' library alone
    # takes 50 ms to import).
    "email_validator",
    "phonenumbers",
)


class _Loader(QThread):
    """Imports :data:`MODULES` and sets up the ORM's mappers (no database access)."""

    def run(self) -> None:
        try:
            for name in MODULES:
                importlib.import_module(name)
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
            gc_policy.set_aside_imports()
        except Exception:  # the GUI thread imports again and shows the error
            log.exception("Laden im Hintergrund fehlgeschlagen")


class QuickStart(QObject):
    """The rest of the start after the first rows: see the module text."""

    def __init__(self, window: MainWindow, tab: ProjectsTab) -> None:
        super().__init__(window)
        self._window = window
        self._tab = tab
        self._steps: list[Callable[[], None]] = [
            window.about_to_load.emit,
            *tab.refresh_steps(),
            self._done,
        ]
        self._loader = _Loader(self)
        self._loader.finished.connect(self._next_step)
        tab.finish_loading = self.finish_now
        self._loader.start()

    def _next_step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next_step)

    def _done(self) -> None:
        self._tab.finish_loading = None
        self._window.quick_start_done()

    def finish_now(self) -> None:
        """Everything that is left, at once (the user needs it now)."""
        self._tab.finish_loading = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._loader.wait()
            while self._steps:
                self._steps.pop(0)()
        finally:
            QApplication.restoreOverrideCursor()


def start_quickly(window: MainWindow) -> QuickStart | None:
    """Show the projects tab's first rows without the ORM; None: take the usual way."""
    from patenbuero.ui.window_tabs import TAB_NAMES

    if window.db.location.path is None:
        return None
    if TAB_NAMES[window.tabs.currentIndex()] != "projects_tab":
        return None
    from patenbuero.services.projects.first_rows import read_first_rows

    first = read_first_rows(window.db)
    if first is None or not first.projects:  # (an empty database: the demo offer first)
        return None
    tab = window.projects_tab
    if tab.pages.currentIndex() != 0:  # the Verteiler or Träger page on screen
        return None
    tab.show_first_rows(first)
    return QuickStart(window, tab)
