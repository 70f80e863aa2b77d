"""Sending in the background (QThreadPool): the window stays usable, progress is shown."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from patenbuero.errors import UserError
from patenbuero.io.smtp_send import SendError, SmtpAccount, SmtpConnection
from patenbuero.services.core.database import Database
from patenbuero.services.mail.compose import MailBatch
from patenbuero.services.mail.sending import SendReport, send_batch


class SendSignals(QObject):
    progress = Signal(int, int, str)  # done, total, next recipient
    finished = Signal(object)  # SendReport
    failed = Signal(str)  # one German sentence


class SendWorker(QRunnable):
    """Sends one batch; ``stop()`` ends it after the current mail."""

    def __init__(
        self,
        db: Database,
        batch: MailBatch,
        account: SmtpAccount,
        password: str | None,
        pause: float,
    ) -> None:
        super().__init__()
        self.signals = SendSignals()
        self._db = db
        self._batch = batch
        self._account = account
        self._password = password
        self._pause = pause
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def _sleep(self, seconds: float) -> None:
        """The pause between mails; "Anhalten" ends it at once."""
        self._stop.wait(seconds)

    def run(self) -> None:
        def progress(done: int, total: int, name: str) -> bool:
            self.signals.progress.emit(done, total, name)
            return not self._stop.is_set()

        try:
            report: SendReport = send_batch(
                self._db,
                self._batch,
                self._account,
                lambda: SmtpConnection(self._account, self._password),
                pause=self._pause,
                progress=progress,
                sleep=self._sleep,
            )
        except (SendError, UserError) as error:
            self.signals.failed.emit(str(error))
            return
        self.signals.finished.emit(report)
