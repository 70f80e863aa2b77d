"""The network's own texts (introduction, Leitbild, office address …), kept in the database.

They are the office's words, not the program's: edited in the settings, used by
flyers, letters and lists.
"""

from __future__ import annotations

from dataclasses import fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from patenbuero.db.models import Setting
from patenbuero.services.core import field_checks
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_text_values import NetworkTexts as NetworkTexts
from patenbuero.services.core.network_text_values import text_keys, texts_from_settings
from patenbuero.services.core.versions import check_version

TEXT_LABELS = {
    "network_name": "Name des Netzwerks",
    "introduction": "Vorstellung des Netzwerks",
    "leitbild_preamble": "Präambel des Leitbilds",
    "office_name": "Koordinierungsstelle",
    "office_address": "Anschrift",
    "office_phone": "Telefon",
    "office_email": "E-Mail",
    "opening_hours": "Sprechzeiten",
    "website": "Website",
    "funder_line": "Förderhinweis",
    "privacy_note": "Datenschutzhinweis",
    "privacy_url": "Link zur Datenschutzerklärung",
}


# Texts of several lines (the others are one line); all at most TEXT_LIMIT characters.
MULTILINE = {
    "introduction",
    "leitbild_preamble",
    "office_address",
    "opening_hours",
    "privacy_note",
    "funder_line",
}
TEXT_LIMIT = field_checks.LONG_TEXT_LIMIT
LINE_LIMIT = 500


def load_texts(db: Database) -> NetworkTexts:
    return load_texts_for_editing(db)[0]


def load_texts_for_editing(db: Database) -> tuple[NetworkTexts, int]:
    """The texts and their version, which a save names (optimistic locking)."""
    with db.reading() as session:
        return _stored(session)


def _stored(session: Session, *, lock: bool = False) -> tuple[NetworkTexts, int]:
    query = select(Setting).where(Setting.key.in_(text_keys()))
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    rows = session.scalars(query).all()
    texts = texts_from_settings((row.key, row.value) for row in rows)
    # Every saved change raises one row's version, so the sum only ever grows.
    return texts, sum(row.version for row in rows)


def checked(texts: NetworkTexts) -> NetworkTexts:
    """Texts without control characters and within their limits; ValidationError else."""
    values = {}
    for field in fields(NetworkTexts):
        multiline = field.name in MULTILINE
        values[field.name] = field_checks.limited(
            getattr(texts, field.name),
            field.name,
            f"„{TEXT_LABELS[field.name]}“",
            TEXT_LIMIT if multiline else LINE_LIMIT,
            multiline=multiline,
        )
    return replace(texts, **values)


def save_texts(db: Database, texts: NetworkTexts, expected_version: int | None = None) -> None:
    """Save the texts; with ``expected_version``, a change saved meanwhile elsewhere
    raises ConflictError with both versions."""
    texts = checked(texts)
    with db.unit_of_work() as session:
        stored, version = _stored(session, lock=True)
        check_version(version, expected_version, "Texte des Netzwerks", texts, lambda: stored)
        for field in fields(NetworkTexts):
            session.merge(Setting(key=field.name, value=getattr(texts, field.name)))
