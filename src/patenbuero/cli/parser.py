"""The `patenbuero` command line: global options and every command group."""

from __future__ import annotations

import argparse

from patenbuero import __version__
from patenbuero.cli.commands import (
    backups,
    basics,
    inquiries,
    pdf,
    plan,
    privacy,
    projects,
    registrations,
    transfer,
)
from patenbuero.cli.german_argparse import GermanArgumentParser

COMMAND_GROUPS = (
    basics,
    backups,
    plan,
    registrations,
    pdf,
    projects,
    inquiries,
    privacy,
    transfer,
)


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="patenbuero",
        description=(
            "Patenbüro – Verwaltung für das Patenschaftsnetzwerk Halle. "
            "Ohne Befehl startet das Programmfenster."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Patenbüro {__version__}",
        # Python 3.11's argparse writes this help text in English unless it is given.
        help="Programmversion zeigen und beenden",
    )
    parser.add_argument(
        "--db",
        metavar="PFAD_ODER_URL",
        help="Datenbankdatei oder SQLAlchemy-URL (sonst PATENBUERO_DB oder die Standarddatei)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="BEFEHL", parser_class=GermanArgumentParser
    )
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
