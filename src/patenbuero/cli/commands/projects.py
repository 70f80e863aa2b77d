"""`patenbuero import projects …` and `patenbuero export verteiler|projects …`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patenbuero.cli.commands.export_calendar import add_calendar_export
from patenbuero.cli.output import write_output
from patenbuero.services.core.database import Database
from patenbuero.services.core.importing import (
    Action,
    ImportPreview,
    ImportRefused,
    apply_import,
    preview_import,
    read_import_file,
)
from patenbuero.services.projects.export import export_projects
from patenbuero.services.projects.importing import ProjectImporter
from patenbuero.services.projects.mailing_list import (
    CURRENT_STATUSES,
    FORMATS,
    export_mailing_list,
    mailing_list,
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importing = commands.add_parser("import", help="Daten aus CSV- oder Excel-Dateien übernehmen")
    kinds = importing.add_subparsers(dest="kind", metavar="WAS", required=True)
    projects = kinds.add_parser(
        "projects",
        help="Mitgliedsprojekte und Ansprechpersonen (CSV oder XLSX)",
        description=(
            "Übernimmt eine Projektliste. Alle Zeilen werden geprüft; ist eine fehlerhaft, "
            "wird nichts geändert. Gleiche Projekte (nach Name) werden aktualisiert."
        ),
    )
    projects.add_argument("file", type=Path, metavar="DATEI")
    projects.add_argument(
        "--dry-run", action="store_true", help="nur zeigen, was sich ändern würde"
    )
    projects.set_defaults(handler=run_import_projects)
    from patenbuero.cli.commands.import_undo import add_undo_command

    add_undo_command(kinds)

    exporting = commands.add_parser("export", help="Listen als Datei ausgeben")
    targets = exporting.add_subparsers(dest="kind", metavar="WAS", required=True)
    verteiler = targets.add_parser(
        "verteiler", help="der Verteiler: aktive Projekte und Partner ohne Projekt"
    )
    verteiler.add_argument(
        "--alle", action="store_true", help="auch pausierte und ausgeschiedene Projekte"
    )
    verteiler.add_argument("--format", choices=FORMATS, default="csv")
    verteiler.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    verteiler.set_defaults(handler=run_export_verteiler)
    project_list = targets.add_parser("projects", help="die Projektliste (wieder importierbar)")
    project_list.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    project_list.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    project_list.set_defaults(handler=run_export_projects)
    add_calendar_export(targets)


def run_import_projects(db: Database, args: argparse.Namespace) -> int:
    importer = ProjectImporter()
    table = read_import_file(args.file)
    preview = preview_import(db, importer, table, source=str(args.file))
    if preview.errors:
        return _refused(preview.errors)
    if args.dry_run:
        print(f"Probelauf – es wurde nichts geändert. Die Datei ergäbe: {preview.summary()}.")
        _report(preview)
        return 0
    try:
        done = apply_import(db, importer, table, preview.mapping, source=args.file)
    except ImportRefused as refused:
        return _refused(refused.errors)
    print(f"Import abgeschlossen: {done.summary()}.")
    _report(done)
    return 0


def _report(preview: ImportPreview) -> None:
    for value in preview.new_values:
        print(f"  neu in der Liste „{value.kind}“: {value.value}")
    for row in preview.rows:
        if row.action in (Action.CREATE, Action.UPDATE):
            print(f"  Zeile {row.line}: {row.label} – {row.detail}")


def _refused(errors: list[str]) -> int:
    print(
        f"patenbuero: Der Import wurde abgelehnt ({len(errors)} Fehler); es wurde nichts geändert.",
        file=sys.stderr,
    )
    for error in errors:
        print(error, file=sys.stderr)
    return 1


def run_export_verteiler(db: Database, args: argparse.Namespace) -> int:
    rows = mailing_list(db, statuses=() if args.alle else CURRENT_STATUSES)
    write_output(export_mailing_list(rows, args.format), args.output)
    if args.output is not None:
        print(f"{len(rows)} Adressen geschrieben nach {args.output}.", file=sys.stderr)
    return 0


def run_export_projects(db: Database, args: argparse.Namespace) -> int:
    write_output(export_projects(db, args.format), args.output)
    return 0
