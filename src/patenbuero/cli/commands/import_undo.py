"""`patenbuero import undo --list` and `patenbuero import undo ID [--yes]`."""

from __future__ import annotations

import argparse
import sys

from patenbuero.cli.german_argparse import positive_id
from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.core.import_journal import KEEP_DAYS
from patenbuero.services.imports import ImportRunRow, list_runs, undo_import


def add_undo_command(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    undo = kinds.add_parser(
        "undo",
        help="einen früheren Import als Ganzes rückgängig machen",
        description=(
            "Nimmt einen Import zurück: Neu Angelegtes wird entfernt, Geändertes bekommt die "
            "alten Werte zurück, frei werdende Plätze gehen an die Warteliste. Wurden "
            f"Datensätze seitdem bearbeitet, wird nichts geändert. Importe der letzten "
            f"{KEEP_DAYS} Tage sind möglich."
        ),
    )
    undo.add_argument(
        "run", nargs="?", type=positive_id, metavar="NR", help="Nummer des Imports (aus --list)"
    )
    undo.add_argument("--list", action="store_true", help="die früheren Importe auflisten")
    undo.add_argument("--yes", action="store_true", help="ohne Rückfrage rückgängig machen")
    undo.set_defaults(handler=run_undo)


def run_undo(db: Database, args: argparse.Namespace) -> int:
    if args.list or args.run is None:
        if args.run is None and not args.list:
            raise UserError("Bitte die Nummer des Imports angeben oder --list für die Liste.")
        return _list(list_runs(db))
    row = next((r for r in list_runs(db) if r.id == args.run), None)
    if row is None:
        raise UserError(f"Es gibt keinen Import mit der Nummer {args.run}.")
    print(f"Import {row.id}: {_line(row)}")
    if not args.yes and row.can_undo and not _confirm():
        print("Nichts geändert.", file=sys.stderr)
        return 1
    result = undo_import(db, args.run)
    print(result.message())
    for moved in result.moved_up:
        print(f"Nachgerückt: Anmeldung {moved.registration_id}")
    return 0


def _list(rows: list[ImportRunRow]) -> int:
    if not rows:
        print(f"Keine Importe in den letzten {KEEP_DAYS} Tagen.")
        return 0
    for row in rows:
        print(f"{row.id}\t{_line(row)}")
    return 0


def _line(row: ImportRunRow) -> str:
    state = (
        "kann rückgängig gemacht werden"
        if row.can_undo
        else f"rückgängig gemacht am {row.undone_at:%d.%m.%Y %H:%M}"
    )
    file_name = f"\t{row.file_name}" if row.file_name else "\t–"
    return (
        f"{row.at:%d.%m.%Y %H:%M}\t{row.kind_label}\t{row.description}{file_name}\t"
        f"{row.summary}\t{state}"
    )


def _confirm() -> bool:
    try:
        answer = input("Diesen Import rückgängig machen? [j/N] ")
    except EOFError:
        raise UserError(
            "Ohne --yes fragt der Befehl nach; es kam keine Antwort, nichts wurde verändert."
        ) from None
    return answer.strip().lower() in {"j", "ja"}
