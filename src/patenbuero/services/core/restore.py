"""Put a backup back in place of the database: checked first, the current state kept."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from patenbuero.db import migrate
from patenbuero.db.backup import (
    BackupCheckError,
    BackupFacts,
    check_database_file,
    copy_into_live_database,
    write_verified_copy,
)
from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import Cancelled, Progress, UserError
from patenbuero.failure_text import reason
from patenbuero.services.core.backup import backup_location, require_file_database
from patenbuero.services.core.database import Database

log = logging.getLogger(__name__)

KIND_BEFORE_RESTORE = "vor-wiederherstellung"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupFacts
    kept_copy: Path  # the state before the restore (a backup, or the damaged file set aside)


def check_backup_file(path: Path) -> BackupFacts:
    """Check a file the user wants to restore; UserError says why it cannot be used."""
    if not path.is_file():
        raise UserError(f"Die Sicherung {path} gibt es nicht.")
    try:
        return check_database_file(path, migrate.KNOWN_REVISIONS)
    except BackupCheckError as error:
        raise UserError(
            f"Die Sicherung {path.name} kann nicht wiederhergestellt werden: {error} "
            "Die Datenbank wurde nicht verändert."
        ) from error


def restore_backup(db: Database, backup: Path, progress: Progress | None = None) -> RestoreResult:
    """Replace the open database by ``backup`` and reopen it.

    The backup is checked and the current state is saved as a verified backup
    before anything changes; the replacement is one SQLite transaction, so a crash
    midway leaves the old contents. ``progress`` hears how far the safety backup and
    the copy are (one scale for both) and may stop either: then Cancelled is raised,
    the database is unchanged and the safety backup of this attempt is removed again.
    """
    live = require_file_database(db.location)
    if backup.resolve() == live.resolve():
        raise UserError(
            "Die geöffnete Datenbank kann nicht aus sich selbst wiederhergestellt werden."
        )
    facts = check_backup_file(backup)
    stages = _Stages(progress)
    if not stages.report(0, 0, 1):
        raise Cancelled(CANCELLED)
    try:
        kept = backup_location(db.location, kind=KIND_BEFORE_RESTORE, progress=stages.of(0))
    except Cancelled:
        raise Cancelled(CANCELLED) from None
    db.dispose()
    try:
        copy_into_live_database(backup, live, progress=stages.of(1))
    except Cancelled:
        kept.path.unlink(missing_ok=True)  # the same state as the database: not needed
        raise Cancelled(CANCELLED) from None
    except (OSError, sqlite3.Error) as error:
        raise UserError(
            f"Die Wiederherstellung ist fehlgeschlagen: {reason(error)} "
            "Die Datenbank ist unverändert."
        ) from error
    db.reopen()
    log.info("Datensicherung wiederhergestellt (Schema %s)", facts.revision)
    return RestoreResult(restored=facts, kept_copy=kept.path)


CANCELLED = "Die Wiederherstellung wurde abgebrochen; die Datenbank ist unverändert."
STEPS_PER_STAGE = 1000


class _Stages:
    """The safety backup and the copy, reported on one scale: each is half of it."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress

    def report(self, stage: int, done: int, total: int) -> bool:
        if self._progress is None:
            return True
        share = STEPS_PER_STAGE * done // max(total, 1)
        return self._progress(stage * STEPS_PER_STAGE + share, 2 * STEPS_PER_STAGE)

    def of(self, stage: int) -> Progress | None:
        if self._progress is None:
            return None
        return lambda done, total: self.report(stage, done, total)


def replace_damaged_database(location: DatabaseLocation, backup: Path) -> RestoreResult:
    """Set a damaged database file aside (date in its name) and put ``backup`` in its place.

    Used at start, when the database cannot be opened at all. The damaged file is
    renamed, never overwritten or deleted.
    """
    live = require_file_database(location)
    facts = check_backup_file(backup)
    stamp = f"{dt.datetime.now():%Y-%m-%d_%H%M%S}"
    aside = live.with_name(f"{live.stem}_beschaedigt_{stamp}{live.suffix}")
    try:
        live.rename(aside)
        for suffix in COMPANION_SUFFIXES:
            companion = live.with_name(live.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
        write_verified_copy(backup, live, migrate.KNOWN_REVISIONS)
    except (OSError, sqlite3.Error, BackupCheckError) as error:
        if aside.exists() and not live.exists():
            aside.rename(live)
            raise UserError(
                f"Die Sicherung konnte nicht an die Stelle der beschädigten Datenbank treten: "
                f"{reason(error)} Es wurde nichts verändert."
            ) from error
        raise UserError(
            f"Die Sicherung konnte nicht an die Stelle der beschädigten Datenbank treten: "
            f"{reason(error)} Die beschädigte Datei liegt unter {aside}."
        ) from error
    log.info("Beschädigte Datenbank beiseitegelegt und Sicherung eingesetzt")
    return RestoreResult(restored=facts, kept_copy=aside)
