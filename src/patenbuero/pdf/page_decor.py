"""Header, funder band and footer of every page, drawn straight onto the canvas.

Shared by :mod:`patenbuero.pdf.layout` (documents laid out by platypus) and the
attendance list, which draws its pages itself; neither needs platypus for these.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.canvas_text import TextPen, draw_lines, field_lines
from patenbuero.pdf.fonts import SANS, SANS_BOLD
from patenbuero.pdf.logos import draw_logo, read_logo
from patenbuero.pdf.plain_text import clean


@dataclass(frozen=True)
class PageDecor:
    """What the header and footer of every page show."""

    network_name: str
    document_label: str  # right in the header, e.g. "Teilnehmerliste"
    footer_text: str = ""  # left in the footer, e.g. event title and date
    page_numbers: bool = True  # "Seite X von Y" right in the footer
    band: tuple[str, ...] = ()  # lines under the header on every page (e.g. the funder)
    band_logo: bytes | None = None  # PNG/JPEG right of the band

    @property
    def band_height(self) -> float:
        """Room the band takes under the header rule (0 without a band)."""
        return 0.0 if not self.band else max(len(self.band) * 3.6 * mm, 9 * mm) + 2 * mm


LineMemo = dict[tuple[str, float, str], tuple[float, tuple[str, ...]]]
"""Band and footer lines already broken in one document, by (text, width, style)."""


def _lines(
    memo: LineMemo | None, text: str, width: float, style: ParagraphStyle
) -> tuple[float, tuple[str, ...]]:
    """``field_lines`` once per document for texts that repeat on every page."""
    if memo is None:
        return field_lines(text, width, style)
    key = (text, width, style.name)
    if key not in memo:
        memo[key] = field_lines(text, width, style)
    return memo[key]


def draw_header(canvas: Canvas, decor: PageDecor) -> None:
    width, height = canvas._pagesize
    left, right = st.MARGIN_LEFT, width - st.MARGIN_RIGHT
    y = height - st.HEADER_Y
    canvas.saveState()
    canvas.setFillColor(st.ACCENT)
    canvas.rect(left, y + 1.2 * mm, 2.2 * mm, 2.2 * mm, stroke=0, fill=1)
    canvas.setFillColor(st.PRIMARY)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawString(left + 4 * mm, y + 1.5 * mm, clean(decor.network_name))
    canvas.setFillColor(st.MUTED)
    canvas.setFont(SANS, 8.5)
    canvas.drawRightString(right, y + 1.5 * mm, clean(decor.document_label))
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.6)
    canvas.line(left, y, right, y)
    canvas.setStrokeColor(st.PRIMARY)
    canvas.setLineWidth(1.4)
    canvas.line(left, y, left + 28 * mm, y)
    canvas.restoreState()


def draw_band(canvas: Canvas, decor: PageDecor, memo: LineMemo | None = None) -> None:
    """The funder band under the header: its lines left, its logo right (every page)."""
    width, height = canvas._pagesize
    left, right = st.MARGIN_LEFT, width - st.MARGIN_RIGHT
    top = height - st.HEADER_Y - 2 * mm
    logo = read_logo(decor.band_logo)
    logo_w = 0.0
    if logo is not None:
        logo_w, _ = draw_logo(
            canvas, logo, (right - 35 * mm, top - 9 * mm, 35 * mm, 9 * mm), "right"
        )
    style = st.style("small")
    pen = TextPen(canvas)
    for number, line in enumerate(decor.band):
        size, lines = _lines(memo, line, right - left - logo_w - 4 * mm, style)
        draw_lines(pen, left, top - number * 3.6 * mm, lines, style, size)
    pen.finish()


def draw_footer(
    canvas: Canvas, decor: PageDecor, page: int, total: int, memo: LineMemo | None = None
) -> None:
    width, _ = canvas._pagesize
    left, right = st.MARGIN_LEFT, width - st.MARGIN_RIGHT
    y = st.FOOTER_Y
    canvas.saveState()
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.5)
    canvas.line(left, y + 4.2 * mm, right, y + 4.2 * mm)
    number_width = 0.0
    if decor.page_numbers:
        label = f"Seite {page} von {total}"
        canvas.setFont(SANS, 8)
        canvas.setFillColor(st.MUTED)
        canvas.drawRightString(right, y, label)
        number_width = canvas.stringWidth(label, SANS, 8) + 6 * mm
    if decor.footer_text:
        available = right - left - number_width
        style = st.style("small")
        size, lines = _lines(memo, decor.footer_text, available, style)
        if len(lines) > 1:
            style = st.style("tiny")
            size, lines = _lines(memo, decor.footer_text, available, style)
        pen = TextPen(canvas)
        draw_lines(pen, left, y + 8.5, lines, style, size)
        pen.finish()
    canvas.restoreState()
