"""`patenbuero backup [-o ZIEL]`, `patenbuero backup list` and `patenbuero restore DATEI`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patenbuero.cli.output import text_table
from patenbuero.db.location import DatabaseLocation
from patenbuero.errors import DatabaseDamagedError, UserError
from patenbuero.services.core.database import Database, open_database


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser(
        "backup",
        help="die Datenbank sichern (geprüft) oder die Sicherungen auflisten",
        description=(
            "Schreibt eine geprüfte Sicherung, ohne Angabe in den Sicherungsordner "
            "(mit Aufräumen: 7 tägliche, 4 wöchentliche, 12 monatliche). "
            "„backup list“ zeigt die Sicherungen mit Datum, Größe und Umfang."
        ),
    )
    backup.add_argument("action", nargs="?", choices=["list"], help="list: Sicherungen zeigen")
    backup.add_argument(
        "-o",
        "--output",
        metavar="DATEI_ODER_ORDNER",
        help="Zieldatei oder Zielordner (sonst der Sicherungsordner)",
    )
    backup.add_argument(
        "--overwrite", action="store_true", help="eine vorhandene Zieldatei ersetzen"
    )
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore",
        help="eine Sicherung wiederherstellen",
        description=(
            "Prüft die Sicherung, legt den jetzigen Stand als Sicherung ab und ersetzt "
            "dann die Datenbank. Eine beschädigte Datenbank wird mit Datum im Namen "
            "beiseitegelegt."
        ),
    )
    restore.add_argument("file", type=Path, metavar="DATEI", help="die Sicherungsdatei")
    restore.add_argument("--yes", action="store_true", help="ohne Rückfrage wiederherstellen")
    restore.set_defaults(handler=run_restore, opens_database_itself=True)


def run_backup(db: Database, args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(db)
    from patenbuero.services.core.backup import backup_database

    facts = backup_database(db, args.output, overwrite=args.overwrite)
    print(f"Gesichert und geprüft: {facts.path}")
    return 0


def _list(db: Database) -> int:
    from patenbuero.services.core.backup import COUNT_LABELS, list_backups
    from patenbuero.services.core.local_settings import backup_folder

    folder = backup_folder(db.location)
    entries = list_backups(db.location)
    print(f"Sicherungsordner: {folder}")
    if not entries:
        print("Noch keine Sicherungen.")
        return 0
    headers = ["Datum", "Art", "Größe"] + [label for _table, label in COUNT_LABELS] + ["Datei"]
    rows = [
        [f"{entry.created:%d.%m.%Y %H:%M:%S}", entry.kind, _size(entry.size)]
        + [entry.counts.get(table) if entry.is_usable else None for table, _ in COUNT_LABELS]
        + [entry.path.name + ("" if entry.is_usable else f" – unbrauchbar: {entry.problem}")]
        for entry in entries
    ]
    print(text_table(headers, rows), end="")
    return 0


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def run_restore(location: DatabaseLocation, args: argparse.Namespace) -> int:
    from patenbuero.services.core.restore import (
        check_backup_file,
        replace_damaged_database,
        restore_backup,
    )

    facts = check_backup_file(args.file)
    if not args.yes and not _confirm(location, args.file):
        print("patenbuero: nicht wiederhergestellt.", file=sys.stderr)
        return 1
    try:
        db = open_database(_target_of(location))
    except DatabaseDamagedError:
        result = replace_damaged_database(location, args.file)
        print(f"Die beschädigte Datenbank liegt jetzt unter {result.kept_copy}.")
    else:
        try:
            result = restore_backup(db, args.file)
        finally:
            db.dispose()
        print(f"Der bisherige Stand ist gesichert: {result.kept_copy}")
    from patenbuero.services.core.backup import COUNT_LABELS

    counts = ", ".join(f"{facts.counts.get(table, 0)} {label}" for table, label in COUNT_LABELS)
    print(f"Wiederhergestellt: {args.file.name} ({counts})")
    return 0


def _target_of(location: DatabaseLocation) -> str:
    if location.path is not None:
        return str(location.path)
    return location.url.render_as_string(hide_password=False)


def _confirm(location: DatabaseLocation, backup: Path) -> bool:
    question = (
        f"Die Datenbank {location.display} durch die Sicherung {backup.name} ersetzen? "
        "Der jetzige Stand wird vorher gesichert. [j/N] "
    )
    try:
        answer = input(question)
    except EOFError:
        raise UserError(
            "Ohne --yes fragt der Befehl nach; es kam keine Antwort, nichts wurde verändert."
        ) from None
    return answer.strip().lower() in {"j", "ja", "y", "yes"}
