"""Short text fields (names, titles) in any script, ready for reportlab Paragraph markup.

reportlab 5.1 cannot order right-to-left text itself (its bidi needs ``rlbidi``), and
HarfBuzz shaping alone joins Arabic letters but leaves the words of a multi-word Arabic
run in the wrong order. What works, and what :func:`rich` does:

1. ``bidi.get_display`` puts the whole field into visual (left-to-right) order;
2. every Arabic run is reversed back to logical order, so HarfBuzz sees real words;
3. the run is wrapped in ``<font face="PbArabic">`` (Noto Sans has no Arabic glyphs);
4. :func:`paragraph` switches on ``shaping=1`` for such paragraphs; HarfBuzz then joins
   the letters and lays each word out right to left.

Use it for short, single-line fields only (names, organisations, titles): the visual
order is fixed before reportlab wraps lines.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape as _xml_escape

from bidi import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from patenbuero.pdf.fonts import ARABIC, ARABIC_BOLD

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan … and the Arabic presentation forms.
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_ARABIC_RUN = re.compile(f"[{_RTL_CHARS}]+")
_HAS_RTL = re.compile(f"[{_RTL_CHARS}]")
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


def escape(text: str | None) -> str:
    """Escape ``&``, ``<`` and ``>`` for Paragraph markup (after :func:`clean`)."""
    return _xml_escape(clean(text))


def rich(text: str | None, *, bold: bool = False) -> str:
    """Return Paragraph markup for a short field in any script.

    ``bold`` must be True when the paragraph's font is bold (or the markup is inside
    ``<b>``): the Arabic runs get their own font face, which does not inherit boldness.
    """
    value = clean(text)
    if not has_rtl(value):
        return _xml_escape(value)
    visual = get_display(value, base_dir="L")
    face = ARABIC_BOLD if bold else ARABIC
    parts: list[str] = []
    position = 0
    for match in _ARABIC_RUN.finditer(visual):
        parts.append(_xml_escape(visual[position : match.start()]))
        logical = match.group()[::-1]
        parts.append(f'<font face="{face}">{_xml_escape(logical)}</font>')
        position = match.end()
    parts.append(_xml_escape(visual[position:]))
    return "".join(parts)


def with_latin(name: str | None, latin: str | None) -> str:
    """Join a name and its optional Latin spelling: ``محمد الحسن (Mohammed Al-Hassan)``."""
    name_clean, latin_clean = clean(name), clean(latin)
    if latin_clean and latin_clean != name_clean:
        return f"{name_clean} ({latin_clean})" if name_clean else latin_clean
    return name_clean


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_shaped", parent=style, shaping=1)


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """Create a Paragraph; switch on HarfBuzz shaping when the markup holds Arabic.

    Latin text stays unshaped, so ``fi`` is never turned into a ligature that would
    disturb copy and paste or text search in the PDF.
    """
    if has_rtl(markup):
        return Paragraph(markup, _shaped(style))
    return Paragraph(markup, style)


def para(text: str | None, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """Shortcut: a Paragraph from a plain short field (see :func:`rich`)."""
    is_bold = bold or "Bold" in style.fontName
    return paragraph(rich(text, bold=is_bold), style)
