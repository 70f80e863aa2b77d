"""Consistent copies of a SQLite database file, safe while the app is running."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def backup_sqlite_file(source: Path, target: Path) -> None:
    """Copy with SQLite's online backup, so a half-written transaction is never copied."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
