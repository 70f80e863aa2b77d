"""Builds a PDF off the GUI thread; the newest request wins, older results are dropped."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.printing.catalog import build_document
from patenbuero.services.printing.request import PrintRequest, PrintResult

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(int, object)  # ticket, PrintResult
    failed = Signal(int, str)  # ticket, German message


class _BuildJob(QRunnable):
    def __init__(self, db: Database, request: PrintRequest, ticket: int, signals: _Signals):
        super().__init__()
        self._db, self._request, self._ticket, self._signals = db, request, ticket, signals

    def run(self) -> None:
        try:
            result = build_document(self._db, self._request)
        except UserError as error:
            self._signals.failed.emit(self._ticket, str(error))
        except Exception:
            log.exception("PDF konnte nicht erstellt werden: %s", self._request)
            self._signals.failed.emit(
                self._ticket,
                "Das PDF konnte wegen eines unerwarteten Fehlers nicht erstellt werden; "
                "Einzelheiten stehen im Protokoll.",
            )
        else:
            self._signals.finished.emit(self._ticket, result)


class PdfBuilder(QObject):
    """Emits ``ready(PrintResult)`` or ``failed(message)`` for the latest request only."""

    started = Signal()
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ticket = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    def request(self, request: PrintRequest) -> None:
        self._ticket += 1
        self.started.emit()
        self._pool.start(_BuildJob(self._db, request, self._ticket, self._signals))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_finished(self, ticket: int, result: PrintResult) -> None:
        if ticket == self._ticket:
            self.ready.emit(result)

    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket:
            self.failed.emit(message)
