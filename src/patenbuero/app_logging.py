"""A rotating log file in the user's log folder; the console only gets warnings."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "patenbuero.log"


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("Patenbuero", "Freiwilligen-Agentur Halle"))


def setup_logging() -> Path | None:
    """Log to a rotating file; returns its path, or None if the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path
