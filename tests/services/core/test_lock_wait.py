"""A long write on one workplace makes the other wait with a notice, not fail.

Runs on SQLite (the other connection holds the write lock) and PostgreSQL (the
other transaction holds the event's row lock).
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from patenbuero.db import lock_wait
from patenbuero.db.models import Registration
from patenbuero.services.core.database import DatabaseBusyError
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, person
from tests.helpers.two_pcs import race

NOTICE = "anderen Arbeitsplatz"


def _long_write(db, event_id: int, held: threading.Event, release: threading.Event) -> None:
    """PC A's long import: the event is locked until ``release``."""
    with db.unit_of_work() as session:
        booking.lock_event(session, event_id)
        held.set()
        release.wait(30)


def test_the_other_workplace_waits_and_is_told(two_pcs) -> None:
    pc_a, pc_b = two_pcs.open()
    event_id = add_event(pc_a, capacity=10)
    held, release = threading.Event(), threading.Event()

    def import_ends(seconds: float) -> None:  # A's import ends after B waited a second
        if seconds >= 1.0:
            release.set()

    def pc_b_books():
        held.wait(10)
        return register_person(pc_b, event_id, person("Zofia", "Nowak", "zofia@example.org"))

    lock_wait.add_listener(import_ends)
    try:
        first, second = race(lambda: _long_write(pc_a, event_id, held, release), pc_b_books)
    finally:
        lock_wait.remove_listener(import_ends)

    assert first.error is None and second.error is None
    assert second.value.status == "confirmed"
    told = [seconds for name, seconds in two_pcs.waits if name == "PC B"]
    assert told and max(told) >= 1.0  # told several times while waiting, not failed


def test_waiting_too_long_gives_one_german_line_and_saves_nothing(two_pcs) -> None:
    pc_a, pc_b = two_pcs.open()
    event_id = add_event(pc_a, capacity=10)
    held, release = threading.Event(), threading.Event()
    lock_wait.set_limits(slice_seconds=0.2, max_seconds=1.0)

    def pc_b_books():
        held.wait(10)
        try:
            return register_person(pc_b, event_id, person("Zofia", "Nowak", "zofia@example.org"))
        finally:
            release.set()

    _first, second = race(lambda: _long_write(pc_a, event_id, held, release), pc_b_books)

    assert isinstance(second.error, DatabaseBusyError)
    message = str(second.error)
    assert NOTICE in message and "nichts gespeichert" in message and "\n" not in message
    with pc_a.reading() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 0


def test_sqlite_waits_at_the_begin_of_the_write(tmp_path) -> None:
    """Without the wait, BEGIN IMMEDIATE would fail with SQLite's English 'locked'."""
    from patenbuero.services.core.database import open_database

    pc_a, pc_b = open_database(str(tmp_path / "a.sqlite3")), None
    try:
        pc_b = open_database(str(tmp_path / "a.sqlite3"))
        heard: list[float] = []
        lock_wait.add_listener(heard.append)
        lock_wait.set_limits(slice_seconds=0.1, max_seconds=0.5)
        with pc_a.unit_of_work(), pytest.raises(DatabaseBusyError), pc_b.unit_of_work():
            pass
        assert heard
    finally:
        lock_wait.remove_listener(heard.append)
        lock_wait.set_limits()
        pc_a.dispose()
        if pc_b is not None:
            pc_b.dispose()
