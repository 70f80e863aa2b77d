"""Bugs reach the user as a calm German message with a copyable report, and the log."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from patenbuero.errors import UserError

log = logging.getLogger("patenbuero.crash")


def install_excepthook() -> None:
    sys.excepthook = _handle_exception


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
    box.setWindowTitle(box.tr("Patenbüro – unerwarteter Fehler"))
    box.setText(
        box.tr(
            "Etwas ist schiefgegangen, das nicht hätte passieren dürfen. "
            "Ihre gespeicherten Daten sind nicht betroffen; die letzte Aktion wurde "
            "möglicherweise nicht ausgeführt."
        )
    )
    box.setInformativeText(
        box.tr("Bitte schicken Sie den Bericht (unter „Details“) an Ihre IT-Betreuung.")
    )
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()
