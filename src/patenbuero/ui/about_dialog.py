"""Hilfe → Über Patenbüro: version, database location and schema revision."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from patenbuero import __version__
from patenbuero.services.core.database import Database


def about_text(parent: QWidget, db: Database) -> str:
    return (
        parent.tr(
            "<h3>Patenbüro %1</h3>"
            "<p>Verwaltung für das Patenschaftsnetzwerk Halle: Mitgliedsprojekte, "
            "Jahresplanung, Anmeldungen, Druck und Anfragen.</p>"
            "<p><b>Datenbank:</b> %2<br><b>Schema-Version:</b> %3</p>"
        )
        .replace("%1", __version__)
        .replace("%2", html.escape(db.location.display))
        .replace("%3", html.escape(db.revision))
    )


def show_about(parent: QWidget, db: Database) -> None:
    QMessageBox.about(parent, parent.tr("Über Patenbüro"), about_text(parent, db))
