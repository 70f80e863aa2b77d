"""Page frame of the house style for documents laid out by platypus (header, band and
footer with "Seite X von Y" come from :mod:`patenbuero.pdf.page_decor`)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS, register_fonts
from patenbuero.pdf.page_decor import PageDecor as PageDecor
from patenbuero.pdf.page_decor import draw_band, draw_footer, draw_header
from patenbuero.pdf.plain_text import clean


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
                draw_footer(self, decor, number, total)
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
        draw_header(canvas, decor)
        if decor.band:
            draw_band(canvas, decor)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    doc.build(list(story), canvasmaker=_canvas_maker(decor))
    return buffer.getvalue()


def content_width(pagesize: tuple[float, float] = st.PORTRAIT) -> float:
    """Width of the text frame for a page size."""
    return pagesize[0] - st.MARGIN_LEFT - st.MARGIN_RIGHT
