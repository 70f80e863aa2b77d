"""`patenbuero export calendar --year JJJJ [-o DATEI.ics]`: the yearly plan as iCalendar.

Wiring: inside the `export` group's registration call
``add_calendar_export(export_subparsers)``; or, while no `export` group exists,
``register(commands)`` adds a minimal one with just this sub-command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from patenbuero.cli.german_argparse import year
from patenbuero.cli.output import write_output
from patenbuero.services.core.database import Database
from patenbuero.services.plan.calendar_export import export_year


def add_calendar_export(export_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `calendar` to the sub-commands of `patenbuero export`."""
    calendar = export_subparsers.add_parser(
        "calendar",
        help="Jahresplanung als Kalenderdatei (.ics) für Outlook und Thunderbird",
        description=(
            "Schreibt die Veranstaltungen eines Jahres als iCalendar-Datei (RFC 5545, "
            "Zeitzone Europe/Berlin). Beim erneuten Import werden Termine aktualisiert, "
            "nicht verdoppelt; abgesagte Termine werden als abgesagt übernommen."
        ),
    )
    add_ics_arguments(calendar)


def add_ics_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year, default=dt.date.today().year, help="Jahr (JJJJ)")
    parser.add_argument(
        "-o", "--output", type=Path, help="in diese .ics-Datei schreiben (sonst Standardausgabe)"
    )
    parser.set_defaults(handler=run_calendar_export)


def run_calendar_export(db: Database, args: argparse.Namespace) -> int:
    data = export_year(db, args.year)
    write_output(data, args.output)
    if args.output is not None:
        count = data.count(b"BEGIN:VEVENT")
        print(
            f"{count} Veranstaltungen aus {args.year} in {args.output} geschrieben.",
            file=sys.stderr,
        )
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """A stand-alone `export` group, only for when no other module provides one."""
    export = commands.add_parser("export", help="Daten für andere Programme exportieren")
    actions = export.add_subparsers(dest="action", metavar="AKTION", required=True)
    add_calendar_export(actions)
