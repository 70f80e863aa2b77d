"""`patenbuero transfer --to URL`: move the office's data onto a PostgreSQL server."""

from __future__ import annotations

import argparse

from patenbuero.services.core.database import Database
from patenbuero.services.core.transfer import transfer_database


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    transfer = commands.add_parser(
        "transfer",
        help="die ganze Datenbank auf einen PostgreSQL-Server übertragen",
        description=(
            "Kopiert die SQLite-Datenbank (--db, PATENBUERO_DB oder die Standarddatei) "
            "vollständig in eine leere PostgreSQL-Datenbank: Schema, alle Zeilen, "
            "Zähler für neue Nummern. Danach werden Anzahl und Prüfsumme jeder Tabelle "
            "verglichen. Eine Zieldatenbank mit Daten wird nicht angerührt; die "
            "Quelle bleibt unverändert."
        ),
    )
    transfer.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="Ziel, z. B. postgresql+psycopg://patenbuero@server/patenbuero",
    )
    transfer.set_defaults(handler=run_transfer)


def run_transfer(db: Database, args: argparse.Namespace) -> int:
    report = transfer_database(db, args.to, progress=lambda line: print(f"  {line}"))
    print(
        f"Übertragen: {report.total_rows} Zeilen in {len(report.tables)} Tabellen "
        f"von {report.source} nach {report.target} (Schema {report.revision})."
    )
    print("Anzahl und Prüfsumme stimmen in jeder Tabelle überein.")
    print(
        "Stellen Sie jetzt jeden Arbeitsplatz auf die neue Adresse um "
        "(PATENBUERO_DB oder --db); die alte Datei bleibt als Sicherung liegen."
    )
    return 0
