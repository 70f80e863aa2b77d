"""Out it goes: through the office's account, or as drafts for the mail program.

Each recipient gets a record of what was sent (or saved as a draft) and when,
written as it happens, so an interrupted run shows who already got the mail.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote

from sqlalchemy import select

from patenbuero.db.models import MailRecord
from patenbuero.io.mail import mailto_links, unique_addresses
from patenbuero.io.mail_message import build_message, write_draft
from patenbuero.io.smtp_send import SendError, SmtpAccount
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.mail.compose import MailBatch, OutMail

DEFAULT_PAUSE_SECONDS = 2.0


class Sender(Protocol):
    def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class SendReport:
    sent: tuple[str, ...]  # recipient names
    failed: tuple[tuple[str, str], ...]  # name, German reason
    stopped: bool = False

    def message(self) -> str:
        text = f"{len(self.sent)} Mails gesendet."
        if self.failed:
            text += f" {len(self.failed)} nicht gesendet: " + "; ".join(
                f"{name} ({reason})" for name, reason in self.failed
            )
        if self.stopped:
            text += " Der Versand wurde angehalten."
        return text


@dataclass(frozen=True)
class DraftReport:
    files: tuple[Path, ...]
    mailto_links: tuple[str, ...]  # group mails: BCC batches below Windows' limit


@dataclass(frozen=True)
class RecordRow:
    at: dt.datetime
    kind: str
    recipient: str
    address: str
    subject: str
    way: str
    ok: bool
    error: str


def send_batch(
    db: Database,
    batch: MailBatch,
    account: SmtpAccount,
    connect: Callable[[], AbstractContextManager[Sender]],
    *,
    pause: float = DEFAULT_PAUSE_SECONDS,
    progress: Callable[[int, int, str], bool] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendReport:
    """Send every mail of the batch, one by one with a pause; ``progress`` may stop it.

    Group mails go out as one mail per BCC batch to the sender itself. A failure
    to connect raises SendError before anything is recorded.
    """
    messages = _messages(batch, account.sender_name, account.sender_address)
    sent: list[str] = []
    failed: list[tuple[str, str]] = []
    stopped = False
    with connect() as connection:
        for number, (names, message, mails) in enumerate(messages, start=1):
            if progress is not None and not progress(number - 1, len(messages), names):
                stopped = True
                break
            try:
                connection.send(message)
            except SendError as error:
                failed.append((names, str(error)))
                _record(db, batch, mails, "smtp", ok=False, error=str(error))
            else:
                sent.append(names)
                _record(db, batch, mails, "smtp", ok=True)
            if number < len(messages) and pause > 0:
                sleep(pause)
    if progress is not None and not stopped:
        progress(len(messages), len(messages), "")
    return SendReport(tuple(sent), tuple(failed), stopped)


def write_drafts(db: Database, batch: MailBatch, folder: Path) -> DraftReport:
    """Personal mails as one .eml per recipient, group mails as one .eml per BCC batch."""
    texts = load_texts(db)
    sender = texts.office_email or "buero@example.org"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, (names, message, mails) in enumerate(
        _messages(batch, texts.office_name or texts.network_name, sender, draft=True), start=1
    ):
        path = folder / f"{number:03d} {_file_name(names)}.eml"
        write_draft(path, message)
        files.append(path)
        _record(db, batch, mails, "draft", ok=True)
    links: tuple[str, ...] = ()
    if batch.group and batch.mails:
        subject = batch.mails[0].subject
        links = tuple(mailto_links([m.address for m in batch.mails], subject=subject))
    return DraftReport(tuple(files), links)


def list_records(db: Database, event_id: int | None = None) -> list[RecordRow]:
    """What was sent or drafted, newest first (for one event, or all)."""
    query = select(MailRecord).order_by(MailRecord.at.desc(), MailRecord.id.desc())
    if event_id is not None:
        query = query.where(MailRecord.event_id == event_id)
    with db.reading() as session:
        return [
            RecordRow(r.at, r.kind, r.recipient, r.address, r.subject, r.way, r.ok, r.error)
            for r in session.scalars(query)
        ]


def _messages(
    batch: MailBatch, sender_name: str, sender_address: str, *, draft: bool = False
) -> list[tuple[str, EmailMessage, Sequence[OutMail]]]:
    if not batch.group:
        return [
            (
                mail.recipient,
                build_message(
                    sender_name=sender_name,
                    sender_address=sender_address,
                    to_name=mail.recipient,
                    to_address=mail.address,
                    subject=mail.subject,
                    body=mail.body,
                    draft=draft,
                ),
                [mail],
            )
            for mail in batch.mails
        ]
    result: list[tuple[str, EmailMessage, Sequence[OutMail]]] = []
    by_address = {m.address.casefold(): m for m in batch.mails}
    if not batch.mails:
        return []
    first = batch.mails[0]
    for link in mailto_links([m.address for m in batch.mails], subject=first.subject):
        addresses = unique_addresses(_bcc_of(link))
        mails = [by_address[a.casefold()] for a in addresses if a.casefold() in by_address]
        names = f"Verteiler {len(result) + 1} ({len(mails)} Adressen)"
        message = build_message(
            sender_name=sender_name,
            sender_address=sender_address,
            to_name=sender_name,
            to_address=sender_address,
            subject=first.subject,
            body=first.body,
            bcc=[m.address for m in mails],
            draft=draft,
        )
        result.append((names, message, mails))
    return result


def _bcc_of(link: str) -> list[str]:
    bcc = link.partition("bcc=")[2]
    return [unquote(part) for part in bcc.split(",") if part]


def _record(
    db: Database, batch: MailBatch, mails: Sequence[OutMail], way: str, *, ok: bool, error: str = ""
) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    with db.unit_of_work() as session:
        for mail in mails:
            session.add(
                MailRecord(
                    kind=batch.kind,
                    event_id=batch.event_id,
                    recipient=mail.recipient[:200],
                    address=mail.address[:254],
                    subject=mail.subject[:300],
                    way=way,
                    at=now,
                    ok=ok,
                    error=error[:300],
                )
            )


def _file_name(text: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", text).strip(" .")
    return cleaned[:80] or "Mail"
