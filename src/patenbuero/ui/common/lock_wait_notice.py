"""While a save waits for another workplace: a notice in the status bar, the window repaints.

The services wait in short slices when another PC holds the data (a long import,
say) and report each slice; this shows "… bitte einen Moment …" meanwhile instead
of a frozen window, and hides it again shortly after the wait is over. A wait past
the limit ends in one German message from the service.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from patenbuero.services.core import lock_notices

HIDE_AFTER_MS = 2500


class LockWaitNotice(QObject):
    """Listens to the lock waits of this process for ``window``."""

    _waited = Signal(float)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.label = QLabel()
        self.label.setObjectName("lockWaitNotice")
        self.label.setStyleSheet("background: #fff3c4; color: #3d3000; padding: 2px 8px;")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self._busy_cursor = False
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_AFTER_MS)
        self._hide_timer.timeout.connect(self._hide)
        self._waited.connect(self._show)
        lock_notices.add_wait_listener(self.heard)
        window.destroyed.connect(self.stop)

    def stop(self) -> None:
        lock_notices.remove_wait_listener(self.heard)

    def heard(self, seconds: float) -> None:
        """Called by the waiting service, from whichever thread waits."""
        try:
            if QThread.currentThread() == self.thread():
                self._show(seconds)
                # Paint the notice, but take no clicks or keys while the save is pending.
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            else:
                self._waited.emit(seconds)
        except RuntimeError:  # the window is already gone
            self.stop()

    def _show(self, seconds: float) -> None:
        self.label.setText(
            self.tr(
                "Die Daten werden gerade an einem anderen Arbeitsplatz geändert – "
                "bitte einen Moment … (%1 s)"
            ).replace("%1", str(max(1, round(seconds))))
        )
        self.label.show()
        if not self._busy_cursor:
            from PySide6.QtCore import Qt  # (built before the first paint: see main_window)

            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._busy_cursor = True
        self._hide_timer.start()

    def _hide(self) -> None:
        self.label.hide()
        if self._busy_cursor:
            QApplication.restoreOverrideCursor()
            self._busy_cursor = False
