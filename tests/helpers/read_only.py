"""A database file this process may read but not write (a read-only mount when root)."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only_copy(source: Path, folder: Path) -> Iterator[Path]:
    """Copy ``source`` to a place where it cannot be written; yields the copy's path."""
    folder.mkdir()
    if os.geteuid() != 0:
        target = folder / source.name
        shutil.copyfile(source, target)
        target.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield target
        finally:
            folder.chmod(0o755)
        return
    # Root may write any file it can read: only a read-only file system stops it.
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], check=False
    ).returncode:
        pytest.skip("Ein schreibgeschütztes tmpfs lässt sich hier nicht einhängen")
    try:
        shutil.copyfile(source, folder / source.name)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder / source.name
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
