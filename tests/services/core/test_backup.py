"""Backups are complete, checked databases under names with seconds, never overwriting."""

import datetime as dt
import sqlite3

import pytest

from patenbuero.errors import UserError
from patenbuero.services.core.backup import (
    backup_database,
    backup_if_due,
    list_backups,
    newest_good_backup,
)
from patenbuero.services.core.local_settings import backup_folder, set_backup_folder


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_backup_is_a_complete_database(demo_db, tmp_path) -> None:
    target = backup_database(demo_db, tmp_path).path
    with sqlite3.connect(target) as connection:
        projects = connection.execute("SELECT count(*) FROM member_project").fetchone()[0]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert projects >= 30
    with pytest.raises(UserError, match="nicht die Datenbank selbst"):
        backup_database(demo_db, demo_db.location.path)


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_backup_facts_name_revision_and_counts(demo_db) -> None:
    facts = backup_database(demo_db)
    assert facts.path.parent == demo_db.location.path.parent / "Sicherungen"
    assert facts.revision == demo_db.revision
    assert facts.counts["member_project"] >= 30 and facts.counts["registration"] > 0
    assert facts.size == facts.path.stat().st_size


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_two_backups_in_one_second_keep_both(demo_db, tmp_path) -> None:
    first = backup_database(demo_db, tmp_path).path
    second = backup_database(demo_db, tmp_path).path
    assert first != second and first.exists() and second.exists()
    assert first.name[21:38].count("_") == 1  # 2026-12-02_031500: seconds in the name


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_existing_file_is_not_overwritten_without_choice(demo_db, db, tmp_path) -> None:
    other = db.location.path
    before = other.read_bytes()
    with pytest.raises(UserError, match="gibt es schon"):
        backup_database(demo_db, other)
    assert other.read_bytes() == before
    facts = backup_database(demo_db, tmp_path / "neu.sqlite3")
    replaced = backup_database(demo_db, facts.path, overwrite=True)
    assert replaced.path == facts.path


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_missing_folder_is_refused_and_nothing_written(demo_db, tmp_path) -> None:
    with pytest.raises(UserError, match="existiert nicht"):
        backup_database(demo_db, tmp_path / "fehlt" / "x.sqlite3")
    with pytest.raises(UserError, match="existiert nicht"):
        backup_database(demo_db, f"{tmp_path}/fehlt2/")
    assert not (tmp_path / "fehlt").exists() and not (tmp_path / "fehlt2").exists()


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_configured_backup_folder_is_used(demo_db, tmp_path) -> None:
    folder = tmp_path / "netzlaufwerk"
    with pytest.raises(UserError, match="existiert nicht"):
        set_backup_folder(folder)
    folder.mkdir()
    set_backup_folder(folder)
    assert backup_folder(demo_db.location) == folder.resolve()
    assert backup_database(demo_db).path.parent == folder.resolve()
    set_backup_folder(None)
    assert backup_folder(demo_db.location) == demo_db.location.path.parent / "Sicherungen"


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_daily_backup_only_once_a_day(demo_db) -> None:
    today = dt.date.today()
    assert backup_if_due(demo_db, today) is not None
    assert backup_if_due(demo_db, today) is None
    assert len(list_backups(demo_db.location)) == 1


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_list_marks_damaged_files_and_finds_the_newest_good(demo_db) -> None:
    good = backup_database(demo_db).path
    folder = good.parent
    broken = folder / "Patenbuero-Sicherung_2099-01-01_000000.sqlite3"
    broken.write_bytes(good.read_bytes()[:8192])
    (folder / "Patenbuero-Sicherung_2098-01-01_000000.sqlite3").write_bytes(b"kein sqlite")
    (folder / "notizen.txt").write_text("x")
    entries = list_backups(demo_db.location)
    assert entries[0].path.name == broken.name
    assert not entries[0].is_usable and "beschädigt" in (entries[0].problem or "")
    assert not entries[1].is_usable and "keine SQLite" in (entries[1].problem or "")
    assert entries[2].counts["event"] > 0
    assert newest_good_backup(demo_db.location).path == good


def test_server_database_points_to_server_tools(demo_db, monkeypatch) -> None:
    from sqlalchemy.engine import make_url

    from patenbuero.db.location import DatabaseLocation

    monkeypatch.setattr(
        demo_db, "location", DatabaseLocation(make_url("postgresql+psycopg://h/db"), None)
    )
    with pytest.raises(UserError, match="pg_dump"):
        backup_database(demo_db)


@pytest.mark.sqlite_only("backup of a SQLite file")
def test_a_backup_reports_its_pages_and_stops_when_told(demo_db, tmp_path) -> None:
    from patenbuero.errors import Cancelled

    folder = tmp_path / "Sicherungen"
    folder.mkdir()
    reports: list[tuple[int, int]] = []
    backup_database(
        demo_db, folder / "ganz.sqlite3", progress=lambda d, t: reports.append((d, t)) or True
    )
    assert reports and reports[-1][0] == reports[-1][1] > 0  # all pages copied
    with pytest.raises(Cancelled, match="abgebrochen"):
        backup_database(demo_db, folder / "halb.sqlite3", progress=lambda _d, _t: False)
    assert sorted(p.name for p in folder.iterdir()) == ["ganz.sqlite3"]  # no part left
