"""Bugs reach the user as a calm German message with a copyable report, and the log."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from patenbuero.app_logging import log_dir
from patenbuero.errors import UserError

log = logging.getLogger("patenbuero.crash")
qt_log = logging.getLogger("patenbuero.qt")


def install_excepthook() -> None:
    sys.excepthook = _handle_exception
    threading.excepthook = _handle_thread_exception
    qInstallMessageHandler(_qt_message)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to the log instead of a console nobody reads."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        qt_log.error("%s", message)
    elif kind == QtMsgType.QtWarningMsg:
        qt_log.warning("%s", message)


def _handle_thread_exception(args: threading.ExceptHookArgs) -> None:
    log.error(
        "Unerwarteter Fehler im Hintergrund (%s)",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def _handle_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    if isinstance(error, UserError):
        QMessageBox.warning(QApplication.activeWindow(), "Patenbüro", str(error))
        return
    log.error("Unerwarteter Fehler", exc_info=(kind, error, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Patenbüro – unerwarteter Fehler"))
    box.setText(
        _tr(
            "Etwas ist schiefgegangen, das nicht hätte passieren dürfen. "
            "Ihre gespeicherten Daten sind nicht betroffen; die letzte Aktion wurde "
            "möglicherweise nicht ausgeführt."
        )
    )
    box.setInformativeText(
        _tr(
            "Bitte schicken Sie den Bericht (unter „Details“) an Ihre IT-Betreuung. "
            "Das Protokoll liegt im Ordner %1"
        ).replace("%1", str(log_dir()))
    )
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()


def tell_about_earlier_crash(report: Path) -> None:
    """After a hard crash, the next start says where the report is."""
    QMessageBox.information(
        None,
        "Patenbüro",
        _tr(
            "Patenbüro wurde beim letzten Mal unerwartet beendet. Ungespeicherte Eingaben "
            "sind verloren; alles Gespeicherte ist erhalten.\n\n"
            "Ein Bericht für Ihre IT-Betreuung liegt hier:\n%1"
        ).replace("%1", str(report)),
    )
