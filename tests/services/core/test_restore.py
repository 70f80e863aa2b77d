"""Restore: checked first, the current state kept, damaged or foreign files refused."""

import sqlite3

import pytest

from patenbuero.errors import Cancelled, DatabaseDamagedError, UserError
from patenbuero.services.core.backup import backup_database, list_backups
from patenbuero.services.core.database import open_database
from patenbuero.services.core.info import database_info
from patenbuero.services.core.restore import replace_damaged_database, restore_backup

pytestmark = pytest.mark.sqlite_only("restore replaces the SQLite file")


def _counts(db) -> dict[str, int]:
    return dict(database_info(db).counts)


def _delete_projects_without_events(db) -> None:
    with db.unit_of_work() as session:
        session.connection().exec_driver_sql("DELETE FROM inquiry")
        session.connection().exec_driver_sql("DELETE FROM forwarding")


def test_restore_brings_back_the_backup_and_keeps_the_current_state(demo_db) -> None:
    before = _counts(demo_db)
    backup = backup_database(demo_db).path
    _delete_projects_without_events(demo_db)
    changed = _counts(demo_db)
    assert changed != before
    result = restore_backup(demo_db, backup)
    assert _counts(demo_db) == before
    assert "vor-wiederherstellung" in result.kept_copy.name
    with sqlite3.connect(result.kept_copy) as connection:
        assert connection.execute("SELECT count(*) FROM inquiry").fetchone() == (0,)
    kinds = {entry.kind for entry in list_backups(demo_db.location)}
    assert "vor einer Wiederherstellung" in kinds
    # survives a restart
    demo_db.dispose()
    again = open_database(str(demo_db.location.path))
    assert _counts(again) == before
    again.dispose()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "keine SQLite"),
        (b"Hallo Welt, das ist keine Datenbank" * 200, "keine SQLite"),
        (None, "keine Patenbüro-Datenbank"),
        ("truncated", "beschädigt"),
        ("newer", "neueren oder fremden"),
    ],
)
def test_damaged_or_foreign_file_is_refused_and_nothing_changes(
    demo_db, tmp_path, content, message
) -> None:
    target = tmp_path / "kandidat.sqlite3"
    if content is None:
        with sqlite3.connect(target) as connection:
            connection.execute("CREATE TABLE fremd (x)")
    elif content == "truncated":
        good = backup_database(demo_db, tmp_path / "gut.sqlite3").path
        data = bytearray(good.read_bytes())
        data[4096 * 3 : 4096 * 3 + 2000] = b"\xff" * 2000
        target.write_bytes(bytes(data))
    elif content == "newer":
        backup_database(demo_db, target)
        with sqlite3.connect(target) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
    else:
        target.write_bytes(content)
    before = demo_db.location.path.read_bytes()
    backups_before = list_backups(demo_db.location)
    with pytest.raises(UserError, match=message) as raised:
        restore_backup(demo_db, target)
    assert "\n" not in str(raised.value)
    assert demo_db.location.path.read_bytes() == before
    assert list_backups(demo_db.location) == backups_before


def test_restore_reports_progress_on_one_scale(demo_db, monkeypatch) -> None:
    monkeypatch.setattr("patenbuero.db.backup.PAGES_PER_STEP", 4)
    backup = backup_database(demo_db).path
    seen: list[tuple[int, int]] = []
    restore_backup(demo_db, backup, progress=lambda done, total: not seen.append((done, total)))
    assert {total for _done, total in seen} == {2000}
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert seen[0] == (0, 2000) and seen[-1] == (2000, 2000)
    assert (1000, 2000) in seen  # the safety backup is the first half, the copy the second


@pytest.mark.parametrize(
    ("stage", "stop_when"),
    [
        ("after the check", lambda done: done == 0),
        ("during the safety backup", lambda done: 0 < done < 1000),
        ("during the copy", lambda done: 1000 < done < 2000),
    ],
)
def test_cancelled_restore_leaves_the_database_untouched(
    demo_db, monkeypatch, stage, stop_when
) -> None:
    from tests.helpers.databases import content_digest

    monkeypatch.setattr("patenbuero.db.backup.PAGES_PER_STEP", 4)  # many small steps
    backup = backup_database(demo_db).path
    _delete_projects_without_events(demo_db)
    digest, counts = content_digest(demo_db), _counts(demo_db)
    backups_before = list_backups(demo_db.location)
    stopped: list[int] = []

    def progress(done: int, _total: int) -> bool:
        if stop_when(done):
            stopped.append(done)
            return False
        return True

    with pytest.raises(Cancelled, match="abgebrochen; die Datenbank ist unverändert"):
        restore_backup(demo_db, backup, progress=progress)
    assert len(stopped) == 1, stage
    assert content_digest(demo_db) == digest
    assert _counts(demo_db) == counts
    assert list_backups(demo_db.location) == backups_before  # no leftover safety backup
    restore_backup(demo_db, backup)  # the database is still usable afterwards
    assert _counts(demo_db) != counts


def test_missing_file_and_the_database_itself_are_refused(demo_db, tmp_path) -> None:
    with pytest.raises(UserError, match="gibt es nicht"):
        restore_backup(demo_db, tmp_path / "fehlt.sqlite3")
    with pytest.raises(UserError, match="aus sich selbst"):
        restore_backup(demo_db, demo_db.location.path)


def test_damaged_database_is_set_aside_and_replaced(demo_db, tmp_path) -> None:
    before = _counts(demo_db)
    backup = backup_database(demo_db).path
    path = demo_db.location.path
    demo_db.dispose()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\x00\x13" * (4096 * 5 // 2)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError, match="beschädigt"):
        open_database(str(path))
    result = replace_damaged_database(demo_db.location, backup)
    assert "beschaedigt" in result.kept_copy.name and result.kept_copy.read_bytes() == bytes(data)
    again = open_database(str(path))
    assert _counts(again) == before
    again.dispose()
