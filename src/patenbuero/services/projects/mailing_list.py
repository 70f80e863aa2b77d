"""The Verteiler: who gets network mail, as BCC text, mailto: links and files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from patenbuero.db.models import Contact
from patenbuero.errors import ValidationError
from patenbuero.io.export import to_csv_excel, to_xlsx
from patenbuero.io.mail import WINDOWS_MAILTO_LIMIT, bcc_list, mailto_links, unique_addresses
from patenbuero.io.vcard import VCardContact, to_vcards
from patenbuero.services.core.database import Database
from patenbuero.services.privacy import contacts_with_mailing_basis
from patenbuero.services.projects.contacts import (
    ContactRow,
    contact_query,
    contact_row,
)
from patenbuero.services.projects.records import CURRENT_STATUSES as CURRENT_STATUSES

# Mail programs and the separator their BCC field expects.
SEPARATORS = {"outlook": "; ", "thunderbird": ", "}
FORMATS = ("csv", "xlsx", "vcf", "bcc")
EXPORT_HEADERS = (
    "Vorname",
    "Nachname",
    "E-Mail",
    "Telefon",
    "Funktion",
    "Projekt / Partner",
    "Status",
    "Einwilligung am",
    "Einwilligung durch",
)


@dataclass(frozen=True)
class MailLinks:
    links: tuple[str, ...]
    addresses: int

    @property
    def split(self) -> bool:
        """True when the addresses had to be spread over several mails."""
        return len(self.links) > 1


def mailing_list(
    db: Database, roles: Iterable[str] = (), statuses: Iterable[str] = ()
) -> list[ContactRow]:
    """Everyone on the Verteiler with an e-mail address and a legal basis for network mail
    (consent or legitimate interest, see services.privacy), optionally by role and status.

    ``statuses`` are project statuses and ``contacts.PARTNER_STATUS`` for partners.
    """
    wanted_roles, wanted_status = set(roles), set(statuses)
    with db.reading() as session:
        contacts = [
            c
            for c in session.scalars(contact_query().where(Contact.on_mailing_list.is_(True)))
            if c.email.strip()
        ]
        allowed = contacts_with_mailing_basis(session, contacts)
        rows = [contact_row(c) for c in contacts if c.id in allowed]
    return [
        row
        for row in rows
        if (not wanted_roles or row.role in wanted_roles)
        and (not wanted_status or row.status in wanted_status)
    ]


def without_basis_count(db: Database) -> int:
    """Contacts marked for the Verteiler who get no mail because no legal basis is recorded."""
    with db.reading() as session:
        contacts = [
            c
            for c in session.scalars(contact_query().where(Contact.on_mailing_list.is_(True)))
            if c.email.strip()
        ]
        return len(contacts) - len(contacts_with_mailing_basis(session, contacts))


def role_choices(rows: Sequence[ContactRow]) -> list[str]:
    return sorted({row.role for row in rows if row.role}, key=str.casefold)


def bcc_text(rows: Sequence[ContactRow], program: str = "outlook") -> str:
    """Addresses ready to paste into the BCC field of Outlook or Thunderbird."""
    return bcc_list((row.email for row in rows), SEPARATORS[program])


def mail_links(rows: Sequence[ContactRow], max_length: int = WINDOWS_MAILTO_LIMIT) -> MailLinks:
    """mailto: links with everyone in BCC, split when one link would be too long."""
    addresses = unique_addresses(row.email for row in rows)
    return MailLinks(tuple(mailto_links(addresses, max_length)), len(addresses))


def export_mailing_list(rows: Sequence[ContactRow], file_format: str) -> bytes:
    """The Verteiler as CSV (Excel), XLSX, vCard 4.0 or a BCC line."""
    if file_format == "csv":
        return to_csv_excel(EXPORT_HEADERS, _cells(rows))
    if file_format == "xlsx":
        return to_xlsx(EXPORT_HEADERS, _cells(rows), "Verteiler")
    if file_format == "vcf":
        return to_vcards(
            VCardContact(r.first_name, r.last_name, r.email, r.phone, r.belongs_to, r.role)
            for r in rows
        )
    if file_format == "bcc":
        return (bcc_text(rows) + "\n").encode("utf-8")
    raise ValidationError(
        f"Unbekanntes Format „{file_format}“; möglich sind {', '.join(FORMATS)}.", field="format"
    )


def _cells(rows: Sequence[ContactRow]) -> list[list[object]]:
    return [
        [
            r.first_name,
            r.last_name,
            r.email,
            r.phone,
            r.role,
            r.belongs_to,
            r.status_label,
            r.consent_on,
            r.consent_source,
        ]
        for r in rows
    ]
