"""The main window's menu bar: Datei, Bearbeiten, Ansicht, Hilfe, with their shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from patenbuero.ui.main_window import MainWindow


def _set_shortcut(action: QAction, key: QKeySequence.StandardKey | str) -> None:
    """As ``action.setShortcut(key)``; PySide's overloads of setShortcut would build its Qt
    namespace (13-17 ms of enums) before the first paint, the list form does not."""
    action.setShortcuts([QKeySequence(key)])


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(window.tr("&Datei"))
    save_action = QAction(window.tr("&Speichern"), window)
    _set_shortcut(save_action, QKeySequence.StandardKey.Save)
    save_action.triggered.connect(window.save_current)
    file_menu.addAction(save_action)
    quit_action = QAction(window.tr("&Beenden"), window)
    _set_shortcut(quit_action, QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    backup_action = QAction(window.tr("Datensicherung &speichern …"), window)
    backup_action.setEnabled(window.db.location.path is not None)
    backup_action.triggered.connect(window.save_backup)
    file_menu.addAction(backup_action)
    restore_action = QAction(window.tr("Datensicherung &wiederherstellen …"), window)
    restore_action.setEnabled(window.db.location.path is not None and not window.db.read_only)
    restore_action.triggered.connect(window.open_restore)
    file_menu.addAction(restore_action)
    file_menu.addSeparator()
    window.undo_import_action = QAction(window.tr("Import &rückgängig …"), window)
    window.undo_import_action.setEnabled(not window.db.read_only)
    window.undo_import_action.triggered.connect(window.open_import_undo)
    file_menu.addAction(window.undo_import_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = window.menuBar().addMenu(window.tr("&Bearbeiten"))
    find_action = QAction(window.tr("&Suchen"), window)
    _set_shortcut(find_action, QKeySequence.StandardKey.Find)
    find_action.triggered.connect(
        lambda: window.tabs.currentWidget().focus_search()  # type: ignore[attr-defined]
    )
    edit_menu.addAction(find_action)
    edit_menu.addSeparator()
    settings_action = QAction(window.tr("&Einstellungen …"), window)
    _set_shortcut(settings_action, QKeySequence.StandardKey.Preferences)
    settings_action.triggered.connect(window.open_settings)
    edit_menu.addAction(settings_action)
    funders_action = QAction(window.tr("&Fördermittelgeber …"), window)
    funders_action.triggered.connect(window.open_funders)
    edit_menu.addAction(funders_action)
    lists_action = QAction(window.tr("&Listen (Zielgruppen, Stadtteile, Arten) …"), window)
    lists_action.triggered.connect(window.open_reference_lists)
    edit_menu.addAction(lists_action)
    mail_action = QAction(window.tr("&Mailkonto und Mailtexte …"), window)
    mail_action.triggered.connect(window.open_mail_settings)
    edit_menu.addAction(mail_action)

    view_menu = window.menuBar().addMenu(window.tr("&Ansicht"))
    refresh_action = QAction(window.tr("&Aktualisieren"), window)
    _set_shortcut(refresh_action, QKeySequence.StandardKey.Refresh)
    refresh_action.triggered.connect(window.refresh_current)
    view_menu.addAction(refresh_action)
    view_menu.addSeparator()
    for number in range(window.tabs.count()):
        action = QAction(window.tabs.tabText(number).replace("&", ""), window)
        _set_shortcut(action, f"Ctrl+{number + 1}")
        action.triggered.connect(lambda _checked=False, n=number: window.tabs.setCurrentIndex(n))
        view_menu.addAction(action)

    help_menu = window.menuBar().addMenu(window.tr("&Hilfe"))
    manual_action = QAction(window.tr("&Handbuch"), window)
    _set_shortcut(manual_action, QKeySequence.StandardKey.HelpContents)
    manual_action.triggered.connect(window.open_manual)
    help_menu.addAction(manual_action)
    about_action = QAction(window.tr("Ü&ber Patenbüro"), window)
    about_action.triggered.connect(window.open_about)
    help_menu.addAction(about_action)
