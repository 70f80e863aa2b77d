"""The network's texts as values, without the database layer (see network_texts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


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


def text_keys() -> set[str]:
    """The setting keys that hold the texts."""
    return {f.name for f in fields(NetworkTexts)}


def texts_from_settings(rows: Iterable[tuple[str, str]]) -> NetworkTexts:
    """The texts from (key, value) rows of the setting table; other keys are ignored."""
    known = text_keys()
    return NetworkTexts(**{key: value for key, value in rows if key in known})
