"""One line-breaking service for every wrapped text of the PDFs.

Rules, in this order (issue 15):

1. break at spaces and after existing hyphens;
2. e-mail addresses and web addresses break only after ``@``, ``.``, ``-`` or ``/``,
   without an added hyphen; phone numbers never break;
3. a German word that alone is wider than the line is hyphenated with a real hyphen at a
   syllable boundary from pyphen's ``de_DE`` dictionary;
4. person names are never hyphenated: :func:`fit_lines` shrinks them down to a floor the
   document chooses and wraps them at spaces and hyphens only.

What still does not fit is broken at a letter *with* a hyphen and reported through
:func:`warn`; the services collect these messages (:func:`collect_warnings`) and show
them in the Druck tab. Nothing is clipped or runs past its box silently.

Lines are built in logical order and measured with the shaped glyphs (HarfBuzz for
Arabic and Persian), so a wrapped right-to-left name keeps its words on the right lines;
:mod:`patenbuero.pdf.text` reorders each finished line for display.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from patenbuero.pdf.fonts import ARABIC, ARABIC_BOLD, SANS_BOLD, fonts_dir, register_fonts

if TYPE_CHECKING:
    import pyphen

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A zero-width (non-)joiner inside a Persian word belongs to the right-to-left run.
_RTL_RUN = re.compile(f"([{_RTL}][{_RTL}\u200c\u200d]*)")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^(https?://|www\.)\S+$|^[\w-]+(\.[\w-]+)+/\S*$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d(][\d ()/\-–]{5,}\d$")
_ADDRESS_BREAKS = "@.-/"
TOLERANCE = 0.5  # points kept free so reportlab never re-wraps a measured line


class Kind(Enum):
    """What a text is, which decides where it may break."""

    TEXT = "text"  # running German text: hyphenation allowed
    NAME = "name"  # a person's name: never hyphenated


@dataclass(frozen=True)
class Broken:
    """Lines of a text in logical order; ``forced`` when a word had to be cut by force."""

    lines: tuple[str, ...]
    forced: bool = False


# --- warnings -------------------------------------------------------------------------

_collector: ContextVar[list[str] | None] = ContextVar("pdf_layout_warnings", default=None)


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """Collect the layout warnings of the documents built inside the ``with`` block."""
    messages: list[str] = []
    token = _collector.set(messages)
    try:
        yield messages
    finally:
        _collector.reset(token)


def warn(message: str) -> None:
    """Report a text that does not fit (once per message) to the current collector."""
    messages = _collector.get()
    if messages is not None and message not in messages:
        messages.append(message)


# --- measuring ------------------------------------------------------------------------


@cache
def _hb_font(font_name: str) -> tuple[hb.Font, int]:
    file_name = {ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf"}
    blob = hb.Blob.from_file_path(str(fonts_dir() / file_name[font_name]))
    face = hb.Face(blob)
    return hb.Font(face), face.upem


def _shaped_width(text: str, font_name: str, size: float) -> float:
    font, upem = _hb_font(font_name)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"dlig": False})
    return sum(pos.x_advance for pos in buffer.glyph_positions) * size / upem


def text_width(text: str, font_name: str, size: float) -> float:
    """Width of ``text`` in points: Latin etc. in ``font_name``, Arabic runs shaped."""
    register_fonts()
    arabic = ARABIC_BOLD if font_name == SANS_BOLD or "Bold" in font_name else ARABIC
    width = 0.0
    for index, run in enumerate(_RTL_RUN.split(text)):
        if not run:
            continue
        if index % 2:
            width += _shaped_width(run, arabic, size)
        else:
            width += pdfmetrics.stringWidth(run, font_name, size)
    return width


# --- breaking -------------------------------------------------------------------------


@cache
def _hyphenator() -> pyphen.Pyphen:
    import pyphen  # ~50 ms: loaded only when a word is too wide for its line

    return pyphen.Pyphen(lang="de_DE")


def is_address(word: str) -> bool:
    """True for an e-mail address or a web address."""
    return bool(_EMAIL.match(word) or _URL.match(word))


def _atoms(text: str) -> list[tuple[str, str]]:
    """Split ``text`` at its break opportunities: (piece, separator) pairs.

    The separator is ``" "`` after a space and ``""`` after a hyphen or an address
    character, where the character stays at the end of the piece.
    """
    atoms: list[tuple[str, str]] = []
    words = _join_phones([w for w in text.split(" ") if w])
    for number, word in enumerate(words):
        separator = " " if number < len(words) - 1 else ""
        if _PHONE.match(word):
            pieces = [word]
        else:
            marks = re.escape(_ADDRESS_BREAKS if is_address(word) else "-")
            pieces = [p for p in re.findall(f"[^{marks}]*[{marks}]+|[^{marks}]+$", word) if p]
            pieces = pieces or [word]
        for index, piece in enumerate(pieces):
            atoms.append((piece, separator if index == len(pieces) - 1 else ""))
    return atoms


def _join_phones(words: list[str]) -> list[str]:
    """Keep the groups of a phone number together ("0345 760 70 77" is one word)."""
    joined: list[str] = []
    for word in words:
        if joined and re.search(r"\d", word) and _PHONE.match(f"{joined[-1]} {word}"):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def _hyphenate(word: str, width: float, font: str, size: float) -> tuple[list[str], bool]:
    """Cut a too-wide word into lines: at syllables with a hyphen, by force if needed."""
    lines: list[str] = []
    rest = word
    forced = False
    while text_width(rest, font, size) > width:
        points = [p for p in _hyphenator().positions(rest) if 0 < p < len(rest)]
        cut = next(
            (p for p in reversed(points) if text_width(rest[:p] + "-", font, size) <= width),
            None,
        )
        if cut is None:
            forced = True
            cut = max(1, _longest_prefix(rest, width, font, size))
        lines.append(rest[:cut] + "-")
        rest = rest[cut:]
    lines.append(rest)
    return lines, forced


def _longest_prefix(word: str, width: float, font: str, size: float) -> int:
    for cut in range(len(word) - 1, 0, -1):
        if text_width(word[:cut] + "-", font, size) <= width:
            return cut
    return 1


def break_text(text: str, width: float, font: str, size: float, kind: Kind = Kind.TEXT) -> Broken:
    """Break ``text`` (one paragraph, logical order) into lines of at most ``width`` points."""
    limit = width - TOLERANCE
    lines: list[str] = []
    current = ""
    pending = ""  # separator owed before the next piece on the same line
    forced = False
    for piece, separator in _atoms(text):
        candidate = f"{current}{pending}{piece}" if current else piece
        if text_width(candidate, font, size) <= limit:
            current, pending = candidate, separator
            continue
        if current:
            lines.append(current)
        current, pending = piece, separator
        if text_width(piece, font, size) <= limit:
            continue
        if kind is Kind.NAME or is_address(piece) or _PHONE.match(piece):
            forced = True
            cut_lines = _force(piece, limit, font, size)
        else:
            cut_lines, cut_forced = _hyphenate(piece, limit, font, size)
            forced = forced or cut_forced
        lines.extend(cut_lines[:-1])
        current = cut_lines[-1]
    if current or not lines:
        lines.append(current)
    return Broken(tuple(lines), forced)


def _force(piece: str, width: float, font: str, size: float) -> list[str]:
    """Last resort for a name or address wider than the box: cut with a visible hyphen."""
    lines: list[str] = []
    rest = piece
    while text_width(rest, font, size) > width and len(rest) > 1:
        cut = _longest_prefix(rest, width, font, size)
        lines.append(rest[:cut] + "-")
        rest = rest[cut:]
    lines.append(rest)
    return lines


def fit_field(
    logical: str, width: float, font: str, size: float, kind: Kind, min_size: float | None
) -> tuple[float, Broken]:
    """Lines of a cleaned field ("\\n" starts a new line) in logical order, and their size.

    The size shrinks in half points down to ``min_size`` before a word would have to be
    cut; a field that fits on one line is measured once.
    """
    if "\n" not in logical and text_width(logical, font, size) <= width - TOLERANCE:
        return size, Broken((logical,))
    broken = _field_lines(logical, width, font, size, kind)
    floor = min_size if min_size is not None else size
    while broken.forced and size > floor:
        size = max(floor, size - 0.5)
        broken = _field_lines(logical, width, font, size, kind)
    return size, broken


def _field_lines(logical: str, width: float, font: str, size: float, kind: Kind) -> Broken:
    parts = [break_text(part, width, font, size, kind) for part in logical.split("\n")]
    lines = tuple(line for part in parts for line in part.lines)
    return Broken(lines, any(part.forced for part in parts))


def warn_cut(logical: str, kind: Kind) -> None:
    """Report a field that had to be cut with a hyphen (see :func:`fit_field`)."""
    what = "Der Name" if kind is Kind.NAME else "Der Text"
    warn(
        f"{what} „{' '.join(logical.split(chr(10)))}“ passt nicht in sein Feld und wurde mit "
        "Trennstrich umbrochen – bitte kürzen oder prüfen."
    )


@dataclass(frozen=True)
class Fitted:
    """A text fitted into a box: its size, leading and lines (logical order)."""

    size: float
    leading: float
    lines: tuple[str, ...]
    fits: bool

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)


def fit_lines(
    text: str,
    *,
    font: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    leading: float = 1.18,
    kind: Kind = Kind.NAME,
    max_lines: int | None = None,
    what: str = "Der Name",
    report: bool = True,
) -> Fitted:
    """Largest size from ``max_size`` down to ``min_size`` at which ``text`` fits the box.

    A name is never hyphenated: it shrinks, then wraps at spaces and hyphens. If it does
    not fit even at ``min_size``, it is cut with a visible hyphen and a warning is sent.
    """
    size = max_size
    while True:
        broken = break_text(text, width, font, size, kind)
        line_count = len(broken.lines)
        fits = (
            not broken.forced
            and line_count * size * leading <= height + 0.01
            and (max_lines is None or line_count <= max_lines)
        )
        if fits:
            return Fitted(size, size * leading, broken.lines, True)
        if size <= min_size:
            break
        size = max(min_size, size - 0.5)
    if not report:
        return Fitted(min_size, min_size * leading, broken.lines, False)
    warn(
        f"{what} „{text}“ passt auch in {_points(min_size)} pt nicht in sein Feld; "
        "er wurde mit Trennstrich umbrochen – bitte kürzen oder prüfen."
    )
    return Fitted(min_size, min_size * leading, broken.lines, False)


def _points(size: float) -> str:
    return f"{size:g}".replace(".", ",")
