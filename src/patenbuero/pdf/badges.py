"""Namensschilder on label sheets, and a calibration page with the label outlines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.inputs import Badge, BadgesInput
from patenbuero.pdf.label_sheets import DEFAULT_SHEET, LabelSheet, get_sheet
from patenbuero.pdf.line_breaking import Fitted, Kind, fit_lines
from patenbuero.pdf.text import clean, has_rtl, para, paragraph, rich

NAME_MAX_SIZE = 24.0
NAME_MIN_SIZE = 9.0  # floor for names: readable at a step's distance
ONE_LINE_MIN = 16.0  # a name is kept on one line down to this size
EVENT_SIZE = 8.0  # the event line is readable or not printed at all
_PADDING = 5 * mm  # safe zone inside each label


@dataclass(frozen=True)
class FittedName:
    """The name paragraph at the largest size that fits, and its size."""

    paragraph: Paragraph
    font_size: float
    height: float
    fits: bool = True


def fit_name(name: str, width: float, height: float) -> FittedName:
    """Shrink ``name`` until it fits ``width`` × ``height``; never hyphenated.

    The name wraps in logical order at spaces and hyphens (measured with the shaped
    glyphs), then each line is reordered for display, so a two-line Arabic name keeps
    its first name on the first line. Below ``NAME_MIN_SIZE`` it does not shrink; what
    still does not fit is cut with a visible hyphen and reported as a warning.
    """
    leading = 1.32 if has_rtl(name) else 1.18  # room for Arabic descenders

    def fit(min_size: float, max_lines: int, report: bool) -> Fitted:
        return fit_lines(
            clean(name),
            font=SANS_BOLD,
            width=width,
            height=height,
            max_size=NAME_MAX_SIZE,
            min_size=min_size,
            leading=leading,
            kind=Kind.NAME,
            max_lines=max_lines,
            report=report,
        )

    # one line while the name stays large; only then two or three lines, down to the floor
    fitted = fit(ONE_LINE_MIN, 1, report=False)
    if not fitted.fits:
        fitted = fit(NAME_MIN_SIZE, 3, report=True)
    style = ParagraphStyle(
        f"badge_name_{fitted.size}",
        fontName=SANS_BOLD,
        fontSize=fitted.size,
        leading=fitted.leading,
        alignment=TA_CENTER,
        textColor=st.PRIMARY_DARK,
        splitLongWords=0,
    )
    markup = "<br/>".join(rich(line, bold=True) for line in fitted.lines)
    candidate = paragraph(markup, style)
    _, needed = candidate.wrap(width + 1, height + 1000)
    return FittedName(candidate, fitted.size, needed, fitted.fits)


def _small(size: float, color: object, *, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"badge_small_{size}_{bold}",
        fontName=SANS_BOLD if bold else SANS,
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_CENTER,
        textColor=color,
    )


def _small_paragraph(
    text: str, style: ParagraphStyle, width: float, kind: Kind = Kind.TEXT
) -> tuple[Paragraph, float]:
    """A short centred text, one size smaller if it would need three lines; with its height."""
    p = para(text, style, kind=kind)
    _, h = p.wrap(width, 40 * mm)
    if len(p.blPara.lines) > 2:
        smaller = ParagraphStyle("smaller", parent=style, fontSize=style.fontSize * 0.85)
        smaller.leading = smaller.fontSize * 1.15
        p = para(text, smaller, kind=kind)
        _, h = p.wrap(width, 40 * mm)
    return p, h


def _draw_badge(
    canvas: Canvas, badge: Badge, data: BadgesInput, rect: tuple[float, float, float, float]
) -> None:
    x, y, w, h = rect
    inner_x, inner_w = x + _PADDING, w - 2 * _PADDING
    top = y + h - 4 * mm
    canvas.saveState()
    canvas.setFillColor(st.ACCENT)
    canvas.rect(inner_x, top - 2.4 * mm, 1.8 * mm, 1.8 * mm, stroke=0, fill=1)
    canvas.setFillColor(st.PRIMARY)
    canvas.setFont(SANS_BOLD, 6.5)
    canvas.drawString(inner_x + 3 * mm, top - 2.3 * mm, clean(data.office.network_name))
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.5)
    canvas.line(inner_x, top - 3.6 * mm, inner_x + inner_w, top - 3.6 * mm)
    canvas.restoreState()
    area_top = top - 5 * mm
    title = clean(data.event_title) if data.show_event else ""
    if title:
        event = para(title, _small(EVENT_SIZE, st.MUTED))
        _, event_height = event.wrap(inner_w, 20 * mm)
        event.drawOn(canvas, inner_x, area_top + 0.6 * mm - event_height)
        area_top -= event_height + 0.8 * mm

    bottom = y + 4.5 * mm
    if badge.no_photos:  # discreet: a small dot the staff know means "no photos"
        canvas.saveState()
        canvas.setFillColor(st.MUTED)
        canvas.circle(inner_x + inner_w - 1 * mm, y + 2.5 * mm, 0.9 * mm, stroke=0, fill=1)
        canvas.restoreState()
    if badge.organisation:
        org, org_height = _small_paragraph(badge.organisation, _small(8.5, st.TEXT), inner_w)
        org.drawOn(canvas, inner_x, bottom)
        bottom += org_height + 1.5 * mm
    extras = [
        _small_paragraph(text, _small(8, st.MUTED, bold=bold), inner_w, kind)
        for text, bold, kind in (
            (clean(badge.latin_name), False, Kind.NAME),
            (clean(badge.role), True, Kind.TEXT),
        )
        if text
    ]
    gap = 2.4 * mm if has_rtl(badge.name) else 1.2 * mm  # below Arabic descenders
    extra_height = sum(h for _, h in extras) + gap * len(extras)
    fitted = fit_name(badge.name, inner_w, area_top - bottom - extra_height)
    block = fitted.height + extra_height
    cursor = bottom + (area_top - bottom + block) / 2  # centre name and extras vertically
    fitted.paragraph.drawOn(canvas, inner_x, cursor - fitted.height)
    cursor -= fitted.height
    for extra, height in extras:
        cursor -= gap
        extra.drawOn(canvas, inner_x, cursor - height)
        cursor -= height


def _slots(sheet: LabelSheet, start_at: int, count: int) -> Iterator[tuple[int, int]]:
    """(page, index on sheet) for ``count`` badges, starting at label ``start_at`` (1-based)."""
    position = start_at - 1
    for _ in range(count):
        yield divmod(position, sheet.per_sheet)
        position += 1


def build_badges(
    data: BadgesInput,
    *,
    sheet: str | LabelSheet = DEFAULT_SHEET,
    start_at: int = 1,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> bytes:
    """Print badges onto label sheets and return PDF bytes.

    ``start_at`` is the first free label of a partly used sheet (1 = top left, counted
    row by row). ``offset_x_mm``/``offset_y_mm`` shift the print (right/down positive)
    to correct a printer's offset, as measured with :func:`build_calibration_page`.
    """
    register_fonts()
    layout = get_sheet(sheet)
    if not 1 <= start_at <= layout.per_sheet:
        raise ValueError(f"start_at muss zwischen 1 und {layout.per_sheet} liegen")
    buffer = io.BytesIO()
    canvas = _canvas(buffer, layout, f"Namensschilder – {data.event_title or ''}".strip(" –"))
    canvas.setAuthor(clean(data.office.office_name))
    canvas.setSubject(f"Namensschilder auf {layout.name}")
    current_page = 0
    for badge, (page, index) in zip(
        data.badges, _slots(layout, start_at, len(data.badges)), strict=True
    ):
        if page != current_page:
            canvas.showPage()
            current_page = page
        _draw_badge(canvas, badge, data, layout.rect_pt(index, offset_x_mm, offset_y_mm))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _canvas(buffer: io.BytesIO, layout: LabelSheet, title: str) -> Canvas:
    canvas = Canvas(
        buffer, pagesize=(layout.page_width * mm, layout.page_height * mm), initialFontName=SANS
    )
    canvas.setTitle(title)
    canvas.setCreator("Patenbüro")
    return canvas
