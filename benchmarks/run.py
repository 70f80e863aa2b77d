"""Time the demo generation and the list-loading services on a large database.

Run from the repository root:  .venv/bin/python benchmarks/run.py

Every figure is also given as a ratio to a baseline measured in the same run
(reading all registrations with the plain sqlite3 module), because absolute
times on a shared or busy machine wander by a factor of two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from patenbuero.db.models import Registration
from patenbuero.services.core.database import Database, open_database
from patenbuero.services.demo import fill_demo_data
from patenbuero.services.inquiries.use_cases import list_inquiries
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.projects.use_cases import list_projects
from patenbuero.services.registrations.use_cases import list_registrations


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (the least disturbed one) and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def fresh_database(folder: Path, name: str) -> Database:
    return open_database(str(folder / name))


def fullest_event(db: Database) -> int:
    with db.reading() as session:
        return session.execute(
            select(Registration.event_id)
            .group_by(Registration.event_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()


def raw_read(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return len(connection.execute("SELECT * FROM registration").fetchall())
    finally:
        connection.close()


def raw_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM registration").fetchone()[0])
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per list measurement")
    parser.add_argument("--keep", type=Path, help="folder to keep the databases in")
    args = parser.parse_args(argv)
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="patenbuero-bench-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        results: list[tuple[str, float, str]] = []

        def small_run() -> Any:
            db = fresh_database(folder, f"small-{time.perf_counter_ns()}.sqlite3")
            try:
                return fill_demo_data(db, "small", today=today)
            finally:
                db.dispose()

        seconds, summary = timed(small_run, 3)
        results.append(("Beispieldaten klein erzeugen", seconds, f"{summary.registrations} Anm."))

        large_path = folder / "large.sqlite3"
        large_path.unlink(missing_ok=True)
        db = fresh_database(folder, large_path.name)
        seconds, summary = timed(lambda: fill_demo_data(db, "large", today=today), 1)
        results.append(("Beispieldaten groß erzeugen", seconds, f"{summary.registrations} Anm."))

        event_id = fullest_event(db)
        measurements: list[tuple[str, Callable[[], Any]]] = [
            ("list_projects", lambda: list_projects(db)),
            (f"list_events({today.year})", lambda: list_events(db, today.year)),
            (f"list_registrations(#{event_id})", lambda: list_registrations(db, event_id)),
            ("list_inquiries", lambda: list_inquiries(db)),
        ]
        for label, action in measurements:
            seconds, rows = timed(action, args.repeat)
            results.append((label, seconds, f"{len(rows)} Zeilen"))
        db.dispose()

        baseline, read_rows = timed(lambda: raw_read(large_path), args.repeat)
        count_time, _ = timed(lambda: raw_count(large_path), args.repeat)
        print_table(results, baseline, read_rows, count_time)
    return 0


def print_table(
    results: list[tuple[str, float, str]], baseline: float, read_rows: int, count_time: float
) -> None:
    print(f"Basis: {read_rows} Anmeldungen mit sqlite3 lesen = {baseline * 1000:.1f} ms")
    print(f"(SELECT count(*) FROM registration = {count_time * 1000:.2f} ms)")
    print()
    width = max(len(label) for label, _, _ in results)
    print(f"{'Messung':<{width}}  {'Zeit':>10}  {'× Basis':>9}  Umfang")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 9}  {'-' * 16}")
    for label, seconds, size in results:
        print(f"{label:<{width}}  {seconds * 1000:>7.1f} ms  {seconds / baseline:>9.2f}  {size}")
    ratios = [seconds / baseline for _, seconds, _ in results[2:]]
    print()
    print(f"Median der Listen-Aufrufe: {statistics.median(ratios):.2f} × Basis")


if __name__ == "__main__":
    sys.exit(main())
