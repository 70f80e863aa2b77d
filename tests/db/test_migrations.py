"""The schema comes from the migrations, agrees with the models, and refuses strangers."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from patenbuero.db import migrate
from patenbuero.db.base import Base
from patenbuero.errors import DatabaseOpenError
from patenbuero.services.core.database import open_database


def test_known_revisions_match_the_migration_scripts() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_heads() == [migrate.HEAD_REVISION]
    chain = [rev.revision for rev in scripts.walk_revisions()]
    assert list(reversed(chain)) == list(migrate.KNOWN_REVISIONS)


def test_models_and_migrations_agree(db) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_new_database_is_created_by_migrations(tmp_path: Path) -> None:
    path = tmp_path / "neu.sqlite3"
    database = open_database(str(path))
    tables = set(inspect(database.engine).get_table_names())
    database.dispose()
    assert {"alembic_version", "member_project", "event", "registration"} <= tables
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_constraint_has_a_name(db) -> None:
    inspector = inspect(db.engine)
    for table in inspector.get_table_names():
        for fk in inspector.get_foreign_keys(table):
            assert fk["name"], f"unnamed foreign key in {table}"
        for check in inspector.get_check_constraints(table):
            assert check["name"], f"unnamed check constraint in {table}"
        for unique in inspector.get_unique_constraints(table):
            assert unique["name"], f"unnamed unique constraint in {table}"


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "neuer.sqlite3"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="neueren Patenbüro-Version"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE kunden (id INTEGER)")
    with pytest.raises(DatabaseOpenError, match="gehört nicht zum Patenbüro"):
        open_database(str(path))


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="ist ein Ordner"):
        open_database(str(tmp_path))


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notizen.txt"
    path.write_text("Einkaufsliste: Kaffee, Kekse\n", encoding="utf-8")
    with pytest.raises(DatabaseOpenError, match="keine Patenbüro-Datenbank"):
        open_database(str(path))
    assert path.read_text(encoding="utf-8") == "Einkaufsliste: Kaffee, Kekse\n"


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="existiert nicht"):
        open_database(str(tmp_path / "gibt-es-nicht" / "db.sqlite3"))


def test_unwritable_data_folder_is_refused(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "blockiert"
    blocked.write_text("eine Datei, kein Ordner")
    monkeypatch.delenv("PATENBUERO_DB", raising=False)
    monkeypatch.setattr("patenbuero.db.location.default_data_dir", lambda: blocked / "Patenbuero")
    with pytest.raises(DatabaseOpenError, match="Datenordner"):
        open_database(None)


def test_upgrade_of_old_database_makes_a_verified_backup_first(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "alt.sqlite3"
    open_database(str(path)).dispose()
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", ("0000", *migrate.KNOWN_REVISIONS))
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr(migrate, "_upgrade", lambda engine, target="head": _stamp(engine))
    open_database(str(path)).dispose()
    backups = list(
        (tmp_path / "Sicherungen").glob(
            f"Patenbuero-Sicherung_*_vor-schema-{migrate.HEAD_REVISION}.sqlite3"
        )
    )
    assert len(backups) == 1
    assert not list(tmp_path.glob(".*unfertig"))
    if os.name == "posix":  # a copy with personal data: the user's only
        assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0000",)


def _stamp(engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE alembic_version SET version_num = '{migrate.HEAD_REVISION}'"
        )


def test_url_target_is_accepted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'url.sqlite3'}"
    database = open_database(url)
    assert database.location.path == (tmp_path / "url.sqlite3").resolve()
    database.dispose()


def test_alembic_is_not_imported_when_schema_is_current(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "schnell.sqlite3"
    open_database(str(path)).dispose()
    code = (
        "import sys; from patenbuero.services.core.database import open_database; "
        f"open_database({str(path)!r}).dispose(); print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize("kind", ["newer", "foreign"])
def test_refused_rollback_journal_database_is_not_switched_to_wal(tmp_path: Path, kind) -> None:
    path = tmp_path / "alt-journal.sqlite3"
    if kind == "newer":
        open_database(str(path)).dispose()
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA journal_mode=DELETE")
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
    else:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE kunden (id INTEGER)")
    connection.close()
    before = path.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback journal
    with pytest.raises(DatabaseOpenError, match="nicht verändert"):
        open_database(str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
