"""The `patenbuero` command line: global options and every command group."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

import patenbuero
from patenbuero.cli.german_argparse import GermanArgumentParser

# The command modules in the order of the help text. Each is imported only when its
# command runs (or for the full help): importing all of them pulls in reportlab, openpyxl
# and every service, which made a plain `patenbuero info` wait a second.
COMMAND_GROUPS = (
    "basics",
    "backups",
    "plan",
    "registrations",
    "pdf",
    "projects",
    "inquiries",
    "mail",
    "privacy",
    "transfer",
)

# Which module registers a command; a command missing here still works (all are loaded).
COMMAND_MODULES = {
    "demo": "basics",
    "info": "basics",
    "backup": "backups",
    "restore": "backups",
    "plan": "plan",
    "registrations": "registrations",
    "pdf": "pdf",
    "import": "projects",
    "export": "projects",
    "inquiries": "inquiries",
    "mail": "mail",
    "persons": "privacy",
    "privacy": "privacy",
    "transfer": "transfer",
}

_OPTIONS_WITH_VALUE = ("--db",)


def command_groups(argv: Sequence[str]) -> list[ModuleType]:
    """The command modules needed to parse ``argv``: none for the window, one for a
    known command, all for help or anything unknown."""
    names: Sequence[str] = COMMAND_GROUPS
    command = _command_word(argv)
    if command is None and not {"-h", "--help"} & set(argv):
        names = ()
    elif command in COMMAND_MODULES:
        names = (COMMAND_MODULES[command],)
    return [importlib.import_module(f"patenbuero.cli.commands.{name}") for name in names]


def _command_word(argv: Sequence[str]) -> str | None:
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _OPTIONS_WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


class _VersionAction(argparse.Action):
    """Like argparse's "version", but reads the version only when asked (a command that
    never prints it does not pay for reading the package metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"Patenbüro {patenbuero.__version__}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="patenbuero",
        description=(
            "Patenbüro – Verwaltung für das Patenschaftsnetzwerk Halle. "
            "Ohne Befehl startet das Programmfenster."
        ),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
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
    for group in command_groups(sys.argv[1:] if argv is None else argv):
        group.register(commands)
    return parser
