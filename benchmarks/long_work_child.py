"""Child process: long work started from the window (restore a backup, print a long list),
on a copy of the large demo. The work runs in a worker thread; what counts is the
longest stall of the GUI thread meanwhile.

    python benchmarks/long_work_child.py DB REPEAT

Prints one line per measurement: ``<key> <seconds> <stall seconds>``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, os.path.dirname(__file__))


def main() -> None:
    path, repeat = Path(sys.argv[1]), int(sys.argv[2])
    folder = Path(tempfile.mkdtemp(prefix="patenbuero-bench-"))
    os.environ["PATENBUERO_CONFIG_DIR"] = str(folder)  # backups beside the copy, not the user's
    from bench import big_event_id
    from measure import StallMeter
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from patenbuero.services.core.backup import backup_database
    from patenbuero.services.core.database import open_database
    from patenbuero.ui import restore_dialog
    from patenbuero.ui.app import create_application
    from patenbuero.ui.main_window import MainWindow
    from patenbuero.ui.printing import tab as print_tab

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application(["bench"])
    event_id = big_event_id(path)
    db = open_database(str(path))
    backup = backup_database(db).path
    window = MainWindow(db, load_later=True)  # as the program starts it
    window.resize(1280, 720)
    window.show()
    loaded: list[bool] = []
    window.first_loaded.connect(lambda: loaded.append(True))
    # The start's own stall is the start row's; the restore is measured on a loaded window.
    while not loaded:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    meter = StallMeter()

    def measure(key: str, action, before) -> None:  # type: ignore[no-untyped-def]
        for _ in range(repeat):
            before()
            app.processEvents()
            seconds, stall = meter.run(action, lambda: True)
            print(f"{key} {seconds:.6f} {stall:.6f}", flush=True)

    # Datei → Datensicherung wiederherstellen: the list is checked, the newest backup
    # chosen, the question answered yes; then the window reloads.
    def click_restore(dialog: restore_dialog.RestoreDialog) -> int:
        while not dialog._listed:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        dialog.restore_button.click()
        return dialog.result()

    restore_dialog.confirm = lambda *_args: True  # type: ignore[assignment]
    restore_dialog.RestoreDialog.exec = click_restore  # type: ignore[assignment,method-assign]

    def only_the_backup() -> None:  # every run finds the same backup folder
        for other in backup.parent.iterdir():
            if other != backup:
                other.unlink()

    measure("restore", window.open_restore, only_the_backup)

    # Druck: the attendance list of the largest event, printed to a PDF file.
    printing = window.print_tab
    window.tabs.setCurrentWidget(printing)
    ready: list[object] = []
    printing.builder.ready.connect(ready.append)
    printing.show_document("teilnehmerliste", event_id=event_id)
    printing.update_preview()
    while not ready:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    target = folder / "liste.pdf"

    class PrintToFile:
        def __init__(self, printer: QPrinter, _parent: object) -> None:
            self._printer = printer

        def exec(self) -> int:
            self._printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self._printer.setOutputFileName(str(target))
            return QDialog.DialogCode.Accepted

    print_tab.QPrintDialog = PrintToFile  # type: ignore[assignment,misc]
    pages = len(printing.preview.pages or [])
    print(f"print_pages {pages} 0", flush=True)

    def before_print() -> None:  # a preview still being laid out again leaves the button off
        target.unlink(missing_ok=True)
        while not printing.print_button.isEnabled():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    measure("print", printing.print_button.click, before_print)
    printing.shutdown()
    os._exit(0)


if __name__ == "__main__":
    main()
