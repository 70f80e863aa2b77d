"""One German reason for every foreseeable database and operating-system failure."""

import errno
import sqlite3

import pytest
from sqlalchemy import exc

from patenbuero.failure_text import UNKNOWN_REASON, reason


def _pg(message: str) -> exc.OperationalError:
    """How SQLAlchemy hands on an error of psycopg (PostgreSQL)."""
    return exc.OperationalError("SELECT 1", {}, Exception(message))


CASES = [
    (OSError(errno.ENOSPC, "No space left on device"), "kein Platz"),
    (OSError(errno.EACCES, "Permission denied"), "Berechtigung"),
    (OSError(errno.EROFS, "Read-only file system"), "schreibgeschützt"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "existiert nicht"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "Ordner"),
    (sqlite3.OperationalError("database or disk is full"), "kein Platz"),
    (sqlite3.DatabaseError("database disk image is malformed"), "beschädigt"),
    (sqlite3.DatabaseError("file is not a database"), "keine Datenbank"),
    (sqlite3.OperationalError("database is locked"), "anderen Arbeitsplatz"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "schreibgeschützt"),
    (exc.OperationalError("SELECT 1", {}, Exception("connection refused")), "nicht erreichbar"),
    (exc.DataError("INSERT", {}, Exception("integer out of range")), "zu groß"),
    (
        exc.DataError("INSERT", {}, Exception("value too long for type character varying(100)")),
        "zu lang",
    ),
    (ValueError("A string literal cannot contain NUL (0x00) characters."), "Steuerzeichen"),
    (OverflowError("Python int too large to convert to SQLite INTEGER"), "zu groß"),
    (_pg('connection to server at "10.0.0.5", port 5432 failed: Connection refused'), "erreichbar"),
    (_pg('FATAL:  password authentication failed for user "buero"'), "abgelehnt"),
    (_pg('FATAL:  database "patenbuero" does not exist'), "existiert nicht"),
    (_pg('FATAL:  role "buero" does not exist'), "Benutzer"),
    (_pg('could not translate host name "pgserver" to address'), "Namen"),
    (_pg("canceling statement due to lock timeout"), "anderen Arbeitsplatz"),
    (_pg("deadlock detected"), "noch einmal"),
    (_pg("server closed the connection unexpectedly"), "abgebrochen"),
    (_pg("FATAL:  sorry, too many clients already: too many connections"), "Verbindung"),
    (_pg('no pg_hba.conf entry for host "10.0.0.9"'), "Arbeitsplatz"),
]


@pytest.mark.parametrize(
    ("error", "words"), CASES, ids=[type(c[0]).__name__ + str(n) for n, c in enumerate(CASES)]
)
def test_reason_is_one_german_sentence(error, words) -> None:
    text = reason(error)
    assert words in text and text.endswith(".") and "\n" not in text
    for english in ("No space", "denied", "malformed", "locked", "refused", "range", "does not"):
        assert english not in text


def test_unknown_errors_do_not_leak_their_english_text() -> None:
    assert reason(RuntimeError("something odd happened")) == UNKNOWN_REASON


def test_a_missing_table_is_not_called_a_missing_database() -> None:
    assert reason(_pg('relation "person" does not exist')) == UNKNOWN_REASON
