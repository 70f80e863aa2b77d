"""From one PC to several: the whole SQLite database onto an empty PostgreSQL database."""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    select,
    text,
)

from patenbuero.db.backup import write_verified_copy
from patenbuero.db.base import Base
from patenbuero.db.migrate import KNOWN_REVISIONS
from patenbuero.services.core import transfer as transfer_module
from patenbuero.services.core.database import open_database
from patenbuero.services.core.info import database_info
from patenbuero.services.core.transfer import TransferError, transfer_database
from patenbuero.services.core.transfer_checks import table_checksum
from patenbuero.services.projects.organisations import (
    OrganisationInput,
    list_organisations,
    save_organisation,
)


def test_demo_data_arrive_complete_and_the_app_works_on_them(sqlite_demo_db, pg_url) -> None:
    lines: list[str] = []
    report = transfer_database(sqlite_demo_db, pg_url, progress=lines.append)

    assert [t.name for t in report.tables] == [t.name for t in Base.metadata.sorted_tables]
    assert all(t.matches for t in report.tables)
    assert report.total_rows > 500
    assert len(lines) == len(report.tables) + 1
    by_name = {t.name: t for t in report.tables}
    assert by_name["registration"].target_rows > 50

    target = open_database(pg_url)
    try:
        assert target.location.url.get_backend_name() == "postgresql"
        assert database_info(target).counts == database_info(sqlite_demo_db).counts
        # The sequences were moved on: a new Träger gets a fresh id, not a clash.
        highest = max(row.id for row in list_organisations(target))
        new_id = save_organisation(target, None, OrganisationInput(name="Neuer Träger e. V."))
        assert new_id > highest
        assert "Neuer Träger e. V." in {row.name for row in list_organisations(target)}
    finally:
        target.dispose()


def test_checksums_equal_on_both_sides_table_by_table(sqlite_demo_db, pg_url) -> None:
    transfer_database(sqlite_demo_db, pg_url)
    target = create_engine(pg_url)
    try:
        with sqlite_demo_db.engine.connect() as source, target.connect() as copy:
            for table in Base.metadata.sorted_tables:
                assert table_checksum(source, table) == table_checksum(copy, table), table.name
    finally:
        target.dispose()


def test_a_target_with_data_is_refused_and_left_alone(sqlite_demo_db, sqlite_db, pg_url) -> None:
    transfer_database(sqlite_demo_db, pg_url)
    with pytest.raises(TransferError, match="nicht leer") as caught:
        transfer_database(sqlite_db, pg_url)
    assert "Tabelle" in str(caught.value)
    target = open_database(pg_url)
    try:
        assert database_info(target).counts == database_info(sqlite_demo_db).counts
    finally:
        target.dispose()


def test_a_target_with_other_tables_is_refused(sqlite_demo_db, pg_url) -> None:
    engine = create_engine(pg_url)
    foreign = Table("kassenbuch", MetaData(), Column("id", Integer, primary_key=True))
    with engine.begin() as connection:
        foreign.create(connection)
    engine.dispose()
    with pytest.raises(TransferError, match="kassenbuch"):
        transfer_database(sqlite_demo_db, pg_url)


def test_a_checksum_mismatch_rolls_everything_back(sqlite_demo_db, pg_url, monkeypatch) -> None:
    real = transfer_module.table_checksum

    def tampered(connection, table):
        value = real(connection, table)
        if connection.dialect.name == "postgresql" and table.name == "registration":
            return "0" * 64
        return value

    monkeypatch.setattr(transfer_module, "table_checksum", tampered)
    with pytest.raises(TransferError, match="registration"):
        transfer_database(sqlite_demo_db, pg_url)

    monkeypatch.setattr(transfer_module, "table_checksum", real)
    target = open_database(pg_url)
    try:
        assert _nothing_copied(target)
    finally:
        target.dispose()
    # Only the empty schema stayed behind, so a second attempt goes through.
    assert transfer_database(sqlite_demo_db, pg_url).total_rows > 500


def test_rows_pointing_into_their_own_table_arrive_whatever_their_order(pg_url) -> None:
    metadata = MetaData()
    node = Table(
        "node",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),
        Column("parent_id", ForeignKey("node.id"), nullable=True),
    )
    rows = [
        {"id": 1, "name": "Kind", "parent_id": 2},
        {"id": 2, "name": "Eltern", "parent_id": None},
    ]
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            metadata.create_all(connection)
            transfer_module._insert(connection, node, rows)
        with engine.connect() as connection:
            stored = connection.execute(select(node).order_by(node.c.id)).mappings().all()
        assert [dict(row) for row in stored] == rows
    finally:
        engine.dispose()


@pytest.mark.sqlite_only("transfer from a SQLite file, no server involved")
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("server/patenbuero", "Adresse einer PostgreSQL-Datenbank"),
        ("sqlite:///tmp/kopie.sqlite3", "keine PostgreSQL-Datenbank"),
        ("mysql://büro@server/patenbuero", "keine PostgreSQL-Datenbank"),
    ],
)
def test_targets_that_are_not_postgresql_are_refused(sqlite_db, target, message) -> None:
    with pytest.raises(TransferError, match=message):
        transfer_database(sqlite_db, target)


@pytest.mark.sqlite_only("transfer from a SQLite file, no server involved")
def test_an_unreachable_server_gives_one_german_line(sqlite_db) -> None:
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://niemand:falsch@127.0.0.1:1/patenbuero?connect_timeout=3"
    with pytest.raises(TransferError, match="nicht erreichbar") as caught:
        transfer_database(sqlite_db, url)
    assert "falsch" not in str(caught.value)
    assert "Der Server nimmt keine Verbindungen an" in str(caught.value)


@pytest.mark.sqlite_only("transfer from a SQLite file, no server involved")
def test_the_checksum_sees_a_changed_value(sqlite_demo_db, tmp_path) -> None:
    copy_path = tmp_path / "kopie.sqlite3"
    write_verified_copy(sqlite_demo_db.location.path, copy_path, KNOWN_REVISIONS)
    copy = open_database(str(copy_path))
    table = Base.metadata.tables["person"]
    try:
        with sqlite_demo_db.engine.connect() as a, copy.engine.connect() as b:
            assert table_checksum(a, table) == table_checksum(b, table)
        with copy.engine.begin() as connection:
            first = connection.scalar(select(table.c.id).order_by(table.c.id).limit(1))
            connection.execute(
                table.update().where(table.c.id == first).values(first_name="Geänderter Vorname")
            )
        with sqlite_demo_db.engine.connect() as a, copy.engine.connect() as b:
            assert table_checksum(a, table) != table_checksum(b, table)
    finally:
        copy.dispose()


def test_a_server_error_midway_leaves_the_target_empty_and_the_log_clean(
    sqlite_demo_db, pg_url, monkeypatch, caplog
) -> None:
    def broken(connection) -> None:
        connection.execute(text("SELECT name FROM gibt_es_nicht"))

    monkeypatch.setattr(transfer_module, "_advance_sequences", broken)
    with pytest.raises(TransferError, match="abgebrochen und nichts übernommen"):
        transfer_database(sqlite_demo_db, pg_url)
    target = open_database(pg_url)
    try:
        assert _nothing_copied(target)
    finally:
        target.dispose()
    assert "Schmidt" not in caplog.text and "@example.org" not in caplog.text
    assert "ProgrammingError" in caplog.text or "UndefinedTable" in caplog.text


def _nothing_copied(target) -> bool:  # type: ignore[no-untyped-def]
    """No row of the source arrived: only the lists a new database starts with are there."""
    prefilled = {"Zielgruppen": 9, "Stadtteile": 42}
    return all(count == prefilled.get(label, 0) for label, count in database_info(target).counts)
