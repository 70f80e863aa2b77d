"""A day at the office in a few minutes: drive every tab on the large demo database.

`make soak` runs this script. It runs the actions in a child process, so that a hard
crash (such as "deallocating None") is reported with its signal instead of ending
the script, and prints the figures: actions, minutes, memory, references to None.

    python tools/soak.py [--actions 3000] [--db build/large-demo.sqlite3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from large_demo import DEFAULT_PATH as DEFAULT_DB
from large_demo import ensure_large_demo


def rss_mb() -> float:
    """Resident memory of this process now (Linux), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


class Session:
    """The scripted user: each action is what a person does with mouse and keys."""

    def __init__(self, db_path: Path, folder: Path, seed: int) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QFileDialog

        from patenbuero.services.core.database import open_database
        from patenbuero.services.plan.use_cases import list_events
        from patenbuero.ui.app import create_application
        from patenbuero.ui.main_window import MainWindow

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        self.app = create_application(["soak"])
        self.db = open_database(str(db_path))
        self.random = random.Random(seed)
        self.folder = folder
        self.pdf_target = folder / "soak.pdf"
        QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
            lambda *_a, **_k: (str(self.pdf_target), "")
        )
        this_year = dt.date.today().year
        self.event_ids = [row.id for row in list_events(self.db, this_year)]
        self.window = MainWindow(self.db)
        self.window.resize(1280, 760)
        self.window.show()
        self.settle()
        self.window.registrations_tab.confirm = lambda *_a: True  # type: ignore[method-assign]
        self.window.registrations_tab.show_moved_up = lambda *_a: None  # type: ignore[method-assign]
        self.counts: dict[str, int] = {}
        self.actions = [
            self.search_projects,
            self.switch_year,
            self.open_event,
            self.choose_event,
            self.register,
            self.cancel,
            self.search_inquiries,
            self.refresh,
            self.preview,
            self.save_pdf,
        ]

    def settle(self) -> None:
        """What the event loop does between two clicks, deferred deletions included."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def run_one(self) -> None:
        action = self.random.choice(self.actions)
        action()
        self.settle()
        self.counts[action.__name__] = self.counts.get(action.__name__, 0) + 1

    def _type(self, widget, text: str) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtTest import QTest

        widget.setFocus()
        QTest.keyClicks(widget, text)

    def search_projects(self) -> None:
        tab = self.window.projects_tab
        self.window.tabs.setCurrentWidget(tab)
        field = tab.list.search_field
        field.clear()
        self._type(field, self.random.choice(["pat", "lese", "kinder", "halle", "xyz", "str"]))
        tab.list.table.repaint()
        field.clear()

    def switch_year(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        tab = self.window.plan_tab
        self.window.tabs.setCurrentWidget(tab)
        key = Qt.Key.Key_Up if self.random.random() < 0.5 else Qt.Key.Key_Down
        tab.year.setFocus()
        QTest.keyClick(tab.year, key)
        if abs(tab.year.value() - dt.date.today().year) > 2:
            tab.year.setValue(dt.date.today().year)
        tab.overview.repaint()

    def open_event(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from patenbuero.ui.plan.event_dialog import EventDialog

        dialog = EventDialog(self.db, self.random.choice(self.event_ids), parent=self.window)
        dialog.show()
        dialog.repaint()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.deleteLater()

    def choose_event(self) -> None:
        tab = self.window.registrations_tab
        self.window.tabs.setCurrentWidget(tab)
        tab.select_event(self.random.choice(self.event_ids))
        tab.registrations.table.repaint()

    def register(self) -> None:
        from patenbuero.services.registrations.persons import PersonInput
        from patenbuero.services.registrations.use_cases import register_person

        tab = self.window.registrations_tab
        self.window.tabs.setCurrentWidget(tab)
        if tab._event is None:
            return
        number = self.random.randrange(1_000_000)
        person = PersonInput("Soak", f"Test{number}", email=f"soak{number}@example.org")
        outcome = register_person(self.db, tab._event.id, person, allow_late=True)
        tab.say(outcome.message)
        tab.reload_event()

    def cancel(self) -> None:
        tab = self.window.registrations_tab
        self.window.tabs.setCurrentWidget(tab)
        rows = [r for r in tab.registrations.model.rows() if r.status != "cancelled"]
        if not rows:
            return
        tab.registrations.select_row_id(self.random.choice(rows).id)
        tab.cancel_selected()

    def search_inquiries(self) -> None:
        tab = self.window.inquiries_tab
        self.window.tabs.setCurrentWidget(tab)
        field = tab.list.search_field
        field.clear()
        self._type(field, self.random.choice(["mar", "kind", "ali", "oz"]))
        field.clear()

    def refresh(self) -> None:
        self.window.refresh_current()

    def preview(self) -> None:
        tab = self.window.print_tab
        self.window.tabs.setCurrentWidget(tab)
        tab.documents.setCurrentRow(self.random.randrange(tab.documents.count()))
        self._wait_for_preview()

    def save_pdf(self) -> None:
        tab = self.window.print_tab
        self.window.tabs.setCurrentWidget(tab)
        if tab.result is None:
            self._wait_for_preview()
        tab.save_pdf()

    def _wait_for_preview(self) -> None:
        tab = self.window.print_tab
        done: list[bool] = []
        tab.builder.ready.connect(lambda *_: done.append(True))
        tab.builder.failed.connect(lambda *_: done.append(True))
        tab.update_preview()
        deadline = time.monotonic() + 60
        while not done and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
        tab.builder.ready.disconnect()
        tab.builder.failed.disconnect()
        tab.builder.ready.connect(tab._on_ready)
        tab.builder.failed.connect(tab._on_failed)
        tab.preview.viewport().repaint()

    def close(self) -> None:
        self.window.close()
        self.db.dispose()


def child(db_template: Path, actions: int, seed: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    with tempfile.TemporaryDirectory(prefix="patenbuero-soak-") as folder:
        work = Path(folder) / "soak.sqlite3"
        shutil.copyfile(db_template, work)
        started = time.monotonic()
        session = Session(work, Path(folder), seed)
        gc.collect()
        none_start = sys.getrefcount(None)
        rss_start = rss_mb()
        print(f"Fenster bereit nach {time.monotonic() - started:.1f} s, {rss_start:.0f} MB")
        samples: list[float] = []
        for number in range(1, actions + 1):
            session.run_one()
            if number % max(1, actions // 20) == 0:
                samples.append(rss_mb())
                print(f"  {number:>6} Aktionen  {samples[-1]:7.0f} MB", flush=True)
        gc.collect()
        minutes = (time.monotonic() - started) / 60
        none_lost = none_start - sys.getrefcount(None)
        rss_end = rss_mb()
        session.close()
        warm = samples[len(samples) // 4] if samples else rss_start
        print()
        print("| Messgröße | Wert |")
        print("| --- | --- |")
        print(f"| Aktionen | {actions} |")
        print(f"| Dauer | {minutes:.1f} min |")
        print(f"| Speicher beim Start (Fenster gezeigt) | {rss_start:.0f} MB |")
        print(f"| Speicher nach einem Viertel | {warm:.0f} MB |")
        print(f"| Speicher am Ende | {rss_end:.0f} MB |")
        print(f"| Spitze | {peak_mb():.0f} MB |")
        print(f"| Referenzen auf None verloren | {none_lost} |")
        print(
            "| Aktionen je Art | "
            + ", ".join(f"{k} {v}" for k, v in sorted(session.counts.items()))
            + " |"
        )
        growth = rss_end - warm
        if growth > max(50.0, 0.25 * warm):
            print(f"Speicher wächst: +{growth:.0f} MB seit dem ersten Viertel.")
            return 1
        if none_lost > 1000:
            print("Die Qt-Version verliert Referenzen auf None (siehe pyproject.toml).")
            return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Dauerlauf über alle Reiter")
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.db, args.actions, args.seed)
    ensure_large_demo(args.db)
    command = [sys.executable, __file__, "--child", "--actions", str(args.actions)]
    command += ["--seed", str(args.seed), "--db", str(args.db)]
    result = subprocess.run(command, check=False)
    if result.returncode < 0:
        name = signal.Signals(-result.returncode).name
        print(f"Der Prozess ist abgestürzt ({name}).")
        return 1
    if result.returncode == 0:
        print("Der Prozess lief bis zum Ende; der Speicher blieb stabil.")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
