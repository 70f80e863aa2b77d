"""A rotating log file in the user's log folder; the console only gets warnings.

Hard crashes (a fault in Qt or in the interpreter) cannot reach the log through
Python; ``faulthandler`` writes their stack into a crash file beside it instead.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import logging.handlers
import os
from pathlib import Path
from typing import IO

from patenbuero.log_scrubbing import PrivateRotatingFileHandler, ScrubbingFormatter
from patenbuero.private_files import make_private_folder

LOG_FILE_NAME = "patenbuero.log"
CRASH_FILE_NAME = "absturz.log"

log = logging.getLogger(__name__)
_crash_file: IO[str] | None = None


LOG_DIR_VARIABLE = "PATENBUERO_LOG_DIR"


def log_dir() -> Path:
    """The user's log folder, or the folder in PATENBUERO_LOG_DIR (tests use a temporary one)."""
    chosen = os.environ.get(LOG_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_log_dir("Patenbuero", "Freiwilligen-Agentur Halle"))


def setup_logging() -> Path | None:
    """Log to a rotating file; returns its path, or None if the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        make_private_folder(folder)
        path = folder / LOG_FILE_NAME
        handler = PrivateRotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path


def enable_fault_handler(folder: Path | None = None) -> Path | None:
    """Record hard crashes in ``absturz.log``; returns the report of the last run, if any.

    A crash file left by the previous run is renamed with its date so that it is kept
    and the next crash starts a file of its own.
    """
    global _crash_file
    folder = folder or log_dir()
    path = folder / CRASH_FILE_NAME
    earlier: Path | None = None
    try:
        make_private_folder(folder)
        if path.is_file() and path.stat().st_size > 0:
            stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d_%H-%M-%S")
            earlier = path.with_name(f"absturz_{stamp}.log")
            path.replace(earlier)
            log.warning("Das Programm ist beim letzten Lauf abgestürzt: %s", earlier)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        crash_file = os.fdopen(descriptor, "a", encoding="utf-8")
    except OSError:
        faulthandler.enable()
        return earlier
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    faulthandler.enable(file=crash_file, all_threads=True)
    return earlier
