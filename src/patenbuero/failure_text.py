"""One place that turns database and operating-system failures into one German line.

Callers add what they were doing ("Die Sicherung nach … ist fehlgeschlagen: …"); this
module only says why, in words an office can act on, and never lets an English
fragment of the driver or the operating system through.
"""

from __future__ import annotations

import errno
import re

_BUSY = (
    "Die Daten werden gerade an einem anderen Arbeitsplatz geändert; bitte versuchen Sie "
    "es in einem Moment noch einmal."
)

# Lower-case fragments of SQLite/PostgreSQL messages and what they mean (first match).
_DATABASE_REASONS: tuple[tuple[str, str], ...] = (
    ("database or disk is full", "Auf dem Datenträger ist kein Platz mehr frei."),
    ("disk i/o error", "Der Datenträger meldet einen Lese- oder Schreibfehler."),
    ("database disk image is malformed", "Die Datenbankdatei ist beschädigt."),
    ("file is not a database", "Die Datei ist keine Datenbank oder ist beschädigt."),
    ("database is locked", _BUSY),
    ("database table is locked", _BUSY),
    ("lock timeout", _BUSY),
    ("could not obtain lock", _BUSY),
    (
        "deadlock detected",
        "Zwei Arbeitsplätze haben gleichzeitig dieselben Daten geändert; bitte versuchen "
        "Sie es noch einmal.",
    ),
    (
        "could not serialize access",
        "Zwei Arbeitsplätze haben gleichzeitig dieselben Daten geändert; bitte versuchen "
        "Sie es noch einmal.",
    ),
    ("unable to open database file", "Die Datei lässt sich nicht öffnen."),
    ("attempt to write a readonly database", "Die Datenbank ist schreibgeschützt."),
    ("readonly database", "Die Datenbank ist schreibgeschützt."),
    ("connection refused", "Der Datenbankserver ist nicht erreichbar."),
    ("could not connect", "Der Datenbankserver ist nicht erreichbar."),
    ("could not translate host name", "Den Namen des Datenbankservers gibt es nicht."),
    ("name or service not known", "Den Namen des Datenbankservers gibt es nicht."),
    ("timeout expired", "Der Datenbankserver antwortet nicht."),
    ("password authentication failed", "Anmeldung am Datenbankserver abgelehnt."),
    ("no password supplied", "Anmeldung am Datenbankserver abgelehnt: Es fehlt das Passwort."),
    ("no pg_hba.conf entry", "Der Datenbankserver lässt diesen Arbeitsplatz nicht zu."),
    ("the database system is starting up", "Der Datenbankserver startet gerade."),
    ("the database system is shutting down", "Der Datenbankserver wird gerade beendet."),
    ("too many connections", "Der Datenbankserver nimmt gerade keine Verbindung mehr an."),
    ("connection slots are reserved", "Der Datenbankserver nimmt gerade keine Verbindung mehr an."),
    ("server closed the connection", "Die Verbindung zum Datenbankserver ist abgebrochen."),
    ("terminating connection", "Die Verbindung zum Datenbankserver ist abgebrochen."),
    ("connection is closed", "Die Verbindung zum Datenbankserver ist abgebrochen."),
    ("consuming input failed", "Die Verbindung zum Datenbankserver ist abgebrochen."),
    ("permission denied", "Dem Datenbank-Benutzer fehlt dafür die Berechtigung."),
    ("must be owner of", "Dem Datenbank-Benutzer fehlt dafür die Berechtigung."),
    ("integer out of range", "Eine Zahl ist zu groß."),
    ("python int too large", "Eine Zahl ist zu groß."),
    ("value too long", "Ein Text ist zu lang."),
    ("nul (0x00)", "Ein Text enthält ein unzulässiges Steuerzeichen."),
    ("can't load plugin", "Diese Art von Datenbank-Adresse kennt das Patenbüro nicht."),
)

# PostgreSQL names the missing thing in quotes: "database "x" does not exist".
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r'role ".*" does not exist'),
        "Anmeldung am Datenbankserver abgelehnt: Den Benutzer gibt es nicht.",
    ),
    (re.compile(r'database ".*" does not exist'), "Die Datenbank auf dem Server existiert nicht."),
)

_OS_REASONS: dict[int, str] = {
    errno.ENOSPC: "Auf dem Datenträger ist kein Platz mehr frei.",
    errno.EDQUOT: "Das Speicherkontingent auf dem Datenträger ist erschöpft.",
    errno.EACCES: "Dafür fehlt die Berechtigung.",
    errno.EPERM: "Dafür fehlt die Berechtigung.",
    errno.EROFS: "Der Datenträger ist schreibgeschützt.",
    errno.ENOENT: "Die Datei oder der Ordner existiert nicht.",
    errno.ENOTDIR: "Ein Teil des Pfads ist kein Ordner.",
    errno.EISDIR: "Das ist ein Ordner, keine Datei.",
    errno.EEXIST: "Die Datei gibt es schon.",
    errno.EIO: "Der Datenträger meldet einen Lese- oder Schreibfehler.",
    errno.ENAMETOOLONG: "Der Dateiname ist zu lang.",
    errno.ECONNREFUSED: "Der Datenbankserver ist nicht erreichbar.",
}

UNKNOWN_REASON = "Der Grund ist unbekannt; Einzelheiten stehen im Protokoll."


def reason(error: BaseException) -> str:
    """One German sentence saying why ``error`` happened (never the English original)."""
    if isinstance(error, OSError) and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    text = _message_of(error).lower()
    for fragment, german in _DATABASE_REASONS:
        if fragment in text:
            return german
    for pattern, german in _PATTERNS:
        if pattern.search(text):
            return german
    if isinstance(error, OverflowError):
        return "Eine Zahl ist zu groß."
    if isinstance(error, OSError):
        return "Das Betriebssystem meldet einen Dateifehler."
    return UNKNOWN_REASON


def _message_of(error: BaseException) -> str:
    """The driver's own message (SQLAlchemy wraps it in ``orig``) plus the outer text."""
    parts = [str(error)]
    original = getattr(error, "orig", None)
    if original is not None:
        parts.append(str(original))
    cause = error.__cause__
    if cause is not None and cause is not original:
        parts.append(str(cause))
    return " ".join(parts)
