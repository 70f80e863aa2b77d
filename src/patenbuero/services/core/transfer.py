"""From one PC to several: copy a whole SQLite database into an empty PostgreSQL database.

The target gets its schema from the same migrations as every other database, then
every table's rows in foreign-key order (ids kept), then its id sequences are moved
past the highest id. Before anything is committed, the row count and a checksum of
every table are compared with the source; any difference rolls the copy back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, exc, func, inspect, select, text, update
from sqlalchemy.engine import Connection, make_url

from patenbuero.db import migrate
from patenbuero.db import models as _models  # noqa: F401  (registers every table)
from patenbuero.db.base import Base
from patenbuero.db.engine import make_engine
from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.transfer_checks import table_checksum

log = logging.getLogger(__name__)

CHUNK_SIZE = 5_000
VERSION_TABLE = "alembic_version"
# Lists that migration 0010 fills in every new database (kinds, Stadtteile, target groups).
SEEDED_TABLES = frozenset({"event_kind", "organisation_kind", "district", "target_group"})

Progress = Callable[[str], None]


@dataclass(frozen=True)
class TableTransfer:
    """One copied table: rows and checksum in the source and in the target."""

    name: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def matches(self) -> bool:
        return self.source_rows == self.target_rows and self.source_checksum == self.target_checksum


@dataclass(frozen=True)
class TransferReport:
    source: str
    target: str
    revision: str
    tables: list[TableTransfer]

    @property
    def total_rows(self) -> int:
        return sum(table.target_rows for table in self.tables)


class TransferError(UserError):
    """The copy was refused or failed; the target holds no copied rows."""


def transfer_database(
    source: Database, target_url: str, progress: Progress | None = None
) -> TransferReport:
    """Copy everything in ``source`` (SQLite) into the empty PostgreSQL database at ``target_url``.

    Raises TransferError with a German message when the target is not an empty
    PostgreSQL database or the copy cannot be verified; the target then holds no
    copied rows (at most the empty schema, which a new attempt accepts).
    """
    report = progress or (lambda _line: None)
    target = _checked_target(source, target_url)
    engine = make_engine(target)
    try:
        try:
            with engine.connect() as connection:
                _refuse_non_empty(connection, target)
            report("Lege das Datenbankschema auf dem Server an …")
            revision = migrate.ensure_current(engine, target)
            with engine.connect() as connection, connection.begin():
                _refuse_non_empty(connection, target)
                _clear_seeded(connection)
                with source.reading() as session:
                    source_connection = session.connection()
                    tables = _copy_all(source_connection, connection, report)
                _advance_sequences(connection)
        except exc.OperationalError as error:
            log.warning("Zieldatenbank nicht erreichbar: %s", type(error.orig).__name__)
            raise TransferError(
                f"Die Zieldatenbank {target.display} ist nicht erreichbar: {_reason(error)}"
            ) from error
        except exc.DBAPIError as error:
            # Only the error's kind: its text can quote rows, i.e. personal data.
            log.error(
                "Übertragung nach %s fehlgeschlagen: %s",
                target.display,
                type(error.orig).__name__,
            )
            raise TransferError(
                f"Die Übertragung wurde abgebrochen und nichts übernommen: {_reason(error)}"
            ) from error
    finally:
        engine.dispose()
    log.info("Datenbank übertragen: %d Tabellen, %d Zeilen", len(tables), _sum(tables))
    return TransferReport(
        source=source.location.display, target=target.display, revision=revision, tables=tables
    )


def _checked_target(source: Database, target_url: str) -> DatabaseLocation:
    if "://" not in target_url:
        raise TransferError(
            "Als Ziel bitte die Adresse einer PostgreSQL-Datenbank angeben, "
            "z. B. postgresql+psycopg://benutzer@server/patenbuero."
        )
    try:
        target = DatabaseLocation(server=make_url(target_url), path=None)
    except exc.ArgumentError as error:
        raise TransferError(f"Die Datenbank-Adresse „{target_url}“ ist ungültig.") from error
    if target.url.get_backend_name() != "postgresql":
        raise TransferError(
            f"Das Ziel {target.display} ist keine PostgreSQL-Datenbank; "
            "übertragen wird nur auf einen PostgreSQL-Server."
        )
    if not source.location.is_sqlite:
        raise TransferError(
            f"Die Quelle {source.location.display} liegt schon auf einem Server; "
            "übertragen wird nur eine SQLite-Datei."
        )
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise TransferError(
            "Für PostgreSQL fehlt der Treiber psycopg (pip install 'patenbuero[postgres]')."
        ) from error
    return target


def _clear_seeded(connection: Connection) -> None:
    """The lists the migrations fill in a new database give way to those of the source."""
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in SEEDED_TABLES:
            connection.execute(delete(table))


def _refuse_non_empty(connection: Connection, target: DatabaseLocation) -> None:
    """Accept a database without tables, or one with only the empty Patenbüro schema."""
    names = set(inspect(connection).get_table_names())
    if not names:
        return
    ours = {table.name for table in Base.metadata.sorted_tables} | {VERSION_TABLE}
    foreign = sorted(names - ours)
    if foreign:
        raise TransferError(
            f"Die Zieldatenbank {target.display} ist nicht leer (sie enthält schon die "
            f"Tabelle {foreign[0]}); übertragen wird nur in eine leere Datenbank."
        )
    for table in Base.metadata.sorted_tables:
        if table.name in SEEDED_TABLES:
            continue
        if table.name in names and connection.scalar(select(1).select_from(table).limit(1)):
            raise TransferError(
                f"Die Zieldatenbank {target.display} ist nicht leer (die Tabelle {table.name} "
                "enthält schon Daten); übertragen wird nur in eine leere Datenbank."
            )


def _copy_all(source: Connection, target: Connection, report: Progress) -> list[TableTransfer]:
    done = []
    for table in Base.metadata.sorted_tables:
        rows = [dict(row) for row in source.execute(_ordered(table)).mappings()]
        _insert(target, table, rows)
        source_rows = len(rows)
        target_rows = target.scalar(select(func.count()).select_from(table)) or 0
        copied = TableTransfer(
            name=table.name,
            source_rows=source_rows,
            target_rows=target_rows,
            source_checksum=table_checksum(source, table),
            target_checksum=table_checksum(target, table),
        )
        if not copied.matches:
            raise TransferError(
                f"Die Tabelle {table.name} kam nicht unverändert an ({source_rows} Zeilen in "
                f"der Quelle, {target_rows} im Ziel); die Übertragung wurde zurückgenommen."
            )
        report(f"{table.name}: {source_rows} Zeilen übertragen und geprüft")
        done.append(copied)
    return done


def _insert(target: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert in chunks; columns that point into the same table are filled in afterwards."""
    if not rows:
        return
    self_refs = [
        fk.parent.name
        for fk in table.foreign_keys
        if fk.column.table is table and fk.parent.nullable
    ]
    first_pass = [{**row, **dict.fromkeys(self_refs)} for row in rows] if self_refs else rows
    for start in range(0, len(first_pass), CHUNK_SIZE):
        target.execute(table.insert(), first_pass[start : start + CHUNK_SIZE])
    if not self_refs:
        return
    (key,) = table.primary_key.columns
    for row in rows:
        values = {name: row[name] for name in self_refs if row[name] is not None}
        if values:
            target.execute(update(table).where(key == row[key.name]).values(**values))


def _advance_sequences(target: Connection) -> None:
    """Move every id sequence past the highest copied id, so new rows get fresh ids."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is not True and not (
                column.autoincrement == "auto" and len(table.primary_key.columns) == 1
            ):
                continue
            sequence = target.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            highest = target.scalar(select(func.max(column))) or 0
            target.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": max(highest, 1), "called": highest > 0},
            )


def _ordered(table: Table) -> Any:
    return select(table).order_by(*table.primary_key.columns)


def _sum(tables: list[TableTransfer]) -> int:
    return sum(table.target_rows for table in tables)


# The driver's messages are English; the causes an office's IT meets, in German.
_REASONS = (
    ("password authentication failed", "Benutzername oder Passwort stimmen nicht."),
    ("no password supplied", "Es wurde kein Passwort angegeben."),
    ("does not exist", "Benutzer oder Datenbank gibt es auf dem Server nicht."),
    ("connection refused", "Der Server nimmt keine Verbindungen an (Adresse oder Port prüfen)."),
    ("timeout", "Der Server antwortet nicht."),
    ("could not translate host name", "Den Servernamen gibt es nicht."),
    ("permission denied", "Dem Benutzer fehlen Rechte auf dem Server."),
    ("no pg_hba.conf entry", "Der Server lässt diesen Rechner oder Benutzer nicht zu."),
    ("certificate", "Das Zertifikat des Servers passt nicht (Servername oder root.crt prüfen)."),
    ("ssl", "Die verschlüsselte Verbindung (TLS) kam nicht zustande."),
)


def _reason(error: exc.DBAPIError) -> str:
    detail = str(error.orig if error.orig is not None else error).lower()
    for english, german in _REASONS:
        if english in detail:
            return german
    return "Einzelheiten stehen im Protokoll."
