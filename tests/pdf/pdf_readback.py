"""Read PDFs back as a user would: pdftotext (poppler), pypdf and the font objects."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")


def pdftotext_pages(pdf: bytes) -> list[str]:
    """Text of every page as poppler's pdftotext sees it (what a user copies)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdftotext_raw_pages(pdf: bytes) -> list[str]:
    """Text of every page in drawing order (``pdftotext -raw``): the lines of one box stay
    together and a line-end hyphen is kept, so a mid-word break shows as "Magdalen" / "a".
    """
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pypdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def is_presentation_form(char: str) -> bool:
    return 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF


def normalised(text: str) -> str:
    """NFKC folds presentation forms back to letters; bidi controls are dropped."""
    return " ".join(unicodedata.normalize("NFKC", _BIDI_CONTROLS.sub("", text)).split())


def arabic_problems(extracted: str, expected: str) -> list[str]:
    """Why ``expected`` (logical order) did not come back joined and in order; [] if it did.

    * the NFKC-normalised text must contain the words in logical order (wrong word order
      or reversed letters fail here);
    * every Arabic word of more than one letter must come back with presentation forms,
      i.e. joined (poppler reports joined glyphs as U+FB50–U+FEFF; unjoined letters come
      back as plain U+0600 letters and fail here).
    """
    problems = []
    if normalised(expected) not in normalised(extracted):
        problems.append(f"{expected!r} not in {normalised(extracted)!r}")
    raw_words = _ARABIC_WORD.findall(_BIDI_CONTROLS.sub("", extracted))
    for word in _ARABIC_WORD.findall(expected):
        joined = [
            w
            for w in raw_words
            if unicodedata.normalize("NFKC", w) == word and any(map(is_presentation_form, w))
        ]
        if len(word) > 1 and not joined:
            problems.append(f"{word!r} is not joined (no presentation forms)")
    return problems


def embedded_font_names(pdf: bytes) -> dict[str, bool]:
    """BaseFont name → whether its descriptor carries an embedded TrueType (FontFile2)."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            has_file = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = has_file
    return found


def word_positions(pdf: bytes, page: int = 1) -> list[tuple[str, float, float]]:
    """(word, x, y) of every word on ``page`` in points, y measured from the top edge."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')
    html = result.stdout.decode("utf-8")
    return [(word, float(x), float(y)) for x, y, word in pattern.findall(html)]
