import atexit
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# The test run logs into a temporary folder (subprocesses inherit it), never into the
# user's real log file.
os.environ["PATENBUERO_LOG_DIR"] = tempfile.mkdtemp(prefix="patenbuero-test-log-")

from patenbuero.services.core.database import Database, open_database
from tests.helpers.inquiry_network import network  # noqa: F401  (fixture of the inquiry tests)
from tests.helpers.postgres import (  # noqa: F401  (fixtures: the PostgreSQL test server)
    ScratchServer,
    on_postgres,
    pg_server,
    pg_url,
    sqlite_only_reason,
)
from tests.helpers.two_pcs import two_pcs  # noqa: F401  (two workplaces, both databases)

atexit.register(shutil.rmtree, os.environ["PATENBUERO_LOG_DIR"], True)
if TYPE_CHECKING:
    from tests.helpers.memory_keyring import MemoryKeyring

DEMO_TODAY = dt.date(2026, 11, 25)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop at once on a Qt build that drains None (see tests/ui/test_none_refcount.py).

    Without this, such a build aborts the interpreter somewhere in the GUI tests with
    "deallocating None" and no hint at the cause.
    """
    import sys

    from PySide6 import __version__ as qt_version
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("x")
    if sys.getrefcount(None) < before - 100:
        pytest.exit(
            f"PySide6 {qt_version} verliert auf Python {sys.version.split()[0]} bei jedem "
            "Qt-Aufruf eine Referenz auf None; das Programm stürzt damit nach Minuten ab. "
            "Bitte die Version aus pyproject.toml installieren (pip install -e '.[test]').",
            returncode=3,
        )


@pytest.fixture(autouse=True)
def isolated_pc_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """This PC's settings (the backup folder) go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("arbeitsplatz")
    monkeypatch.setenv("PATENBUERO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_database_named_none() -> Iterator[None]:
    """A test that opens `str(db.location.path)` on PostgreSQL (path None) writes a file "None"."""
    yield
    stray = Path.cwd() / "None"
    if stray.exists():
        for leftover in (stray, Path.cwd() / "None-shm", Path.cwd() / "None-wal"):
            leftover.unlink(missing_ok=True)
        pytest.fail('Der Test hat eine Datenbankdatei "None" angelegt (Pfad None statt target_of).')


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator["MemoryKeyring"]:
    """Passwords go to memory, never to this PC's real keyring."""
    import keyring

    from tests.helpers.memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On PostgreSQL, tests about SQLite files are skipped with their reason."""
    if not on_postgres():
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            why = marker.args[0] if marker.args else "about SQLite files"
            item.add_marker(pytest.mark.skip(reason=sqlite_only_reason(why)))


def _without_prefilled_lists(database: Database) -> Database:
    """Without the target groups and Stadtteile a new database starts with, so that each
    test builds the lists it needs."""
    from sqlalchemy import delete

    from patenbuero.db.models import District, TargetGroup

    with database.unit_of_work() as session:
        session.execute(delete(District))
        session.execute(delete(TargetGroup))
    return database


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A new, empty, migrated database file (also in the PostgreSQL run), lists emptied."""
    database = _without_prefilled_lists(open_database(str(tmp_path / "test.sqlite3")))
    yield database
    database.dispose()


@pytest.fixture
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A new migrated database as the program creates it (with the prefilled lists)."""
    if on_postgres():
        yield from _pg_clone(request, "new")
        return
    database = open_database(str(tmp_path / "new.sqlite3"))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from patenbuero.services.demo import fill_demo_data

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(str(path))
    fill_demo_data(database, "small", today=DEMO_TODAY)
    database.dispose()
    return path


@pytest.fixture
def sqlite_demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    """A fresh copy of the small demo database file (also in the PostgreSQL run)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_templates(request: pytest.FixtureRequest) -> dict[str, str]:
    """Template databases on the server, built once: "new" (migrated, prefilled lists),
    "empty" (lists emptied, as the ``db`` fixture) and "demo"."""
    from patenbuero.services.demo import fill_demo_data

    server: ScratchServer = request.getfixturevalue("pg_server")
    new = server.create()
    open_database(server.url_of(new)).dispose()
    server.seal(new)
    empty = server.create(template=new)
    _without_prefilled_lists(open_database(server.url_of(empty))).dispose()
    server.seal(empty)
    demo = server.create(template=new)
    database = open_database(server.url_of(demo))
    fill_demo_data(database, "small", today=DEMO_TODAY)
    database.dispose()
    server.seal(demo)
    return {"new": new, "empty": empty, "demo": demo}


def _pg_clone(request: pytest.FixtureRequest, template: str) -> Iterator[Database]:
    server: ScratchServer = request.getfixturevalue("pg_server")
    name = server.create(template=request.getfixturevalue("pg_templates")[template])
    database = open_database(server.url_of(name))
    try:
        yield database
    finally:
        database.dispose()
        server.finished(name)


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new, empty, migrated database: a file, or on PostgreSQL when PATENBUERO_TEST_DB is set."""
    if on_postgres():
        yield from _pg_clone(request, "empty")
    else:
        yield request.getfixturevalue("sqlite_db")


@pytest.fixture
def demo_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh copy of the small demo database (built once per test run), file or PostgreSQL."""
    if on_postgres():
        yield from _pg_clone(request, "demo")
    else:
        yield request.getfixturevalue("sqlite_demo_db")
