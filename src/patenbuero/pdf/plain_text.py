"""Plain text fields in any script, without reportlab: cleaning and display order.

:mod:`patenbuero.pdf.text` turns fields into Paragraph markup; documents drawn straight
onto the canvas (the attendance list) use :func:`visual_runs` the same way. Importing
this module loads neither reportlab nor HarfBuzz.
"""

from __future__ import annotations

import re
import unicodedata

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan … and the Arabic presentation forms.
RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A zero-width non-joiner (Persian "حسینی‌نژاد") belongs to the word it sits in.
ARABIC_RUN = re.compile(f"[{RTL_CHARS}](?:[{RTL_CHARS}\u200c\u200d]*[{RTL_CHARS}])?")
_HAS_RTL = re.compile(f"[{RTL_CHARS}]")
_SPACES = re.compile(r"\s+")
# Bidi control characters never belong in a printed name.
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """Normalise a field: NFC (Vietnamese needs composed letters), one space, no controls."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def has_rtl(text: str) -> bool:
    """Return True if ``text`` contains right-to-left (Arabic, Persian, Hebrew) letters."""
    return bool(_HAS_RTL.search(text))


def with_latin(name: str | None, latin: str | None) -> str:
    """Join a name and its optional Latin spelling: ``محمد الحسن (Mohammed Al-Hassan)``."""
    name_clean, latin_clean = clean(name), clean(latin)
    if latin_clean and latin_clean != name_clean:
        return f"{name_clean} ({latin_clean})" if name_clean else latin_clean
    return name_clean


def visual_runs(line: str) -> list[tuple[str, bool]]:
    """One line (logical order) as runs from left to right: ``(text, right_to_left)``.

    ``bidi.get_display`` puts the line into visual order; each right-to-left run is then
    reversed back to logical order, so HarfBuzz shapes real words and lays each one out
    right to left. Left-to-right runs are printed as they are. Empty runs are left out.
    """
    if not has_rtl(line):
        return [(line, False)] if line else []
    from bidi import get_display

    visual = get_display(line, base_dir="L")
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in ARABIC_RUN.finditer(visual):
        if match.start() > position:
            runs.append((visual[position : match.start()], False))
        runs.append((match.group()[::-1], True))
        position = match.end()
    if position < len(visual):
        runs.append((visual[position:], False))
    return runs
