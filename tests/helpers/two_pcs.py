"""Two office PCs on one database: two engines on one SQLite file or one PostgreSQL schema.

``two_pcs`` runs a test once per database kind (PostgreSQL only when
PATENBUERO_TEST_DB is set); ``open_pcs(disable=…)`` opens both workplaces, optionally
with a safeguard switched off for a negative control. ``race`` runs two actions in
threads and collects what each returned or raised; ``Rendezvous`` lets both sides meet
right before their critical statement when the locks let them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from patenbuero.db import lock_wait, safety_switches
from patenbuero.services.core.database import Database, open_database
from tests.helpers.postgres import ENV_VARIABLE

MEETING_SECONDS = 1.5


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None


@dataclass
class Rendezvous:
    """Both sides wait here for each other, at most ``MEETING_SECONDS``.

    With the locks working, the second side is held back by the lock and never
    arrives while the first is inside its transaction: the meeting times out.
    Without them, both meet and go on together, so the race really happens.
    """

    barrier: threading.Barrier = field(default_factory=lambda: threading.Barrier(2))
    met: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def wait(self) -> None:
        name = threading.current_thread().name
        try:
            self.barrier.wait(MEETING_SECONDS)
            self.met.append(name)
        except threading.BrokenBarrierError:
            self.missed.append(name)


def race(first: Callable[[], Any], second: Callable[[], Any]) -> tuple[Outcome, Outcome]:
    """Run both at once (threads "PC A" and "PC B"); what each returned or raised."""
    outcomes = (Outcome(), Outcome())
    start = threading.Barrier(2)

    def run(action: Callable[[], Any], outcome: Outcome) -> None:
        start.wait(10)
        try:
            outcome.value = action()
        except BaseException as error:
            outcome.error = error

    threads = [
        threading.Thread(target=run, args=(action, outcome), name=name)
        for action, outcome, name in zip((first, second), outcomes, ("PC A", "PC B"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
        assert not thread.is_alive(), "a workplace hangs"
    return outcomes


@dataclass
class Workplaces:
    kind: str
    target: str
    monkeypatch: pytest.MonkeyPatch
    opened: list[Database] = field(default_factory=list)
    waits: list[tuple[str, float]] = field(default_factory=list)

    def open(self, *, disable: str = "") -> tuple[Database, Database]:
        """PC A and PC B; ``disable`` switches a safeguard off (negative control)."""
        if disable:
            self.monkeypatch.setenv(safety_switches.ENV_VARIABLE, disable)
        pcs = (open_database(self.target), open_database(self.target))
        self.opened.extend(pcs)
        return pcs


@pytest.fixture(params=["sqlite", "postgresql"])
def two_pcs(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workplaces]:
    """The same database seen from two workplaces, with short lock-wait slices."""
    if request.param == "sqlite":
        target = str(tmp_path / "buero.sqlite3")
    else:
        if not os.environ.get(ENV_VARIABLE):
            pytest.skip(
                f"{ENV_VARIABLE} is not set (a postgresql+psycopg:// URL of a scratch "
                "database); the PostgreSQL run of the concurrency tests is skipped"
            )
        target = request.getfixturevalue("pg_url")
    places = Workplaces(request.param, target, monkeypatch)
    lock_wait.set_limits(slice_seconds=0.2, max_seconds=60)

    def heard(seconds: float) -> None:
        places.waits.append((threading.current_thread().name, seconds))

    lock_wait.add_listener(heard)
    try:
        yield places
    finally:
        lock_wait.remove_listener(heard)
        lock_wait.set_limits()
        for database in places.opened:
            database.dispose()
