"""Child process for start-up and memory figures: a bare Qt window, or Patenbüro's.

    python benchmarks/window_child.py bare|app|app-tabs [DB]

Prints ``painted``, ``rows`` (app: the first project rows are on screen) and
``rss <MB>`` lines the moment each happens; the parent times them from the spawn.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> None:
    mode = sys.argv[1]
    from measure import rss_mb
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    app = QApplication(["bench"])

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                say("painted")
                QTimer.singleShot(0, after_paint)
            return False

    if mode == "bare":
        window = QMainWindow()
        tabs = QTabWidget()
        for name in ("Eins", "Zwei", "Drei", "Vier", "Fünf"):
            tabs.addTab(QMainWindow(), name)
        window.setCentralWidget(tabs)
    else:
        from patenbuero.services.core.database import open_database
        from patenbuero.ui.app import create_application, open_main_window

        create_application(["bench"])
        db = open_database(sys.argv[2])
        window = open_main_window(db, ask_for_demo=False)

    def after_paint() -> None:
        if mode == "bare":
            say(f"rss {rss_mb():.1f}")
            os._exit(0)
        projects = window.projects_tab.list.model  # type: ignore[attr-defined]
        deadline = time.monotonic() + 60
        while projects.rowCount() == 0 and time.monotonic() < deadline:
            app.processEvents()
        say("rows")
        if mode == "app-tabs":
            tabs = window.tabs  # type: ignore[attr-defined]
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                for _ in range(50):
                    app.processEvents()
                    time.sleep(0.01)
            window.print_tab.builder.wait()  # type: ignore[attr-defined]
            app.processEvents()
            say(f"rss {rss_mb():.1f}")
        os._exit(0)

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.resize(1280, 720)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
