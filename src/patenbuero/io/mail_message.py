"""E-mail messages as the standard library builds them: UTF-8 names, short lines.

``email.policy.SMTP`` encodes non-ASCII display names per RFC 2047 and keeps
every line of the message within 998 characters (body lines by quoted-printable
where needed), so any mail server and Outlook read them.
"""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

from patenbuero.private_files import write_private


def build_message(
    *,
    sender_name: str,
    sender_address: str,
    to_name: str,
    to_address: str,
    subject: str,
    body: str,
    bcc: list[str] | None = None,
    draft: bool = False,
    now: dt.datetime | None = None,
) -> EmailMessage:
    """One message; with ``draft`` marked unsent so Outlook opens it for editing."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    message["From"] = _address(sender_name, sender_address)
    if to_address:
        message["To"] = _address(to_name, to_address)
    if bcc:
        message["Bcc"] = ", ".join(bcc)
    message["Date"] = format_datetime((now or dt.datetime.now()).astimezone())
    domain = sender_address.rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    if draft:
        message["X-Unsent"] = "1"
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8")
    return message


def _address(name: str, address: str) -> Address:
    user, _, domain = address.strip().rpartition("@")
    return Address(display_name=" ".join(name.split()), username=user, domain=domain)


def write_draft(path: Path, message: EmailMessage) -> None:
    """An .eml file for the mail program, readable by the user only."""
    write_private(path, message.as_bytes())
