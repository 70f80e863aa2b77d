"""Projektkarten: one card per project in DIN lang (99 × 210 mm), three per A4 landscape sheet.

Geometry: an A4 landscape sheet is 297 × 210 mm, exactly three DIN-lang cards side by
side (3 × 99 mm), so the cards fill the sheet and there is no paper outside them. Only
the two inner edges (x = 99 mm and 198 mm) need a cut; the outer edges are the sheet's
own. The Schnittmarken are therefore short ticks on these two cut lines, at the top and
bottom edge, from 5 to 9 mm into the sheet: office printers leave up to 5 mm unprinted,
and card content keeps at least 10 mm from the edge, so the ticks are printed on every
printer and never touch text. Nothing is printed across the cut lines (no bleed),
so a cut a millimetre off still looks clean.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Spacer

from patenbuero.pdf import style as st
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.inputs import ProjectCard, ProjectCardsInput
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.project_blocks import (
    Pill,
    Stacked,
    contact_lines,
    draw_logo,
    joined,
    read_logo,
    scaled,
    stack,
)
from patenbuero.pdf.text import clean, escape, para, paragraph, rich

CARD_W, CARD_H = 99 * mm, 210 * mm
PAGE = (3 * CARD_W, CARD_H)  # A4 landscape
PER_PAGE = 3
INSET_X, INSET_TOP, INSET_BOTTOM = 9 * mm, 12 * mm, 10 * mm
LOGO_H = 26 * mm
MARK_FROM, MARK_TO = 5 * mm, 9 * mm  # crop tick from/to, measured from the sheet edge
_BOX_PAD = 3.5 * mm


class AccentRule(Flowable):
    """A short orange rule under the project name."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 4

    def draw(self) -> None:
        self.canv.setStrokeColor(st.ACCENT)
        self.canv.setLineWidth(2)
        self.canv.line(0, 2, 12 * mm, 2)


def _fact(label: str, value: str) -> list[Flowable]:
    value_style = scaled(st.style("body"), 10, "cv", leading=13.5)
    return [
        paragraph(escape(label), scaled(st.style("label"), 8, "cl")),
        Spacer(0, 1 * mm),
        paragraph(value, value_style),
        Spacer(0, 3.5 * mm),
    ]


def _main_story(card: ProjectCard) -> list[Flowable]:
    name_style = scaled(st.style("title"), 20, "cn", leading=24, spaceAfter=0)
    story: list[Flowable] = [para(card.name, name_style), Spacer(0, 2.5 * mm), AccentRule()]
    story.append(Spacer(0, 3 * mm))
    if card.seeks_volunteers:
        story += [Pill(size=8.5), Spacer(0, 4.5 * mm)]
    if clean(card.flyer_text):
        text = scaled(st.style("body"), 11.5, "ct", leading=16.5)
        story += [paragraph(escape(card.flyer_text), text), Spacer(0, 7 * mm)]
    facts = [
        ("Zielgruppen", joined(rich(g) for g in card.target_groups)),
        ("Zeitaufwand", rich(card.time_commitment)),
        ("Stadtteile", joined(rich(d) for d in card.districts)),
    ]
    for label, value in facts:
        if value:
            story += _fact(label, value)
    return story


def _contact_box(card: ProjectCard, width: float) -> Stacked | None:
    lines = contact_lines(card.contact, with_name=False)
    name = clean(card.contact.name)
    if not lines and not name:
        return None
    body = scaled(st.style("body"), 9.5, "cc", leading=13)
    kicker = scaled(st.style("kicker"), 8.5, "ck", textColor=st.PRIMARY, spaceAfter=0)
    parts: list[tuple[Flowable, float]] = [(paragraph("Kontakt", kicker), 1 * mm)]
    if name:
        bold = scaled(st.style("body"), 9.5, "ccb", leading=13, fontName=SANS_BOLD)
        parts.append((para(name, bold, kind=Kind.NAME), 0))
    if lines:
        parts.append((para("\n".join(lines), body), 0))
    return stack(parts, width - 2 * _BOX_PAD - 1.5)


def _draw_card(canvas: Canvas, card: ProjectCard, network_name: str, left: float) -> None:
    x, width = left + INSET_X, CARD_W - 2 * INSET_X
    top = CARD_H - INSET_TOP
    logo = read_logo(card.logo)
    if logo is not None:
        _, h = draw_logo(canvas, logo, (x, top - LOGO_H, width, LOGO_H), align="left")
        top -= h + 7 * mm
    footer_y = INSET_BOTTOM
    canvas.saveState()
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.5)
    canvas.line(x, footer_y + 4.2 * mm, x + width, footer_y + 4.2 * mm)
    canvas.setFillColor(st.ACCENT)
    canvas.rect(x, footer_y + 0.4 * mm, 1.8 * mm, 1.8 * mm, stroke=0, fill=1)
    canvas.setFillColor(st.PRIMARY)
    canvas.setFont(SANS_BOLD, 7.5)
    canvas.drawString(x + 3 * mm, footer_y + 0.5 * mm, clean(network_name))
    canvas.restoreState()
    bottom = footer_y + 9 * mm
    box = _contact_box(card, width)
    if box is not None:
        box_h = box.height + 2 * _BOX_PAD
        canvas.saveState()
        canvas.setFillColor(st.TINT_LIGHT)
        canvas.rect(x, bottom, width, box_h, stroke=0, fill=1)
        canvas.setFillColor(st.PRIMARY)
        canvas.rect(x, bottom, 2.2, box_h, stroke=0, fill=1)
        canvas.restoreState()
        box.draw(canvas, x + _BOX_PAD + 1.5, bottom + box_h - _BOX_PAD)
        bottom += box_h + 6 * mm
    frame = Frame(x, bottom, width, top - bottom, 0, 0, 0, 0, showBoundary=0)
    # shrinks the whole text (never clips) when a long flyer text does not fit
    frame.addFromList([KeepInFrame(width, top - bottom, _main_story(card), mode="shrink")], canvas)


def _draw_crop_marks(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor(st.TEXT)
    canvas.setLineWidth(0.3)
    for number in range(1, PER_PAGE):
        cut = number * CARD_W
        canvas.line(cut, CARD_H - MARK_FROM, cut, CARD_H - MARK_TO)
        canvas.line(cut, MARK_FROM, cut, MARK_TO)
    canvas.restoreState()


def build_project_cards(data: ProjectCardsInput) -> bytes:
    """Build the Projektkarten, three per A4 landscape sheet, and return PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, initialFontName=SANS)
    canvas.setTitle(f"Projektkarten – {clean(data.office.network_name)}")
    canvas.setAuthor(clean(data.office.office_name))
    canvas.setCreator("Patenbüro")
    cards = data.cards or ()
    for start in range(0, max(len(cards), 1), PER_PAGE):
        for slot, card in enumerate(cards[start : start + PER_PAGE]):
            _draw_card(canvas, card, data.office.network_name, slot * CARD_W)
        if data.crop_marks:
            _draw_crop_marks(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
