"""Projektporträt: one A4 page per project, or a booklet with a title page for several.

A portrait that does not fit on one page at 10.5 pt is set a little smaller (down to
9.5 pt); if it is still too long, its text continues on the next page. Nothing is cut.
"""

from __future__ import annotations

import io
import re

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import fact_grid, format_date
from patenbuero.pdf.certificate import AccentRule
from patenbuero.pdf.fonts import SANS
from patenbuero.pdf.inputs import PortraitInput, PortraitProject
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.project_blocks import Logo, Pill, joined, read_logo, scaled
from patenbuero.pdf.text import clean, escape, para, paragraph, rich

TEXT_SIZES = (10.5, 10.0, 9.5)
LOGO_W, LOGO_H = 52 * mm, 30 * mm
_FRAME_H = st.PORTRAIT[1] - st.MARGIN_TOP - st.MARGIN_BOTTOM
_PARAGRAPHS = re.compile(r"\n\s*\n")


def _head(project: PortraitProject, width: float) -> Table:
    """Träger, name, lead and mark on the left; the logo on the right."""
    logo = read_logo(project.logo)
    text_w = width - (LOGO_W + 8 * mm if logo else 0)
    left: list[Flowable] = []
    if clean(project.organisation):
        left.append(para(project.organisation, st.style("kicker")))
    left.append(para(project.name, scaled(st.style("title"), 24, "pn", leading=29)))
    if clean(project.flyer_text):
        lead = scaled(st.style("body"), 12, "pl", leading=16.5, textColor=st.PRIMARY)
        left += [Spacer(0, 1.5 * mm), paragraph(escape(project.flyer_text), lead)]
    if project.seeks_volunteers:
        left += [Spacer(0, 3.5 * mm), Pill(size=8.5)]
    cells: list[list[object]] = [[left, Logo(logo, LOGO_W, LOGO_H)] if logo else [left]]
    widths = [text_w, LOGO_W + 8 * mm] if logo else [text_w]
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    commands = [("ALIGN", (1, 0), (1, 0), "RIGHT")] if logo else []
    table.setStyle(
        TableStyle(
            [
                *commands,
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _facts(project: PortraitProject) -> list[tuple[str, str]]:
    """Label/value pairs; the Träger stands above the name, so it is not repeated here."""
    since = project.member_since
    facts = [
        ("Zielgruppen", joined(rich(g) for g in project.target_groups)),
        ("Stadtteile", joined(rich(d) for d in project.districts)),
        ("Zeitaufwand", rich(project.time_commitment)),
        ("Sprachen", joined(rich(x) for x in project.languages)),
        ("Mitglied seit", escape(format_date(since, long=True)) if since else ""),
    ]
    return [(label, value) for label, value in facts if value]


def _contact(project: PortraitProject, width: float) -> list[Flowable] | None:
    contact = project.contact
    body = st.style("body")
    values = [
        ("Ansprechpartner:in", contact.name, Kind.NAME),
        ("Telefon", contact.phone, Kind.TEXT),
        ("E-Mail", contact.email, Kind.TEXT),
        ("Website", contact.website, Kind.TEXT),
        ("Anschrift", contact.address, Kind.TEXT),
    ]
    facts: list[tuple[str, str | Flowable]] = [
        (label, para(value, body, kind=kind)) for label, value, kind in values if clean(value)
    ]
    if not facts:
        return None
    heading = paragraph("So erreichen Sie das Projekt", st.style("heading"))
    grid = fact_grid(facts, width, columns=1, tinted=True, label_width=40 * mm)
    return [heading, grid]


def _project_story(project: PortraitProject, width: float, size: float) -> list[Flowable]:
    story: list[Flowable] = [_head(project, width), Spacer(0, 6 * mm)]
    facts = _facts(project)
    if facts:
        story += [fact_grid(facts, width, columns=2, tinted=True), Spacer(0, 4 * mm)]
    body = scaled(st.style("body"), size, "pb", leading=size * 1.5, spaceAfter=size * 0.6)
    texts = [clean(t) for t in _PARAGRAPHS.split(project.portrait_text or "") if clean(t)]
    paragraphs: list[Flowable] = [paragraph(escape(t), body) for t in texts]
    if texts:
        story.append(paragraph("Über das Projekt", st.style("heading")))
    contact = _contact(project, width)
    if contact is not None:
        # the contact block never stands alone on a page: the last paragraph goes with it
        tail = paragraphs[-1:]
        story += paragraphs[:-1]
        story.append(KeepTogether([*tail, Spacer(0, 3 * mm), *contact]))
    else:
        story += paragraphs
    return story


def _height(story: list[Flowable], width: float) -> float:
    canvas = Canvas(io.BytesIO())  # only for measuring
    total = 0.0
    for flowable in story:
        _, h = flowable.wrapOn(canvas, width, _FRAME_H)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _fitted_story(project: PortraitProject, width: float) -> list[Flowable]:
    """The largest text size at which the portrait fits one page; else it continues."""
    for size in TEXT_SIZES:
        story = _project_story(project, width, size)
        if _height(story, width) <= _FRAME_H * 0.97:  # a little room for rounding
            return story
    return story


class _PageMark(Flowable):
    """Records on which page a project starts (for the page numbers of the contents)."""

    def __init__(self, key: int, pages: dict[int, int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()


def _title_page(
    data: PortraitInput, width: float, pages: dict[int, int] | None = None
) -> list[Flowable]:
    story: list[Flowable] = [
        Spacer(0, 38 * mm),
        para(data.office.network_name, scaled(st.style("kicker"), 11, "tk")),
        Spacer(0, 2 * mm),
        para(data.booklet_title, scaled(st.style("title"), 32, "tt", leading=38)),
        Spacer(0, 4 * mm),
        _LeftRule(),
        Spacer(0, 8 * mm),
    ]
    if clean(data.booklet_intro):
        intro = scaled(st.style("body"), 11.5, "ti", leading=17)
        story += [paragraph(escape(data.booklet_intro), intro), Spacer(0, 10 * mm)]
    story.append(paragraph("In diesem Heft", st.style("heading")))
    rows = [
        [
            para(p.name, st.style("cell_bold")),
            para(p.organisation, st.style("cell_small")),
            paragraph(str((pages or {}).get(number, "")), st.style("cell_right")),
        ]
        for number, p in enumerate(data.projects)
    ]
    number_w = 12 * mm
    widths = [(width - number_w) * 0.45, (width - number_w) * 0.55, number_w]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=0)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.RULE_LIGHT),
            ]
        )
    )
    story.append(table)
    if data.booklet_date:
        stand = f"Stand: {format_date(data.booklet_date, long=True)}"
        story += [Spacer(0, 8 * mm), paragraph(escape(stand), st.style("small"))]
    return story


class _LeftRule(AccentRule):
    """The certificate's accent rule, left aligned for the booklet title."""

    def __init__(self) -> None:
        super().__init__(24 * mm)

    def draw(self) -> None:
        self.canv.setStrokeColor(st.ACCENT)
        self.canv.setLineWidth(2.2)
        self.canv.line(0, 1.5, self.length, 1.5)


def build_portraits(data: PortraitInput) -> bytes:
    """Build the Projektporträts (booklet with title page for several) and return PDF bytes."""
    width = content_width()
    booklet = len(data.projects) > 1
    single = data.projects[0].name if len(data.projects) == 1 else data.booklet_title
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Projektporträt" if not booklet else "Projektporträts",
        footer_text=data.office.contact_line,
    )

    def story_with(pages: dict[int, int] | None, marks: dict[int, int]) -> list[Flowable]:
        story: list[Flowable] = _title_page(data, width, pages) if booklet else []
        stories = [_fitted_story(project, width) for project in data.projects]  # fresh
        for number, project_story in enumerate(stories):
            if number or booklet:
                story.append(PageBreak())
            story += [_PageMark(number, marks), *project_story]
        if not story:
            story.append(CondPageBreak(1))
        return story

    def build(pages: dict[int, int] | None, marks: dict[int, int]) -> bytes:
        return render(
            story_with(pages, marks),
            decor,
            title=f"Projektporträt – {clean(single)}",
            author=data.office.office_name,
            subject="Porträts der Mitgliedsprojekte" if booklet else "Porträt eines Projekts",
        )

    first: dict[int, int] = {}
    document = build(None, first)
    if not booklet:
        return document
    # second run: the contents show the page numbers measured in the first
    return build(first, {})
