"""`patenbuero registrations import --event ID FILE [--dry-run]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from patenbuero.cli.german_argparse import positive_id
from patenbuero.services.core.database import Database
from patenbuero.services.core.importing import (
    Action,
    ImportPreview,
    ImportRefused,
    apply_import,
    default_mapping,
    preview_import,
    read_import_file,
)
from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.use_cases import event_header


def add_import_command(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = actions.add_parser("import", help="Anmeldungen aus CSV- oder Excel-Datei")
    parser.add_argument("--event", type=positive_id, required=True, help="Veranstaltungs-ID")
    parser.add_argument("file", type=Path, metavar="DATEI", help="CSV- oder XLSX-Datei")
    parser.add_argument("--dry-run", action="store_true", help="nur zeigen, was geschehen würde")
    parser.add_argument(
        "--header-line",
        type=positive_id,
        metavar="ZEILE",
        help="Zeile mit den Spaltennamen (sonst automatisch erkannt, z. B. unter einem Titel)",
    )
    parser.add_argument(
        "--rebook-cancelled",
        action="store_true",
        help="stornierte Personen aus der Datei wieder anmelden (sonst bleiben sie storniert)",
    )
    parser.set_defaults(handler=run_import)


def run_import(db: Database, args: argparse.Namespace) -> int:
    """Check and write in one pass: the rows are analysed once, inside the transaction
    that writes them (``--dry-run`` analyses without writing)."""
    event = event_header(db, args.event)
    importer = RegistrationImporter(
        args.event, dt.datetime.now(), rebook_cancelled=args.rebook_cancelled
    )
    table = read_import_file(args.file, importer.fields, args.header_line)
    if table.header_line != 1 and args.header_line is None:
        print(f"Kopfzeile in Zeile {table.header_line} erkannt.")
    if args.dry_run:
        preview = preview_import(db, importer, table, source=str(args.file))
        if preview.errors:
            _report(preview)
            _report_refusal(preview.errors)
            return 1
        _report(preview, event.registration_deadline)
        print(f"Probelauf – nichts gespeichert: {preview.summary()}")
        return 0
    try:
        done = apply_import(
            db, importer, table, default_mapping(table, importer.fields), source=args.file
        )
    except ImportRefused as refused:
        _report_refusal(refused.errors)
        return 1
    _report(done, event.registration_deadline)
    print(f"Importiert in „{event.title}“: {done.summary()}")
    return 0


def _report(preview: ImportPreview, deadline: dt.date | None = None) -> None:
    for note in preview.notes:
        print(f"Hinweis: {note}")
    if preview.errors:
        return
    if deadline is not None and dt.date.today() > deadline:
        print(
            f"Hinweis: Die Anmeldefrist ({deadline:%d.%m.%Y}) ist abgelaufen; "
            "die Anmeldungen werden trotzdem aufgenommen."
        )
    _print_rows(preview)


def _print_rows(preview: ImportPreview) -> None:
    for row in preview.rows:
        if row.action == Action.CREATE or row.detail:
            print(f"Zeile {row.line}: {row.label} – {row.detail}")


def _report_refusal(errors: list[str]) -> None:
    print("patenbuero: Import abgelehnt, es wurde nichts gespeichert:", file=sys.stderr)
    for line in errors:
        print(f"  {line}", file=sys.stderr)
