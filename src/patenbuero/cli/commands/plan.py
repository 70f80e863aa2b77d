"""`patenbuero plan …`: the yearly plan on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from patenbuero.cli.german_argparse import year
from patenbuero.cli.output import csv_table, text_table, write_output
from patenbuero.services.database import Database
from patenbuero.services.plan import EventRow, list_events

EVENT_HEADERS = (
    "ID",
    "Datum",
    "Beginn",
    "Ende",
    "Art",
    "Titel",
    "Ort",
    "Status",
    "Kapazität",
    "bestätigt",
    "Warteliste",
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = commands.add_parser("plan", help="Jahresplanung")
    actions = plan.add_subparsers(dest="action", metavar="AKTION", required=True)
    listing = actions.add_parser("list", help="die Veranstaltungen eines Jahres")
    listing.add_argument("--year", type=year, default=dt.date.today().year, help="Jahr (JJJJ)")
    listing.add_argument("--format", choices=["text", "csv"], default="text")
    listing.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    listing.set_defaults(handler=run_list)


def event_cells(row: EventRow) -> list[str | int | None]:
    start, end = row.starts_at, row.ends_at
    return [
        row.id,
        start.strftime("%d.%m.%Y"),
        "ganztägig" if row.all_day else start.strftime("%H:%M"),
        end.strftime("%d.%m.%Y")
        if row.all_day and end.date() != start.date()
        else ("" if row.all_day else end.strftime("%H:%M")),
        row.kind_label,
        row.title,
        row.location,
        row.status_label,
        row.capacity,
        row.confirmed,
        row.waitlisted,
    ]


def run_list(db: Database, args: argparse.Namespace) -> int:
    rows = [event_cells(row) for row in list_events(db, args.year)]
    if args.format == "csv":
        write_output(csv_table(EVENT_HEADERS, rows), args.output)
    elif rows:
        write_output(text_table(EVENT_HEADERS, rows), args.output)
    else:
        write_output(f"Im Jahr {args.year} sind keine Veranstaltungen geplant.\n", args.output)
    return 0
