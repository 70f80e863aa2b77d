"""Child process for start-up and memory figures: a bare Qt window, or Patenbüro's.

    python benchmarks/window_child.py bare|app|app-tabs [DB]

Prints ``painted``, ``rows`` (app: the first project rows are on screen) and
``rss <MB>`` lines the moment each happens; the parent times them from the spawn.
``app`` then waits until the start has loaded everything and prints ``stall <s>``,
the longest time the GUI thread was blocked after the first rows showed.
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
        window.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]  # the projects tab

    loaded: list[bool] = []
    if mode != "bare":
        window.first_loaded.connect(lambda: loaded.append(True))  # type: ignore[attr-defined]

    def after_paint() -> None:
        if mode == "bare":
            say(f"rss {rss_mb():.1f}")
            os._exit(0)
        wait_for_rows()

    def wait_for_rows() -> None:
        """Polled from the event loop, so the start runs as it does for a user."""
        tab = window.built_tab("projects_tab")  # type: ignore[attr-defined]
        if tab is None or tab.list.model.rowCount() == 0:
            QTimer.singleShot(1, wait_for_rows)
            return
        say("rows")
        if mode == "app-tabs":
            visit_tabs()
        else:
            until_loaded()

    # The longest stall of the GUI thread after the first rows show, until the start
    # has loaded everything (a 2 ms heartbeat, as measure.StallMeter).
    beats = [time.perf_counter(), 0.0]

    def beat() -> None:
        now = time.perf_counter()
        beats[1] = max(beats[1], now - beats[0])
        beats[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(beat)

    def until_loaded() -> None:
        heartbeat.start()
        started = time.monotonic()

        def check() -> None:
            if loaded or time.monotonic() - started > 60:
                QTimer.singleShot(200, finish)  # what the start queued after it
            else:
                QTimer.singleShot(5, check)

        def finish() -> None:
            beat()
            say(f"stall {beats[1]:.4f}")
            os._exit(0)

        beats[0] = time.perf_counter()
        check()

    def visit_tabs() -> None:
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
