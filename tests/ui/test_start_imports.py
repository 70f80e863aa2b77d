"""The window paints before the heavy libraries load: checked by the modules a fresh
interpreter has imported at each step (no timing)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.databases import target_of

HEAVY = ("sqlalchemy", "reportlab", "openpyxl", "patenbuero.pdf", "patenbuero.db.models")


def _imported_after(code: str) -> dict[str, bool]:
    probe = (
        "import sys\n" + code + f"\nfor name in {HEAVY!r}:\n    print(name, name in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert result.returncode == 0, result.stderr
    found = dict(line.split() for line in result.stdout.splitlines() if line.strip())
    return {name: value == "True" for name, value in found.items()}


@pytest.mark.sqlite_only("a file is checked without SQLAlchemy; a server needs it from the start")
def test_the_window_is_built_and_shown_before_sqlalchemy_or_pdf_load(db) -> None:
    path = Path(db.location.path)  # an existing database at the current schema
    imported = _imported_after(
        "from patenbuero.ui.app import create_application, open_main_window\n"
        "from patenbuero.services.core.database import open_database\n"
        "app = create_application(['test'])\n"
        f"window = open_main_window(open_database({str(path)!r}), ask_for_demo=False)\n"
        "window.show()\n"
        "import PySide6.QtCore\n"
        "print('qt_namespace', 'Qt' in vars(PySide6.QtCore))\n"
    )
    # PySide builds its Qt namespace (13-17 ms of enums) when it is first used: not before
    # the first paint (the bare window of the benchmark does without it too).
    assert imported.pop("qt_namespace") is False
    assert imported == dict.fromkeys(HEAVY, False)  # not even SQLAlchemy: the file's
    # schema version is read with plain sqlite3


def test_after_the_first_paint_only_the_tab_on_screen_is_built(db) -> None:
    imported_modules = _imported_after(
        "from PySide6.QtCore import QTimer\n"
        "from patenbuero.ui.app import create_application, open_main_window\n"
        "from patenbuero.services.core.database import open_database\n"
        "app = create_application(['test'])\n"
        f"window = open_main_window(open_database({target_of(db)!r}), "
        "ask_for_demo=False)\n"
        "window.tabs.setCurrentIndex(0)\n"
        "window.first_loaded.connect(app.quit)\n"
        "window.show()\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
        "print('projects', 'patenbuero.ui.projects.tab' in sys.modules)\n"
        "print('printing', 'patenbuero.ui.printing.tab' in sys.modules)\n"
    )
    # The projects tab read its rows (SQLAlchemy and the models), the Druck tab was not
    # built, so no PDF library was loaded.
    assert imported_modules["projects"] and not imported_modules["printing"]
    assert imported_modules["sqlalchemy"] and imported_modules["patenbuero.db.models"]
    assert not imported_modules["reportlab"] and not imported_modules["patenbuero.pdf"]


def test_the_tabs_without_pdfs_load_no_pdf_or_mail_library() -> None:
    imported = _imported_after(
        "import patenbuero.ui.projects.tab, patenbuero.ui.plan.tab\n"
        "import patenbuero.ui.registrations.tab, patenbuero.ui.inquiries.tab\n"
        "print('keyring', 'keyring' in sys.modules)\n"
    )
    assert not imported["reportlab"] and not imported["patenbuero.pdf"]
    assert not imported["keyring"]


def test_the_pdf_package_loads_a_document_when_it_is_named() -> None:
    imported = _imported_after(
        "import patenbuero.pdf\n"
        "print('bare', 'reportlab' in sys.modules)\n"
        "from patenbuero.pdf import build_flyer\n"
        "print('named', 'patenbuero.pdf.flyer' in sys.modules and callable(build_flyer))\n"
    )
    assert imported["bare"] is False and imported["named"] is True


@pytest.mark.sqlite_only("the first rows are read from the file with plain sqlite3")
def test_the_projects_tab_shows_its_first_rows_without_sqlalchemy(sqlite_demo_db) -> None:
    # What the program start does right after the first paint, in a fresh interpreter:
    # the tab and every module it imports load without SQLAlchemy and the models.
    imported = _imported_after(
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['test'])\n"
        "from patenbuero.services.core.database import open_database\n"
        "from patenbuero.services.projects.first_rows import read_first_rows\n"
        "from patenbuero.ui.projects.tab import ProjectsTab\n"
        f"db = open_database({str(sqlite_demo_db.location.path)!r})\n"
        "tab = ProjectsTab(db)\n"
        "tab.show_first_rows(read_first_rows(db))\n"
        "tab.show()\n"
        "app.processEvents()\n"
        "print('rows', tab.list.model.rowCount() >= 30)\n"
    )
    assert imported.pop("rows") is True
    assert imported == dict.fromkeys(HEAVY, False)
