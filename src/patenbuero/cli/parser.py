"""The `patenbuero` command line: global options and every command group."""

from __future__ import annotations

import argparse

from patenbuero import __version__
from patenbuero.cli.commands import (
    backups,
    basics,
    inquiries,
    mail,
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
    mail,
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
    parser.add_argument("--version", action="version", version=f"Patenbüro {__version__}")
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
