"""Lines in any script written straight onto the canvas (the attendance list's pen)."""

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.canvas_text import TextPen, line_width
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.line_breaking import text_width
from tests.pdf.pdf_readback import arabic_problems, pdftotext_pages


@pytest.mark.parametrize(
    "line",
    [
        "Öztürk-Karaağaçlı",
        "محمد الحسن (Mohammed Al-Hassan)",
        "طباطبایی‌نژاد موسوی",
        "Familie الشمري – Treffen",
    ],
)
@pytest.mark.parametrize("font", [SANS, SANS_BOLD])
def test_written_width_is_the_measured_width(line: str, font: str) -> None:
    """The line breaker measures what the pen writes, so a broken line fits its cell."""
    register_fonts()
    assert line_width(line, font, 9.5) == pytest.approx(text_width(line, font, 9.5), abs=0.01)


def test_pen_writes_latin_and_shaped_arabic_in_reading_order() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    pen = TextPen(canvas)
    pen.line(72, 700, "Straßburger, Zoë", SANS, 10, st.TEXT)
    pen.line(72, 680, "عبد الله محمد (Abdullah Mohammed)", SANS_BOLD, 10, st.TEXT)
    pen.line(72, 660, "Võ Thị Ngọc – Trần-Nguyễn", SANS, 10, st.MUTED)
    pen.finish()
    canvas.save()
    text = pdftotext_pages(buffer.getvalue())[0]
    assert "Straßburger, Zoë" in text and "Võ Thị Ngọc – Trần-Nguyễn" in text
    assert "Abdullah Mohammed)" in text  # poppler moves the "(" next to the Arabic run
    assert arabic_problems(text, "عبد الله محمد") == []
