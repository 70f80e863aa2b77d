"""Checks of a finished PDF as a reader meets it: line breaks, margins, boxes, sizes."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise

import pytest

from tests.pdf.pdf_readback import normalised, pdftotext_raw_pages

MM = 72 / 25.4
_ADDRESS_ENDS = "@./"


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def logical_line(raw: str) -> str:
    """A ``pdftotext -raw`` line in logical order.

    poppler's raw mode returns a line in visual order (right-to-left words from the
    left, each word in logical letter order and wrapped in U+202B); consecutive
    right-to-left words are put back into reading order here.
    """
    # Adjacent embeddings are one word split at a zero-width non-joiner (Persian
    # "حسینی‌نژاد"); poppler gives its parts in visual order too.
    raw = raw.replace("\u202c\u202b", "\x00").replace("\u200c", "")
    words = _CONTROLS.sub(" ", raw).split()
    result: list[str] = []
    run: list[str] = []
    for word in words:
        if _RTL.search(word) and not re.search("[A-Za-z0-9]", word):
            run.append("".join(reversed(word.split("\x00"))))
            continue
        result += reversed(run)
        run = []
        result.append(word.replace("\x00", ""))
    result += reversed(run)
    return unicodedata.normalize("NFKC", " ".join(result))


def _lines(pdf: bytes) -> list[str]:
    lines: list[str] = []
    for page in pdftotext_raw_pages(pdf):
        lines += [logical_line(line).strip() for line in page.splitlines()]
    return [line for line in lines if line]


def bad_breaks(pdf: bytes, vocabulary: Iterable[str], names: Iterable[str]) -> list[str]:
    """Line ends inside a word without a hyphen, or a hyphen added inside a name.

    Uses ``pdftotext -raw``, which keeps the lines of one box together in drawing order
    and keeps line-end hyphens: "Maria-Magdalen" / "a" is found as "Maria-Magdalen|a".
    """
    words = {w for w in vocabulary if len(w) > 1}
    name_words = {w for w in names if len(w) > 1}
    problems = []
    lines = _lines(pdf)
    for upper, lower in pairwise(lines):
        tail, head = upper.split()[-1], lower.split()[0]
        if tail.endswith("-"):
            added = (tail[:-1] + head).strip(",.;:()")
            kept = (tail + head).strip(",.;:()")
            if any(added in n for n in name_words) and not any(kept in n for n in name_words):
                problems.append(f"Name mit Trennstrich getrennt: {tail}|{head}")
            continue
        if tail[-1] in _ADDRESS_ENDS:
            continue
        joined = (tail + head).strip(",.;:()")
        if len(tail) and any(joined in w for w in words):
            problems.append(f"mitten im Wort getrennt: {tail}|{head}")
    return problems


def reads_in_order(pdf: bytes, text: str) -> bool:
    """True if ``text`` (logical order) comes back with its words in order, over lines."""
    return normalised(text.replace("\u200c", "")) in normalised(" ".join(_lines(pdf)))


def rtl_block(pdf: bytes, start: str) -> list[str]:
    """The consecutive right-to-left lines beginning with the line that starts with ``start``."""
    lines = _lines(pdf)
    first = next(n for n, line in enumerate(lines) if line.startswith(normalised(start)))
    block = []
    for line in lines[first:]:
        if re.search("[A-Za-z0-9]", line) or not _RTL.search(line):
            break
        block.append(line)
    return block


def chars_outside_margin(pdf: bytes, margin_mm: float = 5.0) -> list[str]:
    """Characters closer than ``margin_mm`` to an edge of their page."""
    pdfplumber = pytest.importorskip("pdfplumber")
    problems = []
    limit = margin_mm * MM - 0.3
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            for char in page.chars:
                if (
                    char["x0"] < limit
                    or char["x1"] > page.width - limit
                    or char["top"] < limit
                    or char["bottom"] > page.height - limit
                ):
                    problems.append(f"Seite {number}: {char['text']!r} bei {char['x0']:.0f}")
    return problems


def chars_outside_boxes(pdf: bytes, boxes: list[tuple[float, float, float, float]]) -> list[str]:
    """Characters not inside any of ``boxes`` (x0, top, x1, bottom in points, from the top)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    problems = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            for char in page.chars:
                inside = any(
                    x0 - 0.3 <= char["x0"]
                    and char["x1"] <= x1 + 0.3
                    and top - 0.3 <= char["top"]
                    and char["bottom"] <= bottom + 0.3
                    for x0, top, x1, bottom in boxes
                )
                if not inside:
                    problems.append(f"Seite {number}: {char['text']!r} außerhalb")
    return problems


def smallest_size(pdf: bytes, ignore: Iterable[str] = ()) -> float:
    """Smallest font size of any character not in a line containing one of ``ignore``."""
    pdfplumber = pytest.importorskip("pdfplumber")
    sizes = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for line in page.extract_text_lines():
                if any(word in line["text"] for word in ignore):
                    continue
                sizes += [c["size"] for c in line["chars"]]
    return min(sizes)
