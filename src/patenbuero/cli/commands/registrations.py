"""`patenbuero registrations …`: lists, cancellations, exports and statistics."""

from __future__ import annotations

import argparse
from pathlib import Path

from patenbuero.cli.german_argparse import positive_id, year
from patenbuero.cli.output import csv_table, text_table, write_output
from patenbuero.services.core.database import Database
from patenbuero.services.core.funders import find_funder
from patenbuero.services.registrations.reports import (
    REGISTRATION_HEADERS,
    export_registrations,
    registration_cells,
)
from patenbuero.services.registrations.use_cases import cancel_by_email, list_registrations


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = commands.add_parser("registrations", help="Anmeldungen zu Veranstaltungen")
    actions = group.add_subparsers(dest="action", metavar="AKTION", required=True)

    listing = actions.add_parser("list", help="alle Anmeldungen einer Veranstaltung")
    listing.add_argument("--event", type=positive_id, required=True, help="Veranstaltungs-ID")
    listing.add_argument("--format", choices=["text", "csv"], default="text")
    listing.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    listing.set_defaults(handler=run_list)

    cancel = actions.add_parser("cancel", help="eine Anmeldung stornieren")
    cancel.add_argument("--event", type=positive_id, required=True, help="Veranstaltungs-ID")
    cancel.add_argument("--email", required=True, help="E-Mail-Adresse der Person")
    cancel.set_defaults(handler=run_cancel)

    export = actions.add_parser("export", help="Anmeldungen als CSV oder Excel-Datei")
    export.add_argument("--event", type=positive_id, required=True, help="Veranstaltungs-ID")
    export.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    export.add_argument("-o", "--output", type=Path, help="Zieldatei")
    export.set_defaults(handler=run_export)

    stats = actions.add_parser(
        "stats", help="Sachbericht: Zahlen eines Jahres (Veranstaltungen, Teilnahmen, Anfragen)"
    )
    stats.add_argument("--year", type=year, required=True, help="Jahr (JJJJ)")
    stats.add_argument("--format", choices=["text", "csv", "xlsx", "pdf"], default="text")
    stats.add_argument("-o", "--output", type=Path, help="Zieldatei")
    stats.add_argument(
        "--funder", metavar="NAME", help="nur Veranstaltungen dieses Fördermittelgebers"
    )
    stats.set_defaults(handler=run_stats)

    from patenbuero.cli.commands.registration_import import add_import_command

    add_import_command(actions)


def run_list(db: Database, args: argparse.Namespace) -> int:
    rows = [registration_cells(row) for row in list_registrations(db, args.event)]
    cells = [[None if c is None else c for c in row] for row in rows]
    if args.format == "csv":
        write_output(csv_table(REGISTRATION_HEADERS, cells), args.output)
    elif rows:
        write_output(text_table(REGISTRATION_HEADERS, cells), args.output)
    else:
        write_output("Für diese Veranstaltung liegen keine Anmeldungen vor.\n", args.output)
    return 0


def run_cancel(db: Database, args: argparse.Namespace) -> int:
    name, moved = cancel_by_email(db, args.event, args.email)
    print(f"Storniert: {name}")
    for person in moved:
        contact = f" <{person.email}>" if person.email else ""
        print(f"Von der Warteliste nachgerückt: {person.full_name}{contact}")
    if not moved:
        print("Niemand ist nachgerückt.")
    return 0


def run_export(db: Database, args: argparse.Namespace) -> int:
    write_output(export_registrations(db, args.event, args.format), args.output)
    return 0


def run_stats(db: Database, args: argparse.Namespace) -> int:
    # Imported here: the Sachbericht brings reportlab, which the other commands (e.g. an
    # import of 10,000 registrations) would otherwise load for nothing.
    from patenbuero.services.registrations.sachbericht import figures, sachbericht
    from patenbuero.services.registrations.sachbericht_export import (
        HEADERS,
        export_sachbericht,
        format_value,
        funder_scope,
        note,
    )

    event_ids: set[int] | None = None
    scope = ""
    if args.funder:
        funder = find_funder(db, args.funder)
        event_ids, scope = funder_scope(db, funder.id, funder.name)
    if args.format == "text":
        report = sachbericht(db, args.year, event_ids=event_ids, scope=scope)
        rows = [[f.section, f.label, format_value(f)] for f in figures(report)]
        write_output(note(report) + "\n\n" + text_table(HEADERS, rows), args.output)
    else:
        data = export_sachbericht(db, args.year, args.format, event_ids=event_ids, scope=scope)
        write_output(data, args.output)
    return 0
