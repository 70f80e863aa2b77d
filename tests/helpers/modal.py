"""Act on the next modal dialog as a user would, from a timer (no real dialog stays open)."""

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_dialog_opens(
    kind: type[QDialog], act: Callable[[QDialog], None], tries: int = 200
) -> None:
    """Call ``act`` with the next modal dialog of type ``kind`` once it is shown."""

    def check(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            try:
                act(dialog)
            finally:
                if dialog.isVisible():  # the test failed inside: never leave it open
                    dialog.reject()
        elif left > 0:
            QTimer.singleShot(20, lambda: check(left - 1))

    QTimer.singleShot(20, check)
