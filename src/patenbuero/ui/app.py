"""Starts the window: German Qt, the database (migrated), first-start offer, main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from patenbuero.errors import UserError
from patenbuero.resource_files import resource_dir
from patenbuero.services.core.database import Database
from patenbuero.ui import gc_policy
from patenbuero.ui.common import shortcuts
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.translations import install_german

if TYPE_CHECKING:
    from patenbuero.db.backup import BackupFacts
    from patenbuero.ui.single_instance import InstanceServer

# Only what the first paint needs is imported above; the rest of the start (the
# instance lock, crash report, recovery, the listener for a second start) where used.

ORGANISATION = "Freiwilligen-Agentur Halle"
APPLICATION = "Patenbuero"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Patenbüro")
    app.setWindowIcon(window_icon())
    install_german(app)
    shortcuts.install_dialog_save_shortcut(app)
    return app


def window_icon() -> QIcon:
    """The icon in every rendered size (no SVG plugin needed), else the SVG itself.

    Each file is added with the size in its name, so Qt reads only the sizes it draws."""
    icons = resource_dir("icons")
    icon = QIcon()
    for png in sorted((icons / "png").glob("patenbuero-*.png")):
        size = png.stem.rpartition("-")[2]
        icon.addFile(str(png), QSize(int(size), int(size)) if size.isdigit() else QSize())
    if icon.isNull():
        icon = QIcon(str(icons / "patenbuero.svg"))
    return icon


def open_main_window(db: Database, *, ask_for_demo: bool = True) -> MainWindow:
    """The window paints first; then the start-up work runs and the tab on screen loads."""
    gc_policy.hold()  # no collection passes while the start imports and loads
    app = QApplication.instance()
    resume = shortcuts.pause(app) if isinstance(app, QApplication) else None
    window = MainWindow(db, load_later=True)
    if resume is not None:
        window.first_shown.connect(resume)
        window.destroyed.connect(resume)  # never shown (tests, tools)
    window.about_to_load.connect(lambda: prepare_data(window, ask_for_demo=ask_for_demo))
    window.first_loaded.connect(gc_policy.settle)
    QTimer.singleShot(GC_HELD_AT_MOST_MS, gc_policy.settle)  # should loading fail
    return window


GC_HELD_AT_MOST_MS = 30_000


def prepare_data(window: MainWindow, *, ask_for_demo: bool) -> None:
    """After the first paint, before the first rows are read: the first-start offer of
    demo data and the erasures held back only by a proof period that has ended."""
    from patenbuero.services.core.import_journal import forget_old_runs
    from patenbuero.services.core.info import is_empty
    from patenbuero.services.privacy.retention import erase_expired_restrictions

    if ask_for_demo and is_empty(window.db):
        from patenbuero.ui.first_start import offer_demo_data

        offer_demo_data(window.db, window)
    erase_expired_restrictions(window.db)
    forget_old_runs(window.db)  # the import journal's old values (personal data) after 90 days


def daily_backup(window: MainWindow) -> None:
    """The automatic backup of the day, in a worker thread (a large database takes
    seconds); a failure is shown, it does not stop the work."""
    from patenbuero.services.core.backup import backup_if_due
    from patenbuero.ui.common.background import start_in_background

    def done(facts: BackupFacts | None, error: UserError | None) -> None:
        if error is not None:
            QMessageBox.warning(window, window.tr("Automatische Datensicherung"), str(error))
        elif facts is not None:
            window.statusBar().showMessage(
                window.tr("Tägliche Datensicherung geschrieben und geprüft: %1").replace(
                    "%1", facts.path.name
                ),
                8000,
            )

    start_in_background(window, lambda: backup_if_due(window.db), done)


def run_gui(db_target: str | None, *, earlier_crash: Path | None = None) -> int:
    from patenbuero.services.core.instance_lock import AlreadyRunning, acquire
    from patenbuero.ui import self_test
    from patenbuero.ui.crash_dialog import install_excepthook, tell_about_earlier_crash
    from patenbuero.ui.start_recovery import open_or_recover

    app = create_application()
    install_excepthook()
    if earlier_crash is not None:
        tell_about_earlier_crash(earlier_crash)
    db = open_or_recover(db_target)
    if db is None:
        return 1
    lock = None
    if db.location.path is not None and not db.read_only:
        try:
            lock = acquire(db.location.path)
        except AlreadyRunning as running:
            db.dispose()
            tell_already_running(db.location.path, str(running))
            return 0
        except UserError as error:
            db.dispose()
            QMessageBox.critical(None, "Patenbüro", str(error))
            return 1
    checking = self_test.requested()
    window = open_main_window(db, ask_for_demo=not checking)
    window.first_loaded.connect(lambda: daily_backup(window))  # after the first rows show
    servers: list[InstanceServer] = []
    if lock is not None:  # a second start knocks here; listening begins after the paint
        database = lock.database

        def listen() -> None:  # with the first rows, or before the first-start offer
            if not servers:
                servers.append(_listen(database, window))

        window.first_shown.connect(listen)
        window.about_to_load.connect(listen)
    window.show()
    if checking:
        QTimer.singleShot(0, lambda: self_test.report_and_quit(window))
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        if lock is not None:
            lock.release()
        db.dispose()


def _listen(database: Path, window: MainWindow) -> InstanceServer:
    from patenbuero.ui.single_instance import InstanceServer, show_in_front

    return InstanceServer(database, lambda: show_in_front(window))


def tell_already_running(database: Path, message: str) -> None:
    """The second start: bring the first window forward and say so."""
    from patenbuero.ui.single_instance import bring_running_to_front

    if bring_running_to_front(database):
        message += " " + QApplication.translate(
            "app", "Das geöffnete Fenster wurde nach vorn geholt."
        )
    QMessageBox.information(None, "Patenbüro", message)
