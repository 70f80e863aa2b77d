"""Thin out the backups: all of the last 24 hours, then the newest of each of the last
7 days, 4 weeks and 12 months.

Only plain backups (no suffix such as "_vor-wiederherstellung") take part; copies made
before a restore or a schema change are kept until someone deletes them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from patenbuero.db.backup import TEMPORARY_SUFFIX

log = logging.getLogger(__name__)

DAILY, WEEKLY, MONTHLY = 7, 4, 12
STALE_TEMPORARY_SECONDS = 24 * 3600


def backups_to_keep(stamps: Iterable[dt.datetime]) -> set[dt.datetime]:
    """Grandfather-father-son: which of the given backup times stay."""
    newest_first = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set()
    buckets: tuple[tuple[int, Callable[[dt.datetime], Hashable]], ...] = (
        (DAILY, lambda stamp: stamp.date()),
        (WEEKLY, lambda stamp: stamp.isocalendar()[:2]),
        (MONTHLY, lambda stamp: (stamp.year, stamp.month)),
    )
    for limit, bucket_of in buckets:
        seen: set[Hashable] = set()
        for stamp in newest_first:
            bucket = bucket_of(stamp)
            if bucket in seen:
                continue
            if len(seen) == limit:
                break
            seen.add(bucket)
            keep.add(stamp)
    return keep


def rotate(folder: Path, pattern: re.Pattern[str], now: dt.datetime | None = None) -> list[Path]:
    """Delete the plain backups in ``folder`` that fall out of the rotation; returns them."""
    recent = (now or dt.datetime.now()) - dt.timedelta(hours=24)
    plain: dict[Path, dt.datetime] = {}
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and match.group(3) is None:
            stamp = dt.datetime.strptime(match.group(1), "%Y-%m-%d_%H%M%S")
            # Two backups in one second: the numbered one counts as a little later.
            plain[path] = stamp + dt.timedelta(microseconds=int(match.group(2) or 0))
        elif path.name.startswith(".") and path.name.endswith(TEMPORARY_SUFFIX):
            _remove_if_stale(path)
    keep = backups_to_keep(plain.values())
    removed = []
    for path, stamp in plain.items():
        if stamp not in keep and stamp < recent:
            try:
                path.unlink()
            except OSError:
                log.warning("Alte Sicherung ließ sich nicht löschen")
                continue
            removed.append(path)
    if removed:
        log.info("%s alte Sicherungen gelöscht", len(removed))
    return removed


def _remove_if_stale(path: Path) -> None:
    """A temporary file of a backup that was killed midway, left for a day."""
    try:
        if time.time() - path.stat().st_mtime > STALE_TEMPORARY_SECONDS:
            path.unlink()
    except OSError:
        pass
