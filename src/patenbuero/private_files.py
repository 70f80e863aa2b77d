"""Files with personal data are readable by the user only (0600, folders 0700).

On Linux and macOS every file the app creates with personal data — the database and
its folder, backups, copies before a migration, exports, PDFs and the log — goes
through these helpers. On Windows the modes mean nothing; the default folders lie in
the user's profile, which only the user can read.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
IS_POSIX = os.name == "posix"


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) and make a newly created one 0700."""
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if IS_POSIX and not existed:
        os.chmod(folder, FOLDER_MODE)
    return folder


def restrict_file(path: Path) -> None:
    """Make an existing file 0600 (used after a library created it)."""
    if IS_POSIX and path.exists():
        os.chmod(path, FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file as 0600 if it does not exist yet (e.g. before SQLite opens it)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    os.close(descriptor)
    restrict_file(path)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is 0600 from the first byte."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    restrict_file(path)
