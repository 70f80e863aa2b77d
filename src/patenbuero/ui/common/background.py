"""Long work (a backup, the demo data) off the GUI thread, with a progress dialog and
Abbrechen.

The work is a plain service call that takes a ``progress(done, total) -> go on?``
callback (see patenbuero.errors.Progress); it runs in a QThread with its own sessions
and never touches a widget. Meanwhile the event loop keeps turning: the window repaints
and the dialog's Abbrechen asks the work to stop at its next report.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from patenbuero.errors import Progress, UserError

log = logging.getLogger(__name__)

Result = TypeVar("Result")
SHOW_AFTER_MS = 300  # quicker work ends before the dialog would flash up


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.stop_requested = threading.Event()
        self.result: Any = None
        self.error: UserError | None = None

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.stop_requested.is_set()

    def run(self) -> None:
        try:
            self.result = self._work(self._progress)
        except UserError as error:
            self.error = error
        except Exception:  # a bug: logged, told in one German sentence
            log.exception("Hintergrundarbeit fehlgeschlagen")
            self.error = UserError(
                "Ein unerwarteter Fehler ist aufgetreten; Einzelheiten stehen im Protokoll."
            )


def run_with_progress(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], Result],
    *,
    step_label: Callable[[int, int], str] | None = None,
    cancellable: bool = True,
) -> Result:
    """Run ``work`` in a worker thread while a window-modal progress dialog shows how far
    it is; returns its result or raises its UserError (Cancelled after Abbrechen).

    ``step_label(done, total)`` replaces the label at each report ("Seite 3 von 40");
    without ``cancellable`` the dialog has no Abbrechen (work that cannot be taken back
    once started)."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(dialog.tr("Bitte warten"))
    dialog.setLabelText(label)
    if cancellable:
        dialog.setCancelButtonText(dialog.tr("Abbrechen"))
    else:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)  # busy until the first report
    dialog.setValue(0)  # starts the clock: shown after SHOW_AFTER_MS, whatever comes
    worker = _Worker(work, dialog)
    loop = QEventLoop()

    def show_progress(done: int, total: int) -> None:
        if total > 0 and not worker.stop_requested.is_set():
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
            if step_label is not None:
                dialog.setLabelText(step_label(done, total))

    def cancel() -> None:
        worker.stop_requested.set()
        dialog.setLabelText(dialog.tr("Wird abgebrochen …"))
        dialog.show()  # stays until the work has really stopped

    worker.progressed.connect(show_progress, Qt.ConnectionType.QueuedConnection)
    stop = cancel if cancellable else dialog.show  # Esc must not hide work that goes on
    dialog.canceled.connect(stop)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker.start()
    loop.exec()
    worker.wait()
    dialog.canceled.disconnect(stop)
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]


def start_in_background(
    owner: QObject,
    work: Callable[[], Result],
    done: Callable[[Result | None, UserError | None], None],
) -> QThread:
    """Run ``work`` in a worker thread without a dialog (the daily backup at start);
    ``done(result, error)`` is called on the GUI thread. The owner must wait for the
    thread before it goes away (MainWindow does so when it closes)."""
    worker = _Worker(lambda _progress: work(), owner)

    def finished() -> None:
        done(worker.result, worker.error)
        worker.deleteLater()

    worker.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    worker.start()
    return worker
