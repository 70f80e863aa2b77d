"""Backups are a complete database, never the database itself."""

import sqlite3

import pytest

from patenbuero.errors import UserError
from patenbuero.services.core.backup import backup_database


def test_backup_is_a_complete_database(demo_db, tmp_path) -> None:
    target = backup_database(demo_db, tmp_path)
    with sqlite3.connect(target) as connection:
        projects = connection.execute("SELECT count(*) FROM member_project").fetchone()[0]
    assert projects >= 30
    with pytest.raises(UserError, match="nicht die Datenbank selbst"):
        backup_database(demo_db, demo_db.location.path)
