"""`patenbuero pdf DOKUMENT …`: every print document, written to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patenbuero.cli.german_argparse import int_between, positive_id, year
from patenbuero.cli.output import is_standard_output, write_output
from patenbuero.errors import UserError
from patenbuero.pdf.label_sheets import SHEETS
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.printing.catalog import DOCUMENTS, build_document
from patenbuero.services.printing.request import FunderOptions, PrintRequest


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lines = [f"  {key:<20} {spec.title}" for key, spec in DOCUMENTS.items()]
    parser = commands.add_parser(
        "pdf",
        help="ein Druckdokument als PDF erzeugen",
        description="Dokumente:\n" + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("document", choices=list(DOCUMENTS), metavar="DOKUMENT")
    parser.add_argument("--event", type=positive_id, help="Veranstaltungs-ID (siehe plan list)")
    parser.add_argument("--series", type=positive_id, help="ID der Fortbildungsreihe")
    parser.add_argument("--year", type=year, help="Jahr (JJJJ)")
    parser.add_argument("--labels", choices=list(SHEETS), default="L4785", help="Etikettenbogen")
    parser.add_argument(
        "--start-at",
        type=int,
        default=1,
        help="beim Etikett N beginnen (1 bis Etiketten je Bogen)",
    )
    parser.add_argument("--landscape", action="store_true", help="Querformat")
    parser.add_argument("--contact", action="store_true", help="E-Mail und Telefon drucken")
    parser.add_argument(
        "--blank-rows", type=int_between(0, 200), default=0, help="leere Zeilen anhängen (0–200)"
    )
    parser.add_argument(
        "--funder",
        default="",
        help="Fördermittelgeber für die Liste (sonst der bei Veranstaltung/Reihe gespeicherte)",
    )
    parser.add_argument(
        "--target-group", default="", help="Handzettel nur für diese Zielgruppe, z. B. Kinder"
    )
    parser.add_argument(
        "--no-event-line", action="store_true", help="Namensschilder ohne Veranstaltungszeile"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="Zieldatei (.pdf; - für die Standardausgabe)",
    )
    parser.set_defaults(handler=run_pdf)


def run_pdf(db: Database, args: argparse.Namespace) -> int:
    spec = DOCUMENTS[args.document]
    if "event" in spec.needs and args.event is None:
        raise UserError(f"„{args.document}“ braucht --event ID (siehe: patenbuero plan list).")
    if "series" in spec.needs and args.series is None:
        raise UserError(f"„{args.document}“ braucht --series ID.")
    per_sheet = SHEETS[args.labels].per_sheet
    if not 1 <= args.start_at <= per_sheet:
        raise UserError(
            f"--start-at muss zwischen 1 und {per_sheet} liegen: der Bogen {args.labels} "
            f"hat {per_sheet} Etiketten."
        )
    if args.blank_rows < 0:
        raise UserError("--blank-rows darf nicht negativ sein.")
    request = PrintRequest(
        document=args.document,
        event_id=args.event,
        series_id=args.series,
        year=args.year,
        sheet=args.labels,
        start_at=args.start_at,
        landscape=args.landscape,
        show_contact=args.contact,
        blank_rows=args.blank_rows,
        funder=FunderOptions(args.funder) if args.funder else None,
        show_event=not args.no_event_line,
        target_group=args.target_group,
    )
    result = build_document(db, request)
    if is_standard_output(args.output):  # -o -: the PDF goes to a pipe, the notes to stderr
        write_output(result.pdf, None)
        for warning in result.warnings:
            print(f"Hinweis: {warning}", file=sys.stderr)
        return 0
    try:
        write_private(args.output, result.pdf)
    except OSError as error:
        raise UserError(
            f"{args.output} kann nicht geschrieben werden ({error.strerror or error})."
        ) from error
    for warning in result.warnings:
        print(f"Hinweis: {warning}")
    print(f"{spec.title} gespeichert: {args.output}")
    return 0
