"""Backups of the whole database as one file the office can keep or restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from patenbuero.db.backup import backup_sqlite_file
from patenbuero.errors import UserError
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.database import Database


def default_backup_name(now: dt.datetime | None = None) -> str:
    return f"Patenbuero-Sicherung_{(now or dt.datetime.now()):%Y-%m-%d_%H%M}.sqlite3"


@logged_action("database.backup")
def backup_database(db: Database, target: Path) -> Path:
    """Copy the open SQLite database consistently to ``target`` (a file or a folder)."""
    source = db.location.path
    if source is None:
        raise UserError(
            "Diese Datenbank liegt auf einem Server; sichern Sie sie mit den Werkzeugen "
            "des Servers (z. B. pg_dump)."
        )
    if target.is_dir():
        target = target / default_backup_name()
    if target.resolve() == source.resolve():
        raise UserError("Die Sicherung darf nicht die Datenbank selbst überschreiben.")
    if not target.parent.is_dir():
        raise UserError(f"Der Ordner {target.parent} existiert nicht.")
    try:
        backup_sqlite_file(source, target)
    except OSError as error:
        raise UserError(
            f"Die Sicherung nach {target} ist fehlgeschlagen ({error.strerror or error})."
        ) from error
    return target
