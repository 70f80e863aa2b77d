"""vCard 4.0 (RFC 6350) export of contacts, for address books and mail programs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_MAX_OCTETS = 75
_CRLF = "\r\n"


@dataclass(frozen=True)
class VCardContact:
    """The data of one contact card; empty fields are left out of the card."""

    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    organisation: str = ""
    role: str = ""

    @property
    def full_name(self) -> str:
        """Name as shown in address books: "Vorname Nachname", else the organisation."""
        name = " ".join(part for part in (self.first_name.strip(), self.last_name.strip()) if part)
        return name or self.organisation.strip()


def escape_text(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and line breaks (RFC 6350 3.4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line to at most 75 octets per line (RFC 6350 3.2).

    Continuation lines start with one space, which counts toward the 75.
    A multi-byte UTF-8 character is never split.
    """
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, _MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, _MAX_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (_CRLF + " ").join(parts)


def _card(contact: VCardContact) -> list[str]:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape_text(contact.full_name)}",
        f"N:{escape_text(contact.last_name.strip())};{escape_text(contact.first_name.strip())};;;",
    ]
    if contact.email.strip():
        lines.append(f"EMAIL;TYPE=work:{escape_text(contact.email.strip())}")
    if contact.phone.strip():
        lines.append(f"TEL;TYPE=voice:{escape_text(contact.phone.strip())}")
    if contact.organisation.strip():
        lines.append(f"ORG:{escape_text(contact.organisation.strip())}")
    if contact.role.strip():
        lines.append(f"ROLE:{escape_text(contact.role.strip())}")
    lines.append("END:VCARD")
    return lines


def to_vcards(contacts: Iterable[VCardContact]) -> bytes:
    """All contacts as one ``.vcf`` file: vCard 4.0, UTF-8, CRLF, folded lines."""
    lines = [fold_line(line) for contact in contacts for line in _card(contact)]
    return "".join(line + _CRLF for line in lines).encode("utf-8")
