"""Write a PNG of every tab, on a fresh demo database, to the folder given (docs/screenshots).

The same pictures, at the size of a 1280 × 720 laptop screen, go into the user manual
(resources/manual/bilder/), so that the manual shows the program as it is. Run with
`make screenshots` (offscreen Qt, no screen needed).
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt

from patenbuero.services.core.database import open_database
from patenbuero.services.demo import fill_demo_data
from patenbuero.ui.app import create_application
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.projects.reference_dialog import ReferenceDialog

TAB_FILES = [
    "mitgliedsprojekte",
    "jahresplanung",
    "anmeldungen",
    "druck",
    "anfragen",
    "personen",
    "datenschutz",
]
MANUAL_PICTURES = Path(__file__).resolve().parents[1] / "resources" / "manual" / "bilder"


def settle(app, seconds: float = 1.5) -> None:  # type: ignore[no-untyped-def]
    """Let threaded work (the PDF preview renders pages in the background) arrive."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def show_a_person(tab) -> None:  # type: ignore[no-untyped-def]
    """The page of a participant found with another spelling (Mueller finds Müller)."""
    tab.search.setText("Mueller")
    from patenbuero.services.privacy.page import person_page

    rows = tab.model.rows()
    with_registrations = [
        i
        for i, row in enumerate(rows)
        if row.ref_text.startswith("P") and person_page(tab._db, row.ref).registrations
    ]
    if rows:
        tab.table.selectRow(with_registrations[0] if with_registrations else 0)


def main(target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = create_application(["screenshots"])
        db = open_database(str(Path(folder) / "demo.sqlite3"))
        fill_demo_data(db, "small")
        window = MainWindow(db)
        window.resize(1400, 820)
        window.show()
        tab = window.registrations_tab
        now = datetime.datetime.now()
        waiting = [r for r in tab.events.model.rows() if r.waitlisted and r.starts_at > now]
        if waiting:
            tab.select_event(waiting[0].id)
        for number, name in enumerate(TAB_FILES):
            window.tabs.setCurrentIndex(number)
            app.processEvents()
            if window.tabs.currentWidget() is window.persons_tab:
                show_a_person(window.persons_tab)
                app.processEvents()
            if window.tabs.currentWidget() is window.print_tab:
                window.print_tab.update_preview()
                window.print_tab.builder.wait()
                settle(app)
            path = target / f"{number + 1:02d}-{name}.png"
            window.grab().save(str(path))
            print(path)
            window.resize(1280, 720)
            app.processEvents()
            picture = window.grab().scaledToWidth(960, Qt.TransformationMode.SmoothTransformation)
            picture.save(str(MANUAL_PICTURES / f"{name}.png"))
            window.resize(1400, 820)
            app.processEvents()
            if window.tabs.currentWidget() is window.plan_tab:
                window.plan_tab.show_view(1)
                app.processEvents()
                path = target / f"{number + 1:02d}-{name}-liste.png"
                window.grab().save(str(path))
                print(path)
                window.plan_tab.show_view(0)
        window.tabs.setCurrentIndex(1)
        window.open_manual()
        assert window.manual is not None
        app.processEvents()
        path = target / "08-handbuch.png"
        window.manual.grab().save(str(path))
        print(path)
        window.manual.close()
        lists = ReferenceDialog(db, window)
        lists.resize(1280, 720)
        lists.tabs.setCurrentWidget(lists.event_kinds)
        lists.show()
        app.processEvents()
        path = target / "09-listen.png"
        lists.grab().save(str(path))
        print(path)
        lists.close()
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
