"""One place that turns database and operating-system failures into one German line.

Callers add what they were doing ("Die Sicherung nach … ist fehlgeschlagen: …"); this
module only says why, in words an office can act on, and never lets an English
fragment of the driver or the operating system through.
"""

from __future__ import annotations

import errno

# Lower-case fragments of SQLite/PostgreSQL messages and what they mean.
_DATABASE_REASONS: tuple[tuple[str, str], ...] = (
    ("database or disk is full", "Auf dem Datenträger ist kein Platz mehr frei."),
    ("disk i/o error", "Der Datenträger meldet einen Lese- oder Schreibfehler."),
    ("database disk image is malformed", "Die Datenbankdatei ist beschädigt."),
    ("file is not a database", "Die Datei ist keine Datenbank oder ist beschädigt."),
    ("database is locked", "Die Datenbank ist gerade von einem anderen Arbeitsplatz gesperrt."),
    ("unable to open database file", "Die Datei lässt sich nicht öffnen."),
    ("attempt to write a readonly database", "Die Datenbank ist schreibgeschützt."),
    ("readonly database", "Die Datenbank ist schreibgeschützt."),
    ("connection refused", "Der Datenbankserver ist nicht erreichbar."),
    ("could not connect", "Der Datenbankserver ist nicht erreichbar."),
    ("password authentication failed", "Anmeldung am Datenbankserver abgelehnt."),
    ("does not exist", "Die Datenbank auf dem Server existiert nicht."),
    ("integer out of range", "Eine Zahl ist zu groß."),
    ("python int too large", "Eine Zahl ist zu groß."),
    ("value too long", "Ein Text ist zu lang."),
    ("nul (0x00)", "Ein Text enthält ein unzulässiges Steuerzeichen."),
    ("can't load plugin", "Diese Art von Datenbank-Adresse kennt das Patenbüro nicht."),
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
