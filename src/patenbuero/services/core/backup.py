"""Backups of the whole database as one verified file the office can keep or restore."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from patenbuero.db import migrate
from patenbuero.db.backup import BackupCheckError, BackupFacts, write_verified_copy
from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import Progress, UserError
from patenbuero.failure_text import reason
from patenbuero.private_files import make_private_folder
from patenbuero.services.core.action_log import logged_action
from patenbuero.services.core.backup_rotation import rotate
from patenbuero.services.core.database import Database
from patenbuero.services.core.local_settings import backup_folder

log = logging.getLogger(__name__)

PREFIX = "Patenbuero-Sicherung_"
SUFFIX = ".sqlite3"
NAME_PATTERN = re.compile(
    r"^Patenbuero-Sicherung_(\d{4}-\d{2}-\d{2}_\d{6})(?:-(\d+))?(?:_([a-z0-9-]+))?\.sqlite3$",
    re.IGNORECASE,
)
KIND_LABELS = {
    None: "Sicherung",
    "vor-wiederherstellung": "vor einer Wiederherstellung",
}
# The tables a backup list shows, with their German labels.
COUNT_LABELS = (
    ("member_project", "Projekte"),
    ("event", "Veranstaltungen"),
    ("person", "Teilnehmer:innen"),
    ("registration", "Anmeldungen"),
)


@dataclass(frozen=True)
class BackupEntry:
    """One backup file in the backup folder, checked."""

    path: Path
    created: dt.datetime
    kind: str
    size: int
    counts: dict[str, int]
    problem: str | None = None  # why this file cannot be restored

    @property
    def is_usable(self) -> bool:
        return self.problem is None


def backup_name(now: dt.datetime | None = None, kind: str | None = None) -> str:
    stamp = f"{(now or dt.datetime.now()):%Y-%m-%d_%H%M%S}"
    return f"{PREFIX}{stamp}{'_' + kind if kind else ''}{SUFFIX}"


# The name the window suggests when saving a backup by hand.
default_backup_name = backup_name


def require_file_database(location: DatabaseLocation) -> Path:
    if location.path is None:
        raise UserError(
            "Diese Datenbank liegt auf einem Server; sichern Sie sie mit den Werkzeugen "
            "des Servers (z. B. pg_dump)."
        )
    return location.path


def write_backup(
    source: Path,
    target: Path,
    *,
    overwrite: bool = False,
    purpose: str = "Die Sicherung",
    progress: Progress | None = None,
) -> BackupFacts:
    """Write one verified backup; every failure becomes one German sentence."""
    if target.resolve() == source.resolve():
        raise UserError("Die Sicherung darf nicht die Datenbank selbst überschreiben.")
    if not target.parent.is_dir():
        raise UserError(f"Der Ordner {target.parent} existiert nicht.")
    try:
        return write_verified_copy(
            source, target, migrate.KNOWN_REVISIONS, overwrite=overwrite, progress=progress
        )
    except FileExistsError as error:
        raise UserError(
            f"Die Datei {target} gibt es schon; sie wird nicht überschrieben. "
            "Wählen Sie einen anderen Namen."
        ) from error
    except BackupCheckError as error:
        raise UserError(f"{purpose} ist fehlgeschlagen: {error}") from error
    except (OSError, sqlite3.Error) as error:
        raise UserError(f"{purpose} nach {target} ist fehlgeschlagen: {reason(error)}") from error


@logged_action("database.backup")
def backup_database(
    db: Database,
    target: Path | str | None = None,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> BackupFacts:
    """Back up the open SQLite database to ``target``: a file, a folder, or the backup folder.

    A file that exists is replaced only with ``overwrite``. Backups written to the
    backup folder are rotated afterwards (7 daily, 4 weekly, 12 monthly). ``progress``
    hears of the pages copied and may stop the copy (Cancelled; nothing is written).
    """
    return backup_location(db.location, target, overwrite=overwrite, progress=progress)


def backup_location(
    location: DatabaseLocation,
    target: Path | str | None = None,
    *,
    overwrite: bool = False,
    kind: str | None = None,
    progress: Progress | None = None,
) -> BackupFacts:
    source = require_file_database(location)
    folder = backup_folder(location)
    if isinstance(target, str):
        if target.endswith(("/", "\\")) and not Path(target).is_dir():
            raise UserError(f"Der Ordner {target} existiert nicht.")
        target = Path(target).expanduser()
    if target is None:
        try:
            make_private_folder(folder)
        except OSError as error:
            raise UserError(
                f"Der Sicherungsordner {folder} kann nicht angelegt werden: {reason(error)}"
            ) from error
        target = folder
    if target.is_dir():
        target = _free_name(target, kind)
    facts = write_backup(source, target, overwrite=overwrite, progress=progress)
    log.info("Datensicherung geschrieben (%s Bytes)", facts.size)
    if target.parent.resolve() == folder.resolve():
        rotate(folder, NAME_PATTERN)
    return facts


def _free_name(folder: Path, kind: str | None) -> Path:
    """A name with seconds; a second backup in the same second gets a number."""
    now = dt.datetime.now()
    candidate = folder / backup_name(now, kind)
    number = 2
    while candidate.exists():
        stem = backup_name(now).removesuffix(SUFFIX)
        candidate = folder / f"{stem}-{number}{'_' + kind if kind else ''}{SUFFIX}"
        number += 1
    return candidate


def backup_if_due(db: Database, today: dt.date | None = None) -> BackupFacts | None:
    """The automatic backup at start: at most one a day, in the backup folder."""
    if db.location.path is None or db.read_only:
        return None
    today = today or dt.date.today()
    folder = backup_folder(db.location)
    if folder.is_dir():
        for path in folder.iterdir():
            match = NAME_PATTERN.match(path.name)
            if match and match.group(3) is None and _stamp(match).date() == today:
                return None
    return backup_database(db)


def _stamp(match: re.Match[str]) -> dt.datetime:
    return dt.datetime.strptime(match.group(1), "%Y-%m-%d_%H%M%S")


def list_backups(location: DatabaseLocation, folder: Path | None = None) -> list[BackupEntry]:
    """The backups in the backup folder, newest first, each checked."""
    from patenbuero.db.backup import check_database_file

    folder = folder or backup_folder(location)
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.iterdir():
        match = NAME_PATTERN.match(path.name)
        if not match or not path.is_file():
            continue
        kind = KIND_LABELS.get(match.group(3), _kind_label(match.group(3)))
        try:
            facts = check_database_file(path, migrate.KNOWN_REVISIONS)
        except BackupCheckError as error:
            entries.append(
                BackupEntry(path, _stamp(match), kind, path.stat().st_size, {}, str(error))
            )
            continue
        entries.append(BackupEntry(path, _stamp(match), kind, facts.size, facts.counts))
    return sorted(entries, key=lambda entry: (entry.created, entry.path.name), reverse=True)


def _kind_label(kind: str | None) -> str:
    if kind and kind.startswith("vor-schema-"):
        return f"vor der Umstellung auf Schema {kind.removeprefix('vor-schema-')}"
    return KIND_LABELS[None]


def newest_good_backup(location: DatabaseLocation) -> BackupEntry | None:
    return next((entry for entry in list_backups(location) if entry.is_usable), None)
