"""Comparison keys for person names and German sorting.

The office's rule: the same name written differently (Müller/Mueller,
ß/ss, accents, case, extra spaces, first and last name swapped) is a
*likely* duplicate that is shown, never merged on its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# German umlauts are folded the German way (ü → ue), so that Müller equals
# Mueller. Letters without a decomposition get their plain Latin base.
_GERMAN_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
_SORT_FOLD = str.maketrans({"ß": "ss", "ẞ": "SS"})
_LATIN_SPECIALS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ħ": "h",
    }
)
# Arabic-script names are written with or without short-vowel marks and
# tatweel, and with Arabic or Persian forms of yeh and kaf.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ـ": "", "ة": "ه", "أ": "ا", "إ": "ا"})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]+")
_APOSTROPHES = re.compile("['’ʼ`´]")


def _strip_latin_marks(text: str) -> str:
    """Drop combining accents that sit on Latin letters (é → e, ş → s, ễ → e)."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and "LATIN" in unicodedata.name(out[-1], ""):
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def fold_german(text: str) -> str:
    """Case-fold text for comparisons: NFKC, ä → ae, ß → ss, Latin accents dropped.

    Cyrillic, Arabic and other scripts keep their letters; they are only
    case-folded (and Arabic vowel marks removed).
    """
    if text.isascii():  # nothing to normalise or fold but the case (most names)
        return text.casefold()
    text = unicodedata.normalize("NFKC", text).translate(_GERMAN_FOLD)
    text = _strip_latin_marks(text.translate(_LATIN_SPECIALS))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD)
    return text.casefold()


def normalize_name(text: str) -> str:
    """One name part in comparison form: folded, hyphens and spaces collapsed to one space."""
    text = _APOSTROPHES.sub("", fold_german(text))
    return _SEPARATORS.sub(" ", text).strip()


_UMLAUT_SPELLINGS = re.compile("ae|oe|ue")


@lru_cache(maxsize=20000)
def search_form(text: str) -> str:
    """Text in the form every search compares: :func:`normalize_name`, and the three
    spellings of an umlaut merged (Müller, Mueller, Muller → "muller")."""
    return _UMLAUT_SPELLINGS.sub(lambda match: match.group(0)[0], normalize_name(text))


def name_key(first: str, last: str) -> str:
    """Key of a person's name in field order: ``name_key("Jürgen", "Großmann")``
    equals ``name_key("JUERGEN", "Grossmann")``."""
    return f"{normalize_name(first)}|{normalize_name(last)}"


def person_key(first: str, last: str) -> str:
    """Order-free key: the words of first and last name, folded and sorted.

    Equal for swapped first and last names and for a name split differently
    between the two fields ("Thi Lan" + "Nguyễn" vs. "Lan" + "Nguyen Thi").
    Use it to group candidates for :func:`likely_same_person`.
    """
    words = f"{normalize_name(first)} {normalize_name(last)}".split()
    return " ".join(sorted(words))


def likely_same_person(a_first: str, a_last: str, b_first: str, b_last: str) -> bool:
    """True if two names are probably the same person written differently.

    Same :func:`name_key`, or first and last name swapped, or the same words
    distributed differently over the two fields. Empty names never match.
    """
    key_a = person_key(a_first, a_last)
    return bool(key_a) and key_a == person_key(b_first, b_last)


def german_sort_key(text: str) -> tuple[str, str, str, str]:
    """Sort key after DIN 5007-1 (dictionary order), the usual order of name lists.

    Ä sorts with A, ß as ss, accents and case are ignored at first; words that
    differ only therein are ordered plain before accented, then lower before
    upper case, so the order is total and stable.
    """
    text = unicodedata.normalize("NFC", text).strip()
    base = _strip_latin_marks(text.translate(_SORT_FOLD).translate(_LATIN_SPECIALS))
    primary = _APOSTROPHES.sub("", base).casefold()
    return (primary, text.lower(), text.swapcase(), text)
