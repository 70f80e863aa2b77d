"""Page frame of the house style: header with the network name, footer with "Seite X von Y"."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.project_blocks import draw_logo, read_logo
from patenbuero.pdf.text import clean, para


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


def _draw_band(canvas: Canvas, decor: PageDecor) -> None:
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
    for number, line in enumerate(decor.band):
        paragraph = para(line, style)
        _, h = paragraph.wrap(right - left - logo_w - 4 * mm, 10 * mm)
        paragraph.drawOn(canvas, left, top - (number + 1) * 3.6 * mm - (h - 3.6 * mm))


def _draw_header(canvas: Canvas, decor: PageDecor) -> None:
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


def _draw_footer(canvas: Canvas, decor: PageDecor, page: int, total: int) -> None:
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
        paragraph = para(decor.footer_text, st.style("small"))
        available = right - left - number_width
        _, h = paragraph.wrap(available, 20 * mm)
        if len(paragraph.blPara.lines) > 1:
            paragraph = para(decor.footer_text, st.style("tiny"))
            _, h = paragraph.wrap(available, 20 * mm)
        paragraph.drawOn(canvas, left, y + 8.5 - h)
    canvas.restoreState()


def _canvas_maker(decor: PageDecor) -> type[Canvas]:
    """A canvas that keeps its pages until ``save`` to print "Seite X von Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                _draw_footer(self, decor, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render(
    story: Sequence[Flowable],
    decor: PageDecor,
    *,
    title: str,
    author: str,
    pagesize: tuple[float, float] = st.PORTRAIT,
    top_margin: float = st.MARGIN_TOP,
    bottom_margin: float = st.MARGIN_BOTTOM,
    subject: str = "",
) -> bytes:
    """Lay out ``story`` on pages with the house header and footer; return PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=st.MARGIN_LEFT,
        rightMargin=st.MARGIN_RIGHT,
        topMargin=top_margin + decor.band_height,
        bottomMargin=bottom_margin,
        title=clean(title),
        author=clean(author),
        subject=clean(subject or decor.document_label),
        creator="Patenbüro",
        lang="de-DE",
        initialFontName=SANS,  # otherwise every page references an unembedded Helvetica
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def decorate(canvas: Canvas, _doc: object) -> None:
        _draw_header(canvas, decor)
        if decor.band:
            _draw_band(canvas, decor)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    doc.build(list(story), canvasmaker=_canvas_maker(decor))
    return buffer.getvalue()


def content_width(pagesize: tuple[float, float] = st.PORTRAIT) -> float:
    """Width of the text frame for a page size."""
    return pagesize[0] - st.MARGIN_LEFT - st.MARGIN_RIGHT
