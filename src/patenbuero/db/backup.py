"""Verified copies of a SQLite database file, safe while the app is running.

A copy is written under a hidden temporary name, checked (``integrity_check``, schema
revision, row counts), flushed to the disk and only then given its final name. A file
under a final name is therefore always a complete, valid database: a crash, a kill or a
full disk leaves at most a temporary file behind, never a broken backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from patenbuero.errors import Cancelled, Progress
from patenbuero.private_files import create_private_file, restrict_file

SQLITE_HEADER = b"SQLite format 3\x00"
TEMPORARY_SUFFIX = ".unfertig"
PAGES_PER_STEP = 256  # copied between two progress reports (1 MB with 4 KB pages)


class BackupCheckError(Exception):
    """A file is no usable Patenbüro database; ``str(error)`` is a German sentence."""


@dataclass(frozen=True)
class BackupFacts:
    """What a checked database file holds."""

    path: Path
    revision: str
    counts: dict[str, int]
    size: int


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Open a file for reading without creating, changing or journaling anything."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def check_database_file(path: Path, known_revisions: Iterable[str]) -> BackupFacts:
    """Check a file completely; raise BackupCheckError saying what is wrong with it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupCheckError("Die Datei lässt sich nicht lesen.") from error
    if header != SQLITE_HEADER:
        raise BackupCheckError("Die Datei ist keine SQLite-Datenbank.")
    try:
        with contextlib.closing(read_only_connection(path)) as connection:
            status = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if status != ["ok"]:
                raise BackupCheckError(
                    "Die Datei ist beschädigt (die Integritätsprüfung schlägt fehl)."
                )
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            if "alembic_version" not in tables:
                raise BackupCheckError("Die Datei ist keine Patenbüro-Datenbank.")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = {
                table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                for table in tables
                if table != "alembic_version"
            }
    except sqlite3.DatabaseError as error:
        raise BackupCheckError("Die Datei ist beschädigt oder keine Datenbank.") from error
    revision = row[0] if row else None
    if revision is None:
        raise BackupCheckError("Die Datei ist keine Patenbüro-Datenbank (ohne Schema-Version).")
    if revision not in set(known_revisions):
        raise BackupCheckError(
            f"Die Datei stammt von einer neueren oder fremden Programmversion (Schema {revision})."
        )
    return BackupFacts(path=path, revision=revision, counts=counts, size=path.stat().st_size)


def temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


def write_verified_copy(
    source: Path,
    target: Path,
    known_revisions: Iterable[str],
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> BackupFacts:
    """Copy ``source`` to ``target`` with SQLite's online backup, check it, then publish.

    Raises FileExistsError when ``target`` exists and ``overwrite`` is false,
    BackupCheckError when the copy does not pass the check, OSError or sqlite3.Error
    for a failing disk, and Cancelled when ``progress`` says stop (pages copied so far,
    of all); in every case no file is left under ``target`` that was not there before.
    """

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None and not progress(total - remaining, total):
            raise Cancelled("Die Sicherung wurde abgebrochen; es wurde keine Datei geschrieben.")

    if target.exists() and not overwrite:
        raise FileExistsError(target)
    temporary = temporary_name(target)
    try:
        create_private_file(temporary)
        with (
            contextlib.closing(
                sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
            ) as src,
            contextlib.closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst, pages=PAGES_PER_STEP if progress else -1, progress=report)
            # One self-contained file: a backup must not need a -wal file beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        restrict_file(temporary)
        facts = check_database_file(temporary, known_revisions)
        _flush(temporary)
        _publish(temporary, target, overwrite=overwrite)
        _flush_folder(target.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return BackupFacts(path=target, revision=facts.revision, counts=facts.counts, size=facts.size)


def copy_into_live_database(backup: Path, live: Path, progress: Progress | None = None) -> None:
    """Replace the contents of ``live`` by those of ``backup`` in one SQLite transaction.

    The online backup API writes into the live database like any other writer: a
    crash midway leaves the old contents, other connections see old or new, never half.
    With ``progress`` the pages are copied in steps; the write lock on ``live`` is held
    from the first step to the last, and Cancelled (``progress`` says stop) ends the
    copy before its last step, so SQLite rolls the unfinished copy back.
    """

    def report(_status: int, remaining: int, total: int) -> None:
        # After the last step the copy is committed: too late to stop, nothing raised.
        if progress is not None and not progress(total - remaining, total) and remaining:
            raise Cancelled("Die Wiederherstellung wurde abgebrochen.")

    with (
        contextlib.closing(read_only_connection(backup)) as src,
        contextlib.closing(sqlite3.connect(live, timeout=30)) as dst,
    ):
        src.backup(dst, pages=PAGES_PER_STEP if progress else -1, progress=report)


def _publish(temporary: Path, target: Path, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(temporary, target)
        return
    try:
        # A hard link never replaces an existing file: two backups in the same
        # second cannot overwrite each other.
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT, some network shares).
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(temporary, target)


def _flush(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _flush_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
