"""Starts the window: German Qt, the database (migrated), first-start offer, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from patenbuero.errors import UserError
from patenbuero.resource_files import resource_dir
from patenbuero.services.core.database import Database, open_database
from patenbuero.services.core.info import is_empty
from patenbuero.ui.common.shortcuts import install_dialog_save_shortcut
from patenbuero.ui.crash_dialog import install_excepthook, tell_about_earlier_crash
from patenbuero.ui.first_start import offer_demo_data
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.translations import install_german

ORGANISATION = "Freiwilligen-Agentur Halle"
APPLICATION = "Patenbuero"


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Patenbüro")
    icon = resource_dir("icons") / "patenbuero.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_german(app)
    install_dialog_save_shortcut(app)
    return app


def open_main_window(db: Database, *, ask_for_demo: bool = True) -> MainWindow:
    if ask_for_demo and is_empty(db):
        offer_demo_data(db)
    return MainWindow(db)


def run_gui(db_target: str | None, *, earlier_crash: Path | None = None) -> int:
    app = create_application()
    install_excepthook()
    if earlier_crash is not None:
        tell_about_earlier_crash(earlier_crash)
    try:
        db = open_database(db_target)
    except UserError as error:
        QMessageBox.critical(None, "Patenbüro", str(error))
        return 1
    window = open_main_window(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.dispose()
