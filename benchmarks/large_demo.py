"""The large demo database, built once and cached for benchmarks and the soak run."""

from __future__ import annotations

import shutil
from pathlib import Path

DEFAULT_PATH = Path("build/large-demo.sqlite3")


def ensure_large_demo(path: Path = DEFAULT_PATH) -> Path:
    """Build the large demo once (about 10 s); later calls return the cached file, unless
    it has an older schema (a migrated copy would time the migration and its backup)."""
    from patenbuero.db.migrate import HEAD_REVISION, file_revision

    if path.is_file() and file_revision(path) == HEAD_REVISION:
        return path
    from patenbuero.services.core.database import open_database
    from patenbuero.services.demo import fill_demo_data

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    print(f"Baue die große Beispieldatenbank in {path} …", flush=True)
    db = open_database(str(partial))
    fill_demo_data(db, "large")
    db.dispose()
    partial.replace(path)
    return path


def working_copy(template: Path, folder: Path, name: str = "work.sqlite3") -> Path:
    target = folder / name
    shutil.copyfile(template, target)
    return target
