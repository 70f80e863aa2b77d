"""At start: a damaged database is explained and the newest good backup offered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from patenbuero.db.location import resolve
from patenbuero.errors import DatabaseDamagedError, UserError
from patenbuero.services.core.database import Database, open_database

TITLE = "Patenbüro"


def _tr(text: str) -> str:
    return QCoreApplication.translate("start_recovery", text)


def open_or_recover(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the database; offer the newest good backup when it is damaged. None: give up."""
    try:
        return open_database(target)
    except DatabaseDamagedError as error:
        return _offer_backup(target, str(error), parent)
    except UserError as error:
        QMessageBox.critical(parent, TITLE, str(error))
        return None


def _offer_backup(
    target: str | None, what_happened: str, parent: QWidget | None
) -> Database | None:
    from patenbuero.services.core.backup import COUNT_LABELS, newest_good_backup
    from patenbuero.services.core.restore import replace_damaged_database

    location = resolve(target)
    backup = newest_good_backup(location)
    if backup is None:
        QMessageBox.critical(
            parent,
            TITLE,
            what_happened
            + " "
            + _tr(
                "Es gibt keine geprüfte Sicherung im Sicherungsordner. Die Datei wurde nicht "
                "verändert; bitte wenden Sie sich an Ihre IT-Betreuung."
            ),
        )
        return None
    counts = ", ".join(f"{backup.counts.get(table, 0)} {label}" for table, label in COUNT_LABELS)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(what_happened)
    box.setInformativeText(
        _tr(
            "Die neueste geprüfte Sicherung ist vom %1 (%2). Soll sie an die Stelle der "
            "beschädigten Datenbank treten? Die beschädigte Datei wird mit Datum im Namen "
            "aufgehoben, nicht gelöscht."
        )
        .replace("%1", f"{backup.created:%d.%m.%Y %H:%M}")
        .replace("%2", counts)
    )
    use = box.addButton(_tr("Sicherung einsetzen"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Beenden"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(use)
    box.exec()
    if box.clickedButton() is not use:
        return None
    try:
        result = replace_damaged_database(location, backup.path)
        database = open_database(target)
    except UserError as error:
        QMessageBox.critical(parent, TITLE, str(error))
        return None
    QMessageBox.information(
        parent,
        TITLE,
        _tr("Die Sicherung ist eingesetzt. Die beschädigte Datei liegt unter %1.").replace(
            "%1", str(result.kept_copy)
        ),
    )
    return database
