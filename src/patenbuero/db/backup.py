"""Consistent copies of a SQLite database file, safe while the app is running."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from patenbuero.private_files import create_private_file, make_private_folder, restrict_file


def backup_sqlite_file(source: Path, target: Path) -> None:
    """Copy with SQLite's online backup, so a half-written transaction is never copied."""
    make_private_folder(target.parent)
    create_private_file(target)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    restrict_file(target)
