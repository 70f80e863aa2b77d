"""On a first start with an empty database: demonstration data or an empty start."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from patenbuero.errors import Cancelled, UserError
from patenbuero.services.core.database import Database
from patenbuero.services.demo import fill_demo_data
from patenbuero.ui.common.background import run_with_progress


def offer_demo_data(db: Database, parent: QWidget | None = None) -> bool:
    """Ask; fill demo data if wanted. True when demo data was loaded."""
    box = QMessageBox(parent)
    box.setWindowTitle(box.tr("Willkommen im Patenbüro"))
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(box.tr("Die Datenbank ist noch leer."))
    box.setInformativeText(
        box.tr(
            "Möchten Sie das Programm zuerst mit Beispieldaten aus Halle ausprobieren, "
            "oder gleich mit Ihren eigenen Daten beginnen?\n\nDatenbank: %1"
        ).replace("%1", db.location.display)
    )
    demo_button = box.addButton(box.tr("Beispieldaten laden"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(box.tr("Leer beginnen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo_button)
    box.exec()
    if box.clickedButton() is not demo_button:
        return False
    try:
        run_with_progress(
            parent,
            box.tr("Beispieldaten werden angelegt …"),
            lambda progress: fill_demo_data(db, "small", progress=progress),
        )
    except Cancelled:
        return False
    except UserError as error:
        QMessageBox.warning(parent, box.tr("Beispieldaten"), str(error))
        return False
    return True
