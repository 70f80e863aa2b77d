"""`patenbuero demo` and `patenbuero info`."""

from __future__ import annotations

import argparse

from patenbuero.services.core.database import Database
from patenbuero.services.core.info import database_info

SUMMARY_LABELS = {
    "organisations": "Träger",
    "projects": "Mitgliedsprojekte",
    "contacts": "Ansprechpartner:innen",
    "events": "Veranstaltungen",
    "persons": "Teilnehmer:innen",
    "registrations": "Anmeldungen",
    "inquiries": "Anfragen",
}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = commands.add_parser(
        "demo",
        help="eine leere Datenbank mit Beispieldaten füllen",
        description=("Füllt eine leere Datenbank mit Beispieldaten aus Halle (Saale)."),
    )
    demo.add_argument(
        "--scale",
        choices=["small", "large"],
        default="small",
        help="small: ein lebendiges Netzwerk; large: zehn Jahre Büroalltag (für Messungen)",
    )
    demo.add_argument(
        "--force", action="store_true", help="vorhandene Daten vorher löschen (Vorsicht!)"
    )
    demo.set_defaults(handler=run_demo)

    info = commands.add_parser("info", help="Ort, Schema-Version und Umfang der Datenbank")
    info.set_defaults(handler=run_info)


def run_demo(db: Database, args: argparse.Namespace) -> int:
    from patenbuero.services.demo import fill_demo_data

    summary = fill_demo_data(db, args.scale, force=args.force)
    print(f"Beispieldaten ({args.scale}) angelegt in {db.location.display}:")
    for field, label in SUMMARY_LABELS.items():
        print(f"  {label}: {getattr(summary, field)}")
    return 0


def run_info(db: Database, args: argparse.Namespace) -> int:
    info = database_info(db)
    print(f"Datenbank:      {info.location}")
    print(f"Datenbanktyp:   {info.backend}")
    print(f"Schema-Version: {info.revision}")
    width = max(len(label) for label, _ in info.counts)
    for label, count in info.counts:
        print(f"  {label.ljust(width)}  {count:>7}")
    return 0
