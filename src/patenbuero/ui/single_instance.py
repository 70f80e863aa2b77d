"""A second start on the same database brings the running window to the front.

The first Patenbüro listens on a local socket named after its database file; the
second one, refused by the lock file, knocks there and the first raises its window.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAKE_UP = b"nach-vorn\n"


def server_name(database: Path) -> str:
    digest = hashlib.sha1(str(database.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"patenbuero-{digest}"


class InstanceServer(QObject):
    """Listens for later starts on the same database; calls ``on_wake_up`` for each."""

    def __init__(
        self, database: Path, on_wake_up: Callable[[], None], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._on_wake_up = on_wake_up
        self.server = QLocalServer(self)
        name = server_name(database)
        QLocalServer.removeServer(name)  # a socket file left by a crash
        self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            self._on_wake_up()

    def close(self) -> None:
        self.server.close()


def bring_running_to_front(database: Path, timeout_ms: int = 1000) -> bool:
    """Ask the Patenbüro already running on ``database`` to show its window."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(WAKE_UP)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def show_in_front(window: QObject) -> None:
    """Restore a minimised window and raise it above the others."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    if isinstance(window, QWidget):
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
