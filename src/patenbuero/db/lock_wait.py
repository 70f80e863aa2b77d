"""Waiting for another PC's write: in short slices, telling the user, up to a limit.

A writer that finds the database busy (SQLite: another connection holds the write
lock; PostgreSQL: another transaction holds the row or creation lock) does not
fail: it tries again slice by slice and calls the listener after each slice, so the
window or the command line can say that another workplace is changing the data.
Past ``max_seconds`` it gives up with :class:`LockWaitTimeout`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Listener = Callable[[float], None]
"""Called with the seconds waited so far, from the thread that waits."""

SLICE_SECONDS = 1.0
MAX_SECONDS = 120.0

_lock = threading.Lock()
_listeners: list[Listener] = []
_limits = {"slice": SLICE_SECONDS, "max": MAX_SECONDS}


class LockWaitTimeout(Exception):
    """Another workplace kept the data locked longer than the program waits."""

    def __init__(self, waited: float) -> None:
        super().__init__(f"waited {waited:.0f} s for a lock")
        self.waited = waited


def add_listener(listener: Listener) -> None:
    with _lock:
        _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def set_limits(*, slice_seconds: float = SLICE_SECONDS, max_seconds: float = MAX_SECONDS) -> None:
    """How long one attempt waits and how long a writer waits in all."""
    _limits.update(slice=slice_seconds, max=max_seconds)


def slice_seconds() -> float:
    return _limits["slice"]


def keep_waiting(started: float) -> None:
    """After a busy slice: tell the listeners, or raise when the limit is reached."""
    waited = time.monotonic() - started
    if waited >= _limits["max"]:
        raise LockWaitTimeout(waited)
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(waited)
