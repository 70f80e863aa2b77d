"""A read-only database opens for viewing; writes are refused with one German line."""

import pytest

from patenbuero.errors import UserError
from patenbuero.services.core.backup import backup_database
from patenbuero.services.core.database import open_database
from patenbuero.services.core.info import database_info
from patenbuero.services.core.network_texts import load_texts, save_texts
from tests.helpers.read_only import read_only_copy

pytestmark = pytest.mark.sqlite_only("a read-only SQLite file")


def test_read_only_database_can_be_viewed_but_not_changed(demo_db, tmp_path) -> None:
    backup = backup_database(demo_db, tmp_path / "kopie.sqlite3").path
    with read_only_copy(backup, tmp_path / "cd") as path:
        before = path.read_bytes()
        db = open_database(str(path))
        assert db.read_only
        assert dict(database_info(db).counts)["Mitgliedsprojekte"] >= 30
        with pytest.raises(UserError, match="schreibgeschützt"):
            save_texts(db, load_texts(db))
        db.dispose()
        assert path.read_bytes() == before
