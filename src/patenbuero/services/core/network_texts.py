"""The network's own texts (introduction, Leitbild, office address …), kept in the database.

They are the office's words, not the program's: edited in the settings, used by
flyers, letters and lists.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from patenbuero.db.models import Setting
from patenbuero.services.core.database import Database


@dataclass(frozen=True)
class NetworkTexts:
    network_name: str = "Patenschaftsnetzwerk Halle"
    introduction: str = ""
    leitbild_preamble: str = ""
    office_name: str = ""
    office_address: str = ""
    office_phone: str = ""
    office_email: str = ""
    opening_hours: str = ""
    website: str = ""
    funder_line: str = ""
    privacy_note: str = ""
    privacy_url: str = ""


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


def load_texts(db: Database) -> NetworkTexts:
    with db.reading() as session:
        stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    known = {f.name for f in fields(NetworkTexts)}
    return NetworkTexts(**{k: v for k, v in stored.items() if k in known})


def save_texts(db: Database, texts: NetworkTexts) -> None:
    with db.unit_of_work() as session:
        for field in fields(NetworkTexts):
            session.merge(Setting(key=field.name, value=getattr(texts, field.name)))
