"""What every print document shares, as plain values: the office block, a participant,
the file name. No database layer here: the attendance list reads a SQLite file without
SQLAlchemy and builds the same values through these functions."""

from __future__ import annotations

import datetime as dt
import re

from patenbuero.pdf.inputs import Office, Participant
from patenbuero.services.core.network_text_values import NetworkTexts


def office_from_texts(texts: NetworkTexts) -> Office:
    return Office(
        network_name=texts.network_name or "Patenschaftsnetzwerk Halle",
        office_name=texts.office_name or "Freiwilligen-Agentur Halle",
        address_lines=tuple(line.strip() for line in texts.office_address.splitlines() if line),
        phone=texts.office_phone or None,
        email=texts.office_email or None,
        website=texts.website or None,
        funder_line=texts.funder_line or None,
    )


def participant_of(
    first_name: str,
    last_name: str,
    latin_name: str,
    organisation: str,
    project_name: str | None,
    email: str,
    phone: str,
    *,
    with_contact: bool = False,
    no_photos: bool = False,
) -> Participant:
    """A person as printed: the Latin spelling split, the project if no organisation."""
    latin_first, latin_last = split_latin(latin_name)
    shown = organisation or project_name or ""
    return Participant(
        first_name=first_name,
        last_name=last_name,
        organisation=shown or None,
        latin_first_name=latin_first,
        latin_last_name=latin_last,
        email=(email or None) if with_contact else None,
        phone=(phone or None) if with_contact else None,
        no_photos=no_photos,
    )


def split_latin(latin_name: str) -> tuple[str | None, str | None]:
    words = latin_name.split()
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0]
    return " ".join(words[:-1]), words[-1]


def file_name(document: str, subject: str = "", day: dt.date | None = None) -> str:
    """A default file name that says what and when: Teilnehmerliste_Fachtag_2026-09-17.pdf."""
    parts = [document]
    if subject:
        parts.append(_file_word(subject))
    parts.append((day or dt.date.today()).isoformat())
    return "_".join(p for p in parts if p) + ".pdf"


def _file_word(text: str) -> str:
    text = re.sub(r"[\\/:*?\"<>|]+", " ", text)
    text = re.sub(r"\s+", "-", text.strip())
    return text[:60].strip("-.")
