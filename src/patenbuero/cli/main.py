"""Runs a command: open the database, call the service, turn errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys

from patenbuero.cli.german_argparse import printable
from patenbuero.cli.output import printable_output
from patenbuero.db.location import resolve
from patenbuero.errors import UserError
from patenbuero.failure_text import reason
from patenbuero.services.core import lock_notices
from patenbuero.services.core.database import open_database

log = logging.getLogger(__name__)

EXIT_FAILURE = 1


WAIT_NOTICE = (
    "patenbuero: Die Daten werden gerade an einem anderen Arbeitsplatz geändert – "
    "bitte einen Moment …"
)


class _WaitNotice:
    """Says once per command that it waits for another workplace."""

    def __init__(self) -> None:
        self.told = False

    def __call__(self, _seconds: float) -> None:
        if not self.told:
            self.told = True
            print(WAIT_NOTICE, file=sys.stderr, flush=True)


def _foreseeable(error: Exception) -> bool:
    if isinstance(error, OSError | sqlite3.Error | OverflowError):
        return True
    # SQLAlchemy is imported only by commands that use it (not by `info` on a file).
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    return sqlalchemy_errors is not None and isinstance(error, sqlalchemy_errors.SQLAlchemyError)


def run_command(args: argparse.Namespace) -> int:
    """Exit status 0 on success, 1 with one German line on stderr on failure.

    Whatever a command prints shows control characters as \\xNN, never raw.
    """
    notice = _WaitNotice()
    lock_notices.add_wait_listener(notice)
    try:
        with printable_output():
            return _run(args)
    finally:
        lock_notices.remove_wait_listener(notice)


def _run(args: argparse.Namespace) -> int:
    try:
        if getattr(args, "opens_database_itself", False):
            return int(args.handler(resolve(args.db), args))
        db = open_database(args.db)
        try:
            return int(args.handler(db, args))
        finally:
            db.dispose()
    except UserError as error:
        print(f"patenbuero: {printable(str(error))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("patenbuero: abgebrochen.", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        return 0
    except Exception as error:
        if _foreseeable(error):
            # Foreseeable failures of the disk, the file system or the database server.
            log.exception("Fehler im Befehl %s", getattr(args, "command", "?"))
            print(f"patenbuero: {reason(error)}", file=sys.stderr)
            return EXIT_FAILURE
        log.exception("Unerwarteter Fehler im Befehl %s", getattr(args, "command", "?"))
        print(
            "patenbuero: Ein unerwarteter Fehler ist aufgetreten; "
            "Einzelheiten stehen im Protokoll.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
