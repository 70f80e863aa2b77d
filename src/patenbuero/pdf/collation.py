"""German alphabetical order without the locale module (DIN 5007, variant 1).

Umlauts sort with their base letter (Ä with A), ß as ss, case and accents are ignored
at the first level. Ties are broken by accents, then case, so the order is stable.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patenbuero.pdf.inputs import Participant

# Letters that NFKD does not decompose into a base letter.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
    }
)


def collation_key(text: str) -> str:
    """Primary German sort key: ``collation_key("Straß") == collation_key("strass")``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(base.casefold().split())


@lru_cache(maxsize=65536)
def german_sort_key(text: str) -> tuple[str, str, str]:
    """Full sort key: primary letters, then accents, then case (lower before upper)."""
    accents = unicodedata.normalize("NFKD", text.casefold())
    return (collation_key(text), accents, text.swapcase())


PersonKey = tuple[tuple[str, str, str], tuple[str, str, str]]


def person_sort_key(
    last_name: str,
    first_name: str,
    latin_last_name: str | None = None,
    latin_first_name: str | None = None,
) -> PersonKey:
    """The one order of persons in every document: last name, then first name, German.

    A name in another script sorts by the Latin spelling the office entered, so
    "Олена Коваленко (Olena Kovalenko)" stands among the K.
    """
    return (
        german_sort_key(latin_last_name or last_name),
        german_sort_key(latin_first_name or first_name),
    )


def participant_sort_key(p: Participant) -> PersonKey:
    """German order of a participant (see :func:`person_sort_key`)."""
    return person_sort_key(p.last_name, p.first_name, p.latin_last_name, p.latin_first_name)
