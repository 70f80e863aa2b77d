"""The command line waits for another workplace's long write and says so in German."""

from __future__ import annotations

import threading

import pytest

from patenbuero.db import lock_wait
from patenbuero.launcher import main
from patenbuero.services.core.database import open_database
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, person

pytestmark = pytest.mark.sqlite_only(
    "another PC holds the SQLite file's write lock (PostgreSQL: test_lock_wait.py)"
)

NOTICE = "Die Daten werden gerade an einem anderen Arbeitsplatz geändert – bitte einen Moment …"


@pytest.fixture
def held_database(db):
    """Another workplace holds the write lock until the returned event is set."""
    event_id = add_event(db, capacity=5)
    register_person(db, event_id, person("Jörg", "Weiß", "joerg@example.org"))
    other = open_database(str(db.location.path))
    held, release = threading.Event(), threading.Event()

    def long_import() -> None:
        with other.unit_of_work():
            held.set()
            release.wait(30)

    worker = threading.Thread(target=long_import)
    worker.start()
    held.wait(10)
    yield db, event_id, release
    release.set()
    worker.join(10)
    other.dispose()
    lock_wait.set_limits()


def test_cancel_waits_with_one_german_line_then_succeeds(held_database, capsys) -> None:
    db, event_id, release = held_database
    lock_wait.set_limits(slice_seconds=0.2, max_seconds=30)

    def import_ends(seconds: float) -> None:  # the other workplace finishes meanwhile
        if seconds >= 0.6:
            release.set()

    lock_wait.add_listener(import_ends)
    args = ["registrations", "cancel", "--event", str(event_id), "--email", "joerg@example.org"]
    try:
        assert main(["--db", str(db.location.path), *args]) == 0
    finally:
        lock_wait.remove_listener(import_ends)
    err = capsys.readouterr().err
    assert err.count(NOTICE) == 1  # said once, not once per slice


def test_waiting_too_long_ends_with_one_german_line(held_database, capsys) -> None:
    db, event_id, _release = held_database
    lock_wait.set_limits(slice_seconds=0.2, max_seconds=0.6)
    args = ["registrations", "cancel", "--event", str(event_id), "--email", "joerg@example.org"]
    assert main(["--db", str(db.location.path), *args]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("patenbuero: Die Daten werden seit einer Sekunde an einem")
    assert "nichts gespeichert" in lines[-1]
    assert "locked" not in " ".join(lines) and "Traceback" not in " ".join(lines)
