"""A start check for the installed program: `make package-test` and the Windows build use it.

With PATENBUERO_SELFTEST=1 the program opens its main window as usual, then prints
what a user would see of it (title, the German standard buttons, the icon sizes, the
tabs), the Python and Qt versions with a probe for the None leak of PySide6 6.12.0 on
Python 3.11, and quits with status 0, so a frozen build can be checked without a screen.
"""

from __future__ import annotations

import os
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QTabWidget

VARIABLE = "PATENBUERO_SELFTEST"


def requested() -> bool:
    return os.environ.get(VARIABLE, "") not in ("", "0")


def none_references_lost(calls: int = 2000) -> int:
    """How many references to None that many Qt calls take (PySide6 6.12.0 on 3.11: all)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("x")
    return before - sys.getrefcount(None)


def report_lines(window: QMainWindow) -> list[str]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
    tabs = getattr(window, "tabs", None)
    tab_names = (
        [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        if isinstance(tabs, QTabWidget)
        else []
    )
    sizes = sorted({s.width() for s in QApplication.windowIcon().availableSizes()})
    buttons.deleteLater()
    return [
        f"Fenster: {window.windowTitle()}",
        f"sichtbar: {'ja' if window.isVisible() else 'nein'}",
        f"Abbrechen-Knopf: {cancel}",
        f"Reiter: {', '.join(tab_names)}",
        f"Symbolgrößen: {' '.join(str(size) for size in sizes)}",
        f"Python {sys.version.split()[0]}, PySide6 {pyside_version}",
        f"None-Verlust nach 2000 Qt-Aufrufen: {none_references_lost()}",
    ]


def report_and_quit(window: QMainWindow) -> None:
    print("\n".join(report_lines(window)), flush=True)
    sys.stdout.flush()
    app = QApplication.instance()
    if app is not None:
        app.quit()
