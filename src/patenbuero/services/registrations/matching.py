"""The one rule by which a typed text finds a person, and by which two persons look alike.

Every person search (registrations, Einlass, the register dialog) and the duplicate
detection use these functions, so a name found in one place is found everywhere:

- case, accents, ß/ss and the German umlauts in all three spellings
  (Müller, Mueller, Muller) are ignored;
- names in Cyrillic, Greek or Arabic script are also found by their stored Latin
  spelling (``Person.latin_name``): Коваленко by "Kovalenko";
- the order of the words does not matter (first and last name swapped), and each
  typed word may be the start or any part of a word of the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from patenbuero.io.names import person_key, search_form

_UMLAUT_SPELLINGS = re.compile("ae|oe|ue")
match_form = search_form


@lru_cache(maxsize=65536)  # an import asks for the key of each row in three places
def duplicate_key(first_name: str, last_name: str) -> str:
    """Equal for names that are likely the same person: Müller, Mueller, Muller, MÜLLER,
    ß/ss, accents, spacing, and first and last name swapped."""
    return _UMLAUT_SPELLINGS.sub(lambda match: match.group(0)[0], person_key(first_name, last_name))


def person_keys(first_name: str, last_name: str, latin_name: str = "") -> set[str]:
    """The duplicate keys of a person: of the name and, if stored, of its Latin spelling."""
    keys = {duplicate_key(first_name, last_name)}
    if latin_name.strip():
        keys.add(duplicate_key(latin_name, ""))
    keys.discard("")
    return keys


def query_words(query: str) -> list[str]:
    """The typed text as words in match form; empty for a blank query."""
    return match_form(query).split()


def haystack(first_name: str, last_name: str, latin_name: str = "", *extra: str) -> str:
    """All words a person can be found by, in match form."""
    parts = [first_name, last_name, latin_name, *extra]
    return " " + " ".join(match_form(part) for part in parts if part) + " "


def matches(words: Iterable[str], text: str) -> bool:
    """True if every word occurs in ``text`` (a :func:`haystack`)."""
    return all(word in text for word in words)


def match_rank(words: list[str], text: str) -> int:
    """Lower is better: 0 if every word starts a word of the text, 1 otherwise."""
    return 0 if all(f" {word}" in text for word in words) else 1


def person_matches(
    query: str, first_name: str, last_name: str, latin_name: str = "", *extra: str
) -> bool:
    """Does the typed ``query`` find this person? The one search rule of the program."""
    return matches(query_words(query), haystack(first_name, last_name, latin_name, *extra))
