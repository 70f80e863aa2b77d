"""Memory of the window tab by tab, to see where the megabytes go (not part of ``make bench``).

    python benchmarks/memory_tabs.py build/large-demo.sqlite3

Prints, after the first rows and after each tab is shown, the resident memory, the number
of imported modules and of objects set aside by the window's collector policy; at the end
what ``malloc_trim`` would give back (glibc only: memory freed but kept by malloc).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(__file__))


def main() -> None:
    from measure import rss_mb
    from PySide6.QtWidgets import QApplication

    def say(label: str) -> None:
        print(f"{label:28} {rss_mb():7.1f} MB  {len(sys.modules):5} modules", flush=True)

    app = QApplication(["bench"])
    say("QApplication")
    from patenbuero.services.core.database import open_database
    from patenbuero.ui.app import create_application, open_main_window

    create_application(["bench"])
    window = open_main_window(open_database(sys.argv[1]), ask_for_demo=False)
    window.resize(1280, 720)
    window.show()

    def spin(turns: int) -> None:
        for _ in range(turns):
            app.processEvents()
            time.sleep(0.01)

    spin(100)
    projects = window.projects_tab.list.model  # type: ignore[attr-defined]
    while projects.rowCount() == 0:
        app.processEvents()
    spin(20)
    tabs = window.tabs  # type: ignore[attr-defined]
    say(f"first rows ({tabs.tabText(0).replace('&', '')})")
    for index in range(1, tabs.count()):
        tabs.setCurrentIndex(index)
        spin(50)
        printing = window.built_tab("print_tab")  # type: ignore[attr-defined]
        if printing is not None:
            printing.builder.wait()  # the preview is made in a thread
            spin(10)
        say(tabs.tabText(index).replace("&", ""))
    gc.unfreeze()
    print(f"garbage kept by gc.freeze: {gc.collect()} objects")
    libc_name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and libc_name:
        ctypes.CDLL(libc_name).malloc_trim(0)
        say("after malloc_trim")
    os._exit(0)


if __name__ == "__main__":
    main()
