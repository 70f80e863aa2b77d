"""The PostgreSQL test server named by PATENBUERO_TEST_DB.

With the variable set, the whole suite runs a second time against PostgreSQL: the
``db`` and ``demo_db`` fixtures then give each test its own database, cloned from a
template that is migrated (and filled with the demo data) once per session —
``CREATE DATABASE … TEMPLATE …`` takes ~0.12 s, a fresh schema plus migrations ~0.28 s.
Tests about SQLite files carry ``@pytest.mark.sqlite_only("why")`` and are skipped.

The ``pg_url`` fixture is a scratch schema (the connection's search_path points at it)
for tests that need PostgreSQL beside a SQLite database (the transfer onto the server).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import Engine, make_url

ENV_VARIABLE = "PATENBUERO_TEST_DB"
SKIP_REASON = (
    f"{ENV_VARIABLE} is not set (a postgresql+psycopg:// URL of a scratch database); "
    "tests that need a PostgreSQL server are skipped (tools/postgres_tests.sh sets it)"
)


def on_postgres() -> bool:
    """Whether this run uses the PostgreSQL test server for ``db`` and ``demo_db``."""
    return bool(os.environ.get(ENV_VARIABLE))


def sqlite_only_reason(why: str) -> str:
    return f"nur SQLite / SQLite only: {why} (this run uses PostgreSQL, {ENV_VARIABLE})"


def scratch_server_url() -> str:
    url = os.environ.get(ENV_VARIABLE, "")
    if not url:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    return url


class ScratchServer:
    """Databases of one test session on the server: all named ``<prefix>_…``, all dropped.

    A finished test's database is dropped a few tests later, not at once: a widget a
    GUI test left behind may still fire a timer (the event dialog's conflict check)
    during the next test, and on SQLite that finds the old file too.
    """

    DROP_DELAY = 8  # finished databases kept until this many more have finished

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        self.prefix = f"pbtest_{uuid.uuid4().hex[:8]}"
        self._admin: Engine = create_engine(self.base, isolation_level="AUTOCOMMIT")
        self._open: set[str] = set()
        self._finished: list[str] = []

    def url_of(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template``); its name."""
        name = f"{self.prefix}_{uuid.uuid4().hex[:10]}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        self._open.add(name)
        return name

    def seal(self, name: str) -> None:
        """Make ``name`` a template: vacuumed and analysed, then closed to connections.

        Copying fails while anyone is connected to the source; closed to connections,
        no autovacuum worker visits it either.
        """
        engine = create_engine(self.url_of(name), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("VACUUM (ANALYZE)"))
        engine.dispose()
        with self._admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))

    def finished(self, name: str) -> None:
        """The test is done with ``name``; dropped once DROP_DELAY more have finished."""
        self._finished.append(name)
        while len(self._finished) > self.DROP_DELAY:
            self.drop(self._finished.pop(0))

    def drop(self, name: str) -> None:
        """Gone, with any connection a test left open.

        Terminating the connections of an autovacuum worker needs pg_signal_backend;
        without it the drop is tried again a moment later.
        """
        for attempt in range(20):
            try:
                with self._admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                break
            except exc.ProgrammingError:
                if attempt == 19:
                    raise
                time.sleep(0.1)
        self._open.discard(name)

    def close(self) -> None:
        for name in sorted(self._open):
            self.drop(name)
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ScratchServer]:
    server = ScratchServer(scratch_server_url())
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty schema; dropped with everything in it after the test."""
    base = make_url(scratch_server_url())
    schema = f"transfer_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
