"""`patenbuero plan …`: the yearly plan on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from patenbuero.cli.commands.export_calendar import add_ics_arguments
from patenbuero.cli.german_argparse import year
from patenbuero.cli.output import csv_table, text_table, write_output
from patenbuero.services.core.database import Database
from patenbuero.services.plan.use_cases import EventRow, list_events
from patenbuero.services.plan.year_copy import copy_year, plan_copy

WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

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
    "verantwortlich",
    "Ansprechperson",
    "Referent:in",
    "Reihe",
    "Modul",
    "Online-Link",
)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = commands.add_parser("plan", help="Jahresplanung")
    actions = plan.add_subparsers(dest="action", metavar="AKTION", required=True)
    listing = actions.add_parser("list", help="die Veranstaltungen eines Jahres")
    listing.add_argument("--year", type=year, default=dt.date.today().year, help="Jahr (JJJJ)")
    listing.add_argument("--format", choices=["text", "csv"], default="text")
    listing.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    listing.set_defaults(handler=run_list)

    copy = actions.add_parser(
        "copy",
        help="das nächste Jahr aus diesem planen (Veranstaltungen übernehmen)",
        description=(
            "Übernimmt die Veranstaltungen eines Jahres (ohne abgesagte) in ein anderes: "
            "gleicher Wochentag an gleicher Stelle im Monat (der zweite Mittwoch bleibt ein "
            "zweiter Mittwoch), Status „Idee“, mit Tagesordnung und Aufgaben, ohne Anmeldungen. "
            "Schon übernommene Veranstaltungen werden übersprungen."
        ),
    )
    copy.add_argument("--from", dest="from_year", type=year, required=True, help="Quelljahr")
    copy.add_argument("--to", dest="to_year", type=year, required=True, help="Zieljahr")
    copy.add_argument(
        "--dry-run", action="store_true", help="nur zeigen, was übernommen würde; nichts ändern"
    )
    copy.set_defaults(handler=run_copy)

    ics = actions.add_parser(
        "export-ics",
        help="die Veranstaltungen eines Jahres als Kalenderdatei (.ics)",
        description="Wie `patenbuero export calendar`: iCalendar mit Zeitzone Europe/Berlin.",
    )
    add_ics_arguments(ics)


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
        row.responsible,
        row.responsible_contact,
        row.speaker,
        row.series_title,
        row.module_number,
        row.online_url,
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


def run_copy(db: Database, args: argparse.Namespace) -> int:
    plans = plan_copy(db, args.from_year, args.to_year)
    chosen = [p for p in plans if p.suggested]
    if not args.dry_run:
        copy_year(db, args.from_year, args.to_year)
    verb = "würde übernehmen" if args.dry_run else "übernommen"
    rows: list[list[str | int | None]] = []
    for p in plans:
        if p.already_there:
            note = f"schon in {args.to_year}"
        elif not p.suggested:
            note = f"nicht übernommen ({p.status_label})"
        else:
            note = verb
        rows.append(
            [
                p.old_start.strftime("%d.%m.%Y"),
                f"{WEEKDAYS[p.new_start.weekday()]} {p.new_start:%d.%m.%Y}",
                p.new_title,
                note,
                " ".join(p.conflicts),
            ]
        )
    headers = ("bisher", "neu", "Titel", "", "Hinweise")
    if rows:
        write_output(text_table(headers, rows), None)
    summary = (
        f"{len(chosen)} von {len(plans)} Veranstaltungen aus {args.from_year} "
        f"{'würden' if args.dry_run else 'wurden'} nach {args.to_year} übernommen"
        f"{' (Probelauf, nichts geändert)' if args.dry_run else ' (Status: Idee)'}.\n"
    )
    write_output(summary, None)
    return 0
