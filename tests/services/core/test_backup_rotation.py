"""Rotation keeps the newest of 7 days, 4 weeks and 12 months, and nothing special."""

import datetime as dt
import os
import time

import pytest

from patenbuero.services.core.backup import NAME_PATTERN, backup_name
from patenbuero.services.core.backup_rotation import backups_to_keep, rotate

pytestmark = pytest.mark.sqlite_only("backup files of a SQLite database")


def test_one_backup_a_day_for_two_years_keeps_at_most_23() -> None:
    start = dt.datetime(2025, 1, 1, 9, 0, 0)
    stamps = [start + dt.timedelta(days=n) for n in range(730)]
    keep = backups_to_keep(stamps)
    newest = stamps[-1]
    assert newest in keep
    assert all(newest - stamp < dt.timedelta(days=7) for stamp in sorted(keep)[-7:])
    assert len(keep) <= 7 + 4 + 12
    assert min(keep) >= newest - dt.timedelta(days=366)
    months = {(stamp.year, stamp.month) for stamp in keep}
    assert len(months) == 12


def test_several_backups_a_day_keep_the_newest_of_the_day() -> None:
    day = dt.datetime(2026, 12, 1, 8)
    stamps = [day, day.replace(hour=12), day.replace(hour=17)]
    assert backups_to_keep(stamps) == {day.replace(hour=17)}


def test_rotate_deletes_only_plain_backups_and_stale_temporary_files(tmp_path) -> None:
    start = dt.datetime(2026, 1, 1, 9)
    for n in range(40):
        (tmp_path / backup_name(start + dt.timedelta(days=n))).write_bytes(b"x")
    special = tmp_path / backup_name(start, "vor-wiederherstellung")
    special.write_bytes(b"x")
    other = tmp_path / "eigene-kopie.sqlite3"
    other.write_bytes(b"x")
    stale = tmp_path / ".Patenbuero-Sicherung_x.sqlite3.1.unfertig"
    fresh = tmp_path / ".Patenbuero-Sicherung_y.sqlite3.2.unfertig"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - 3 * 24 * 3600
    os.utime(stale, (old, old))
    removed = rotate(tmp_path, NAME_PATTERN, now=dt.datetime(2026, 3, 1))
    assert len(removed) == 40 - len(
        list(tmp_path.glob("Patenbuero-Sicherung_2026-0*_090000.sqlite3"))
    )
    assert special.exists() and other.exists() and fresh.exists() and not stale.exists()
    left = sorted(p.name for p in tmp_path.glob("Patenbuero-Sicherung_2026-*_090000.sqlite3"))
    assert left[-1] == backup_name(start + dt.timedelta(days=39))
    assert len(left) <= 7 + 4 + 2


def test_backups_of_the_last_day_all_stay(tmp_path) -> None:
    now = dt.datetime(2026, 12, 2, 15)
    names = [backup_name(now - dt.timedelta(hours=hours)) for hours in (1, 5, 30, 31)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = rotate(tmp_path, NAME_PATTERN, now=now)
    assert [path.name for path in removed] == [names[3]]
