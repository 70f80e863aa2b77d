"""`patenbuero mail preview|send|drafts|phones`: the office's mails on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from patenbuero.cli.output import text_table, write_output
from patenbuero.errors import UserError
from patenbuero.io.smtp_send import SendError, SmtpConnection
from patenbuero.private_files import write_private
from patenbuero.services.core.database import Database
from patenbuero.services.mail.account import smtp_account
from patenbuero.services.mail.compose import MailBatch, compose
from patenbuero.services.mail.kinds import KINDS
from patenbuero.services.mail.phone_list import phone_list_pdf
from patenbuero.services.mail.reminders import DEFAULT_REMINDER_DAYS, reminders_due
from patenbuero.services.mail.sending import (
    DEFAULT_PAUSE_SECONDS,
    list_records,
    send_batch,
    write_drafts,
)

KIND_HELP = ", ".join(f"{info.kind} ({info.label})" for info in KINDS)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = commands.add_parser("mail", help="Mails an Teilnehmende, Verteiler und Projekte")
    actions = group.add_subparsers(dest="action", metavar="AKTION", required=True)
    preview = actions.add_parser("preview", help="den echten Text für jede Empfänger:in zeigen")
    send = actions.add_parser("send", help="über das Mailkonto der Koordinierungsstelle senden")
    drafts = actions.add_parser("drafts", help="Entwürfe (.eml) für das Mailprogramm speichern")
    phones = actions.add_parser("phones", help="Telefonliste (PDF): wer keine E-Mail hat")
    for action in (preview, send, drafts, phones):  # records has its own options
        action.add_argument(
            "--kind", required=True, choices=[i.kind for i in KINDS], help=KIND_HELP
        )
        action.add_argument("--event", type=int, help="ID der Veranstaltung")
        action.add_argument(
            "--forwarding",
            type=int,
            action="append",
            default=[],
            help="ID einer Weiterleitung (für forwarding/follow_up; ohne: alle fälligen)",
        )
    preview.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    preview.set_defaults(handler=run_preview)
    send.add_argument(
        "--pause",
        type=float,
        default=DEFAULT_PAUSE_SECONDS,
        help=f"Sekunden zwischen zwei Mails (Standard {DEFAULT_PAUSE_SECONDS:g})",
    )
    send.set_defaults(handler=run_send)
    drafts.add_argument("-o", "--output", type=Path, required=True, help="Ordner für die Entwürfe")
    drafts.set_defaults(handler=run_drafts)
    phones.add_argument("-o", "--output", type=Path, required=True, help="PDF-Datei")
    phones.set_defaults(handler=run_phones)
    due = actions.add_parser("due", help="Veranstaltungen, deren Erinnerung jetzt fällig ist")
    due.add_argument(
        "--days",
        type=int,
        default=DEFAULT_REMINDER_DAYS,
        help=f"so viele Tage vor Beginn (Standard {DEFAULT_REMINDER_DAYS})",
    )
    due.set_defaults(handler=run_due)
    records = actions.add_parser("records", help="was wann an wen ging (Versandprotokoll)")
    records.add_argument("--event", type=int, help="nur zu dieser Veranstaltung")
    records.add_argument("-o", "--output", type=Path, help="in diese Datei schreiben")
    records.set_defaults(handler=run_records)


def _batch(db: Database, args: argparse.Namespace) -> MailBatch:
    return compose(db, args.kind, args.event, forwarding_ids=args.forwarding)


def _summary(batch: MailBatch) -> list[str]:
    lines = [f"{batch.kind_label} – {batch.title}: {len(batch.mails)} Mails"]
    if batch.phone_list:
        names = ", ".join(n.name for n in batch.phone_list)
        lines.append(f"Ohne E-Mail (Telefonliste): {names}")
    for left in batch.left_out:
        lines.append(f"Bekommt keine Mail: {left.name} ({left.reason})")
    return lines


def run_preview(db: Database, args: argparse.Namespace) -> int:
    batch = _batch(db, args)
    parts = ["\n".join(_summary(batch))]
    mails = batch.mails[:1] if batch.group else batch.mails
    for mail in mails:
        to = "BCC an den Verteiler" if batch.group else f"{mail.recipient} <{mail.address}>"
        parts.append(f"An: {to}\nBetreff: {mail.subject}\n\n{mail.body}")
    write_output("\n\n" + ("\n\n" + "-" * 60 + "\n\n").join(parts) + "\n", args.output)
    return 0


def run_send(db: Database, args: argparse.Namespace) -> int:
    if args.pause < 0:
        raise UserError("Die Pause kann nicht negativ sein.")
    batch = _batch(db, args)
    account, password = smtp_account(db)
    if password is None and account.user:
        raise UserError(
            "Für das Mailkonto ist kein Passwort gespeichert. Tragen Sie es im Programm unter "
            "Einstellungen → Mailkonto ein."
        )

    def progress(done: int, total: int, name: str) -> bool:
        if name:
            print(f"{done + 1}/{total}: {name}", file=sys.stderr)
        return True

    try:
        report = send_batch(
            db,
            batch,
            account,
            lambda: SmtpConnection(account, password),
            pause=args.pause,
            progress=progress,
        )
    except SendError as error:
        raise UserError(str(error)) from error
    print("\n".join([*_summary(batch)[1:], report.message()]))
    return 0 if not report.failed else 1


def run_drafts(db: Database, args: argparse.Namespace) -> int:
    batch = _batch(db, args)
    report = write_drafts(db, batch, args.output)
    print(f"{len(report.files)} Entwürfe in {args.output} gespeichert.")
    for line in _summary(batch)[1:]:
        print(line)
    for number, link in enumerate(report.mailto_links, start=1):
        print(f"Verteiler-Teil {number}: {link}")
    return 0


def run_phones(db: Database, args: argparse.Namespace) -> int:
    batch = _batch(db, args)
    write_private(args.output, phone_list_pdf(db, batch))
    print(f"Telefonliste mit {len(batch.phone_list)} Personen gespeichert: {args.output}")
    return 0


RECORD_HEADERS = ("Zeit", "Art", "Empfänger:in", "Adresse", "Betreff", "Weg", "Ergebnis")


def run_records(db: Database, args: argparse.Namespace) -> int:
    labels = {info.kind.value: info.label for info in KINDS}
    rows = [
        [
            f"{r.at:%d.%m.%Y %H:%M}",
            labels.get(r.kind, r.kind),
            r.recipient,
            r.address,
            r.subject,
            "gesendet" if r.way == "smtp" else "Entwurf",
            "ok" if r.ok else r.error,
        ]
        for r in list_records(db, args.event)
    ]
    if rows:
        write_output(text_table(RECORD_HEADERS, rows), args.output)
    else:
        write_output("Noch nichts verschickt.\n", args.output)
    return 0


def run_due(db: Database, args: argparse.Namespace) -> int:
    due = reminders_due(db, args.days)
    if not due:
        print("Keine Erinnerung fällig.")
    for row in due:
        print(
            f"{row.event_id}\t{row.starts_at:%d.%m.%Y %H:%M}\t{row.title}\t"
            f"{row.confirmed} bestätigt – "
            f"patenbuero mail send --kind reminder --event {row.event_id}"
        )
    return 0
