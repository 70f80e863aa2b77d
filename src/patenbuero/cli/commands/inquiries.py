"""`patenbuero inquiries list`: the Anfragen with where they were forwarded."""

from __future__ import annotations

import argparse
from pathlib import Path

from patenbuero.cli.output import csv_table, text_table, write_output
from patenbuero.db.enums import InquiryStatus
from patenbuero.services.core.database import Database
from patenbuero.services.inquiries.use_cases import InquiryRow, list_inquiries

HEADERS = (
    "ID",
    "Eingang",
    "Anliegen",
    "Name",
    "Zielgruppe",
    "Stadtteil",
    "Status",
    "weitergeleitet an",
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = commands.add_parser("inquiries", help="Anfragen und ihre Weiterleitungen")
    actions = group.add_subparsers(dest="action", metavar="AKTION", required=True)
    listing = actions.add_parser("list", help="alle Anfragen, die neuesten zuerst")
    listing.add_argument(
        "--status",
        choices=[status.value for status in InquiryStatus],
        help="nur offene (open), weitergeleitete (forwarded) oder erledigte (closed)",
    )
    listing.add_argument("--format", choices=["text", "csv"], default="text")
    listing.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    listing.set_defaults(handler=run_list)


def cells(row: InquiryRow) -> list[object]:
    return [
        row.id,
        f"{row.received_on:%d.%m.%Y}",
        row.kind_label,
        row.name,
        row.target_group,
        row.district,
        row.status_label,
        row.forwarded_to,
    ]


def run_list(db: Database, args: argparse.Namespace) -> int:
    rows = [cells(row) for row in list_inquiries(db, status=args.status)]
    if args.format == "csv":
        write_output(csv_table(HEADERS, rows), args.output)
    elif rows:
        write_output(text_table(HEADERS, rows), args.output)
    else:
        write_output("Keine Anfragen gefunden.\n", args.output)
    return 0
