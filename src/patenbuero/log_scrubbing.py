"""The log never holds personal data: exception texts are replaced, addresses masked.

Records name persons by id. Exception messages, though, are written by libraries and
may quote whatever value failed (a name, an e-mail address). The formatter keeps the
exception type and the stack (code only) and replaces the message, except for
SQLAlchemy's, whose statements carry no values because the engine hides parameters.
E-mail addresses and long digit runs (phone numbers) are masked everywhere as a
second line of defence.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from patenbuero.private_files import FILE_MODE, restrict_file

EMAIL = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")
DIGITS = re.compile(r"\+?\d[\d /]{5,}\d")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|„[^“]*“")
HIDDEN = "[Text ausgeblendet]"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def scrub_text(text: str) -> str:
    """Masks e-mail addresses and phone-like digit runs."""
    return DIGITS.sub("[Nummer]", EMAIL.sub("[E-Mail]", text))


def _safe_message(error: BaseException) -> str:
    module = type(error).__module__ or ""
    if module.startswith("sqlalchemy") or module.startswith("sqlite3"):
        return scrub_text(QUOTED.sub("'…'", str(error)))
    return HIDDEN if str(error) else ""


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the unscrubbed exception text on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return scrub_text(super().format(record))
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        kind, error, tb = ei
        if error is None:
            return super().formatException(ei)
        chain = traceback.TracebackException(kind, error, tb, compact=True)
        current: traceback.TracebackException | None = chain
        seen: set[int] = set()
        exc: BaseException | None = error
        while current is not None and exc is not None and id(current) not in seen:
            seen.add(id(current))
            current._str = _safe_message(exc)  # type: ignore[attr-defined]
            current.__notes__ = None  # type: ignore[attr-defined]
            if current.__cause__ is not None:
                current, exc = current.__cause__, exc.__cause__
            elif current.__context__ is not None:
                current, exc = current.__context__, exc.__context__
            else:
                current = None
        return "".join(chain.format()).rstrip("\n")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        os.close(descriptor)
        restrict_file(Path(self.baseFilename))
        return super()._open()
