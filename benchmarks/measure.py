"""Timing helpers: repeated runs, medians and minima, and GUI-thread stalls."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Timing:
    """Several runs of one thing, in seconds."""

    runs: list[float] = field(default_factory=list)
    stall: float | None = None  # the longest gap between two turns of the event loop

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def minimum(self) -> float:
        return min(self.runs)


def repeat(action: Callable[[], object], times: int) -> Timing:
    timing = Timing()
    for _ in range(times):
        start = time.perf_counter()
        action()
        timing.runs.append(time.perf_counter() - start)
    return timing


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (Linux /proc), in MB."""
    statm = Path(f"/proc/{pid or os.getpid()}/statm")
    pages = int(statm.read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class StallMeter:
    """Measures how long the GUI thread is blocked while an action runs in the event loop.

    A 2 ms heartbeat timer notes every turn of the event loop; the action is started
    from the loop like a click, and the longest gap between heartbeats is the stall a
    user feels (the window neither repaints nor answers).
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._beat)
        self._last = 0.0
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def run(self, action: Callable[[], object], done: Callable[[], bool]) -> tuple[float, float]:
        """Start ``action`` from the event loop; returns (seconds until done, longest stall)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()
        finished: list[float] = []
        started = time.perf_counter()

        def start() -> None:
            action()
            poll()

        def poll() -> None:
            if done():
                finished.append(time.perf_counter())
                QTimer.singleShot(20, loop.quit)  # let the paint after it be measured
            else:
                QTimer.singleShot(1, poll)

        QTimer.singleShot(0, start)
        loop.exec()
        self._timer.stop()
        self._beat()
        return finished[0] - started, self.longest
