"""`patenbuero persons …` and `patenbuero privacy …`: persons, Auskunft, Löschen, retention."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patenbuero.cli.output import csv_table, text_table, write_output
from patenbuero.errors import UserError
from patenbuero.services.core.database import Database
from patenbuero.services.privacy.deletion_log import deletion_log
from patenbuero.services.privacy.directory import list_people
from patenbuero.services.privacy.disclosure import disclosure_json, disclosure_pdf
from patenbuero.services.privacy.erasure import erase_subject, plan_erasure
from patenbuero.services.privacy.page import person_page
from patenbuero.services.privacy.refs import parse_ref
from patenbuero.services.privacy.retention import due_items, purge

HEADERS = ("ID", "Vorname", "Nachname", "E-Mail", "Telefon", "Organisation", "Art")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    persons = commands.add_parser(
        "persons", help="alle Personen: Teilnehmende, Anfragende, Ansprechpartner:innen"
    )
    actions = persons.add_subparsers(dest="action", metavar="AKTION", required=True)
    listing = actions.add_parser("list", help="Personen auflisten (ID;Vorname;Nachname;E-Mail;…)")
    listing.add_argument("--search", default="", metavar="TEXT", help="Suche (Umlaute egal)")
    listing.add_argument("--format", choices=["text", "csv"], default="text")
    listing.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="eine Person mit allem, was zu ihr gehört")
    show.add_argument("id", metavar="ID", help="z. B. P12, A3 oder K5")
    show.set_defaults(handler=run_show)

    privacy = commands.add_parser("privacy", help="Datenschutz: Auskunft, Löschen, Fristen")
    acts = privacy.add_subparsers(dest="action", metavar="AKTION", required=True)
    report = acts.add_parser("report", help="Auskunft nach Art. 15 als PDF oder JSON")
    report.add_argument("--person", required=True, metavar="ID")
    report.add_argument("-o", "--output", type=Path, required=True, help="auskunft.pdf oder .json")
    report.set_defaults(handler=run_report)
    erase = acts.add_parser("erase", help="eine Person löschen (oder einschränken)")
    erase.add_argument("--person", required=True, metavar="ID")
    erase.add_argument("--yes", action="store_true", help="ohne Rückfrage")
    erase.add_argument("--reason", default="Antrag der betroffenen Person", help="Grund")
    erase.set_defaults(handler=run_erase)
    purge_cmd = acts.add_parser("purge", help="löschen, was nach den Fristen fällig ist")
    purge_cmd.add_argument("--dry-run", action="store_true", help="nur anzeigen")
    purge_cmd.set_defaults(handler=run_purge)
    log = acts.add_parser("log", help="das Löschprotokoll (ohne personenbezogene Daten)")
    log.set_defaults(handler=run_log)


def run_list(db: Database, args: argparse.Namespace) -> int:
    rows = [
        [e.ref_text, e.first_name, e.last_name, e.email, e.phone, e.organisation, e.kind_label]
        for e in list_people(db, args.search)
    ]
    if args.format == "csv":
        write_output(csv_table(HEADERS, rows), args.output)
    elif rows:
        write_output(text_table(HEADERS, rows), args.output)
    else:
        write_output("Keine Personen gefunden.\n", args.output)
    return 0


def run_show(db: Database, args: argparse.Namespace) -> int:
    page = person_page(db, parse_ref(args.id))
    e = page.entry
    lines = [f"{e.ref_text} {e.full_name} ({e.kind_label})"]
    lines += [
        f"  {k}: {v}"
        for k, v in (("E-Mail", e.email), ("Telefon", e.phone), ("Organisation", e.organisation))
        if v
    ]
    if page.restricted_until:
        lines.append(f"  eingeschränkt bis {page.restricted_until:%d.%m.%Y}")
    lines.append("Anmeldungen:")
    lines += [
        f"  {r.starts_at:%d.%m.%Y} {r.event_title} – {r.status_label}" for r in page.registrations
    ] or ["  keine"]
    lines.append("Anfragen:")
    lines += [
        f"  {i.ref} {i.received_on:%d.%m.%Y} {i.kind_label} – {i.status_label}"
        for i in page.inquiries
    ] or ["  keine"]
    lines.append("Einwilligungen:")
    lines += [f"  {c.purpose_label}: {c.state_label}" for c in page.consents.values()] or [
        "  keine"
    ]
    write_output("\n".join(lines) + "\n", None)
    return 0


def run_report(db: Database, args: argparse.Namespace) -> int:
    ref = parse_ref(args.person)
    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise UserError("Die Auskunft wird als .pdf oder .json gespeichert.")
    data = disclosure_pdf(db, ref) if suffix == ".pdf" else disclosure_json(db, ref)
    try:
        write_output(data, args.output)
    except OSError as error:
        raise UserError(
            f"{args.output} kann nicht geschrieben werden ({error.strerror})."
        ) from error
    print(f"Auskunft für {ref} gespeichert: {args.output}", file=sys.stderr)
    return 0


def run_erase(db: Database, args: argparse.Namespace) -> int:
    ref = parse_ref(args.person)
    plan = plan_erasure(db, ref)
    print(f"Es wird gelöscht ({ref}):", file=sys.stderr)
    for item in plan.goes:
        print(f"  – {item}", file=sys.stderr)
    for item in plan.stays:
        print(f"  bleibt: {item}", file=sys.stderr)
    if not args.yes:
        answer = input("Wirklich löschen? [j/N] ").strip().lower()
        if answer not in ("j", "ja"):
            print("Nichts gelöscht.", file=sys.stderr)
            return 1
    result = erase_subject(db, ref, args.reason)
    print(result.message())
    for moved in result.moved_up:
        print(f"Nachgerückt: Anmeldung {moved.registration_id}")
    return 0


def run_purge(db: Database, args: argparse.Namespace) -> int:
    items = due_items(db)
    for item in items:
        print(
            f"{item.ref}\t{item.kind_label}\t{item.reason}\tfällig seit {item.due_since:%d.%m.%Y}"
        )
    if args.dry_run or not items:
        print(f"{len(items)} Einträge fällig." + (" Nichts geändert." if args.dry_run else ""))
        return 0
    done = purge(db, items)
    print(f"{done} Einträge gelöscht.")
    return 0


def run_log(db: Database, args: argparse.Namespace) -> int:
    rows = [
        [f"{e.at:%d.%m.%Y %H:%M}", e.record, e.kind_label, e.action_label, e.user_name, e.reason]
        for e in deletion_log(db)
    ]
    if not rows:
        write_output("Das Löschprotokoll ist leer.\n", None)
        return 0
    write_output(text_table(("Zeit", "Nr.", "Art", "Aktion", "Benutzer", "Grund"), rows), None)
    return 0
