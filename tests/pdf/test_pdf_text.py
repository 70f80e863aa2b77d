"""Names in every script: escaping, normalisation and Arabic shaping/ordering."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from patenbuero.pdf.fonts import ARABIC, SANS, register_fonts
from patenbuero.pdf.text import clean, escape, has_rtl, para, rich, with_latin
from tests.pdf.pdf_readback import arabic_problems, pdftotext_pages

MIXED_LINE = "Teilnehmer: محمد الحسن (Berufspatenschaften)"


def _pdf(*paragraphs: Paragraph) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(list(paragraphs))
    return buffer.getvalue()


def _style(shaping: int) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("t", fontName=SANS, fontSize=12, leading=16, shaping=shaping)


def test_clean_composes_and_collapses() -> None:
    decomposed = "Nguye\u0302\u0303n  Thi\u0323\u200f Hu\u031bo\u031bng "
    assert clean(decomposed) == "Nguyễn Thị Hương"
    assert clean(None) == ""


def test_escape_and_rich_escape_markup_characters() -> None:
    assert escape("Müller & Söhne <GmbH>") == "Müller &amp; Söhne &lt;GmbH&gt;"
    assert rich("A & B") == "A &amp; B"
    assert "&amp;" in rich("محمد & Co")


def test_rich_wraps_arabic_runs_in_arabic_face_in_logical_order() -> None:
    markup = rich(MIXED_LINE)
    assert markup.startswith("Teilnehmer: ")
    assert f'<font face="{ARABIC}">الحسن</font>' in markup
    # visual order: the second word (الحسن) is left of the first (محمد)
    assert markup.index("الحسن") < markup.index("محمد")
    assert markup.endswith("(Berufspatenschaften)")


def test_latin_spelling_in_brackets() -> None:
    assert with_latin("محمد الحسن", "Mohammed Al-Hassan") == "محمد الحسن (Mohammed Al-Hassan)"
    assert with_latin("Jürgen", None) == "Jürgen"
    assert with_latin("Jürgen", "Jürgen") == "Jürgen"
    assert has_rtl("محمد") and not has_rtl("Олена Коваленко")


@pytest.mark.parametrize(
    "text, expected",
    [
        (MIXED_LINE, "محمد الحسن"),
        ("محمد الحسن (Mohammed Al-Hassan)", "محمد الحسن"),
        ("فاطمه رضایی", "فاطمه رضایی"),
    ],
)
def test_arabic_comes_back_joined_and_in_order(text: str, expected: str) -> None:
    for bold in (False, True):
        pdf = _pdf(para(text, _style(0), bold=bold))
        extracted = pdftotext_pages(pdf)[0]
        assert arabic_problems(extracted, expected) == []
    assert "Berufspatenschaften" in pdftotext_pages(_pdf(para(MIXED_LINE, _style(0))))[0]


def _broken_variants() -> dict[str, Paragraph]:
    """The three ways it goes wrong, to prove the assertion catches each."""
    from bidi import get_display

    def face(s: str) -> str:
        return f'<font face="{ARABIC}">{s}</font>'

    visual = get_display("محمد الحسن")
    return {
        # letters unjoined: right order, but no shaping
        "unjoined": Paragraph(rich("محمد الحسن"), _style(0)),
        # shaping alone: joined, but the two words swapped
        "word order": Paragraph(face("محمد الحسن"), _style(1)),
        # bidi without reversing the runs: joined letters backwards
        "reversed letters": Paragraph(face(visual), _style(1)),
    }


@pytest.mark.parametrize("variant", ["unjoined", "word order", "reversed letters"])
def test_arabic_assertion_fails_for_broken_output(variant: str) -> None:
    extracted = pdftotext_pages(_pdf(_broken_variants()[variant]))[0]
    assert arabic_problems(extracted, "محمد الحسن") != []


def test_discretionary_ligatures_are_off() -> None:
    """With dlig, Noto Sans Arabic sets محمد as one decorative glyph (U+FDF4) and الحسن
    with a lam-hah ligature (U+FCCA); only the plain joining forms may come back."""
    extracted = pdftotext_pages(_pdf(para("محمد الحسن", _style(0))))[0]
    assert arabic_problems(extracted, "محمد الحسن") == []
    assert not [c for c in extracted if 0xFC00 <= ord(c) <= 0xFDFF]


def test_fonts_folder_has_fonts_and_licence() -> None:
    from patenbuero.pdf.fonts import fonts_dir, has_glyph

    folder = fonts_dir()
    files = {path.name for path in folder.iterdir()}
    assert {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt"} <= files
    assert {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"} <= files
    assert sum(p.stat().st_size for p in folder.iterdir()) < 3_000_000
    for char in "ÄÖÜäöüßıİşğŁłśźżễịươĐЖжЁёΩω€„“–":
        assert has_glyph(SANS, char), char
    for char in "محمدالحسنپچژگکی":
        assert has_glyph(ARABIC, char), char
