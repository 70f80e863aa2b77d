"""Child process: what users wait for in the window, on a copy of the large demo.

    python benchmarks/gui_child.py DB REPEAT

Prints one line per measurement: ``<key> <seconds> <stall seconds>``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, os.path.dirname(__file__))


def main() -> None:
    path, repeat = sys.argv[1], int(sys.argv[2])
    from measure import StallMeter
    from PySide6.QtCore import QSettings
    from sqlalchemy import func, select

    from patenbuero.db.models import Registration
    from patenbuero.services.core.database import open_database
    from patenbuero.ui import gc_policy
    from patenbuero.ui.app import create_application
    from patenbuero.ui.main_window import MainWindow

    folder = tempfile.mkdtemp(prefix="patenbuero-bench-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = create_application(["bench"])
    db = open_database(path)
    with db.reading() as session:
        big_event = session.execute(
            select(Registration.event_id)
            .group_by(Registration.event_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
    window = MainWindow(db)
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    # Every tab is loaded at once here; the program sets aside what a tab made when it is
    # first shown (ui/gc_policy), so the state below is the program's after every tab.
    gc_policy.set_aside()
    meter = StallMeter()
    registrations = window.registrations_tab

    def measure(
        key: str,
        action: Callable[[], object],
        done: Callable[[], bool] = lambda: True,
        before: Callable[[], object] = lambda: None,
    ) -> None:
        for _ in range(repeat):
            before()
            app.processEvents()
            seconds, stall = meter.run(action, done)
            print(f"{key} {seconds:.6f} {stall:.6f}", flush=True)

    window.tabs.setCurrentWidget(registrations)
    measure(
        "open_event",
        lambda: registrations.select_event(big_event),
        before=lambda: registrations.events.select_row_id(None),
    )

    registrations.confirm = lambda *_a: True  # type: ignore[method-assign]
    registrations.show_moved_up = lambda *_a: None  # type: ignore[method-assign]

    def cancel_with_move_up() -> None:
        confirmed = [r for r in registrations.registrations.model.rows() if r.status == "confirmed"]
        registrations.registrations.select_row_id(confirmed[0].id)
        registrations.cancel_selected()

    registrations.select_event(big_event)
    measure("cancel_move_up", cancel_with_move_up)

    plan = window.plan_tab
    window.tabs.setCurrentWidget(plan)
    this_year = dt.date.today().year

    def change_year() -> None:
        plan.year.setValue(this_year - 1 if plan.year.value() == this_year else this_year)
        plan.overview.repaint()

    measure("change_year", change_year)

    for key, tab in (
        ("refresh_projects", window.projects_tab),
        ("refresh_plan", window.plan_tab),
        ("refresh_registrations", window.registrations_tab),
        ("refresh_inquiries", window.inquiries_tab),
    ):
        window.tabs.setCurrentWidget(tab)
        app.processEvents()
        measure(key, window.refresh_current)

    printing = window.print_tab
    ready: list[object] = []
    printing.builder.ready.connect(ready.append)
    printing.builder.failed.connect(ready.append)
    window.tabs.setCurrentWidget(window.projects_tab)
    app.processEvents()

    def show_print_tab() -> None:
        ready.clear()
        printing._stale = True  # as after any change elsewhere
        window.tabs.setCurrentWidget(printing)

    def preview_shown() -> bool:
        if not ready:
            return False
        printing.preview.viewport().repaint()
        return True

    def leave_print_tab() -> None:
        window.tabs.setCurrentWidget(window.projects_tab)
        app.processEvents()

    measure("print_preview", show_print_tab, preview_shown, before=leave_print_tab)

    def leave_and_forget() -> None:  # as after a change to the projects: laid out anew
        from patenbuero.pdf.flyer import _remembered_flyer

        leave_print_tab()
        _remembered_flyer.cache_clear()

    measure("print_preview_cold", show_print_tab, preview_shown, before=leave_and_forget)
    printing.shutdown()
    os._exit(0)


if __name__ == "__main__":
    main()
