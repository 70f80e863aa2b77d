"""Keep Python's garbage collector out of worker threads.

A collection can start in whichever thread allocates; if it frees Qt widgets there,
they are destroyed outside the GUI thread and Qt crashes. Worker code therefore runs
with automatic collection paused; the GUI thread collects as usual afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0


@contextmanager
def collection_paused() -> Iterator[None]:
    global _paused
    with _lock:
        if _paused == 0:
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                gc.enable()
