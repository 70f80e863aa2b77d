"""Netzwerk-Handzettel for info stands: A4, front (network) and back (projects), duplex.

Front (:mod:`patenbuero.pdf.flyer_front`): network name, introduction, Leitbild preamble,
QR code and website, the office's contact and opening hours. Back: the projects grouped
by Zielgruppe in two or three balanced columns. Each project appears once, under its
first Zielgruppe in ``FlyerInput.target_group_order`` (unknown groups follow
alphabetically), its other groups small under it ("auch: …"): no wall of duplicates.

Nothing is clipped silently. The back shrinks from 10.5 pt to 7 pt and goes from two to
three columns; if it still does not fit, projects that do not seek volunteers are left
out first (then the others, from the end) and the last line counts them: "… und 4
weitere Projekte: www…". The front shrinks to 8 pt, then shortens the Leitbild preamble
(then the introduction) with "…". Each such step is a German sentence in
:attr:`FlyerResult.warnings`, for the app to show before printing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from patenbuero.pdf import flyer_front
from patenbuero.pdf import style as st
from patenbuero.pdf.collation import german_sort_key
from patenbuero.pdf.flyer_front import PAGE_H, PAGE_W, SIDE
from patenbuero.pdf.fonts import SANS, SANS_BOLD, register_fonts
from patenbuero.pdf.inputs import FlyerInput, FlyerProject
from patenbuero.pdf.project_blocks import (
    SEEKS_LABEL,
    HeadingRule,
    NameWithPill,
    Stacked,
    draw_pill,
    joined,
    scaled,
    short_contact,
    stack,
)
from patenbuero.pdf.text import clean, escape, para, paragraph

# Back page font sizes, largest first. 8.5 pt is the floor for reading at arm's length
# at an info stand; secondary lines (contact, "auch: …") are 1 pt smaller, the
# "sucht Pat:innen" mark never below 7.5 pt. When the projects do not fit at the floor,
# the list goes on on a further page (a second sheet) instead of shrinking.
SIZES = (10.5, 10.0, 9.5, 9.0, 8.5)
MAX_BACK_PAGES = 6
_GAP = 7 * mm  # between columns
_OTHER_GROUP = "Weitere Projekte"


@dataclass(frozen=True)
class FlyerResult:
    """The finished flyer and what had to give way to fit it on two pages.

    ``warnings`` is empty when everything fits at a comfortable size; otherwise each
    entry is a German sentence for the office ("… wurde gekürzt"). ``bytes(result)``
    returns the PDF.
    """

    pdf: bytes
    warnings: tuple[str, ...] = ()
    omitted_projects: tuple[str, ...] = ()  # named only in the "… und N weitere" line
    back_font_size: float = SIZES[0]
    columns: int = 2

    def __bytes__(self) -> bytes:
        return self.pdf


@dataclass(frozen=True)
class _Block:
    """A heading or a project entry on the back; ``group`` is the Zielgruppe it belongs to."""

    group: str
    stacked: Stacked
    is_heading: bool = False


def group_projects(data: FlyerInput) -> list[tuple[str, list[FlyerProject]]]:
    """Zielgruppe → projects, each project once under its first group (see module doc)."""
    rank = {clean(name): i for i, name in enumerate(data.target_group_order)}

    def group_key(name: str) -> tuple[int, int, tuple[str, str, str]]:
        if name == _OTHER_GROUP:  # projects without a Zielgruppe come last
            return (2, 0, german_sort_key(name))
        if name in rank:
            return (0, rank[name], german_sort_key(name))
        return (1, 0, german_sort_key(name))

    groups: dict[str, list[FlyerProject]] = {}
    for project in data.projects:
        names = [clean(g) for g in project.target_groups if clean(g)]
        names.sort(key=lambda n: (rank.get(n, len(rank)), german_sort_key(n)))
        groups.setdefault(names[0] if names else _OTHER_GROUP, []).append(project)
    ordered = sorted(groups, key=group_key)
    return [(g, sorted(groups[g], key=lambda p: german_sort_key(p.name))) for g in ordered]


def _entry(
    project: FlyerProject, group: str, size: float, width: float, compact: bool = False
) -> Stacked:
    body = st.style("body")
    name_style = scaled(body, size + 0.5, "fn", fontName=SANS_BOLD, textColor=st.PRIMARY_DARK)
    text_style = scaled(body, size, "ft", leading=size * 1.28)
    small = scaled(st.style("small"), size - 1, "fs", leading=(size - 1) * 1.3)
    name: Flowable = para(project.name, name_style)
    if project.seeks_volunteers:
        name = NameWithPill(name, max(7.5, size * 0.8))  # type: ignore[arg-type]
    parts: list[tuple[Flowable, float]] = [(name, 1.2)]
    if clean(project.flyer_text):
        parts.append((para(project.flyer_text, text_style), 0.8))
    others = [clean(g) for g in project.target_groups if clean(g) and clean(g) != group]
    if others and not compact:
        parts.append((paragraph(escape("auch: " + joined(others)), small), 0.4))
    contact = short_contact(project.contact)
    if compact and clean(project.contact.phone):
        contact = f"Tel. {clean(project.contact.phone)}"  # the e-mail is on the website
    if contact:
        parts.append((para(contact, small), 0))
    return stack(parts, width)


def _heading(group: str, size: float, width: float, suffix: str = "") -> Stacked:
    style = scaled(st.style("kicker"), size + 0.5, "fh", textColor=st.PRIMARY, spaceAfter=0)
    return stack([(HeadingRule(para(group + suffix, style)), 0)], width)


def _blocks(
    groups: Sequence[tuple[str, Sequence[FlyerProject]]],
    size: float,
    width: float,
    compact: bool = False,
) -> list[_Block]:
    """``compact`` leaves out the "auch: …" lines, before any project has to give way."""
    blocks: list[_Block] = []
    for group, projects in groups:
        blocks.append(_Block(group, _heading(group, size, width), is_heading=True))
        blocks += [_Block(group, _entry(p, group, size, width, compact)) for p in projects]
    return blocks


def _pack(
    blocks: Sequence[_Block],
    columns: int,
    height: float,
    gap: float,
    continued: Callable[[str], Stacked],
) -> list[list[Stacked]] | None:
    """Fill columns top-down; a heading never ends a column; a split group repeats its heading."""
    result: list[list[Stacked]] = [[]]
    used = 0.0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        unit = [block.stacked]
        if block.is_heading and index + 1 < len(blocks):
            unit.append(blocks[index + 1].stacked)  # keep the heading with its first entry
        need = sum(s.height for s in unit) + gap * (len(unit) - 1)
        if result[-1]:
            need += gap
        if used + need > height:
            if not result[-1] or len(result) == columns:
                return None
            result.append([])
            used = 0.0
            if not block.is_heading:  # the group goes on in a new column: repeat its heading
                head = continued(block.group)
                result[-1].append(head)
                used = head.height + gap
            continue
        result[-1] += unit
        used += need
        index += len(unit)
    return result


_Packed = tuple[list[list[Stacked]], float]


def _balanced(
    blocks: Sequence[_Block], columns: int, height: float, size: float, width: float
) -> _Packed | None:
    """The packing with the smallest column height that fits, or None."""
    gap = size * 0.75

    def continued(group: str) -> Stacked:
        return _heading(group, size, width, " (Fortsetzung)")

    if _pack(blocks, columns, height, gap, continued) is None:
        return None
    low, high = 0.0, height
    while high - low > 2:
        middle = (low + high) / 2
        if _pack(blocks, columns, middle, gap, continued) is None:
            low = middle
        else:
            high = middle
    packed = _pack(blocks, columns, high, gap, continued)
    return (packed, gap) if packed else None


def _more_line(count: int, website: str, size: float, width: float) -> Stacked:
    style = scaled(st.style("body"), size, "fm", fontName=SANS_BOLD, textColor=st.PRIMARY)
    noun = "weiteres Projekt" if count == 1 else "weitere Projekte"
    return stack([(paragraph(escape(f"… und {count} {noun}: {clean(website)}"), style), 0)], width)


def _layout_back(
    data: FlyerInput, height: float, width: float
) -> tuple[float, int, _Packed, list[str]]:
    """Pick font size, columns and (if needed) the projects to leave out."""
    projects = list(data.projects)
    groups = group_projects(data)

    def packed_at(size: float, columns: int) -> _Packed | None:
        col_w = (width - _GAP * (columns - 1)) / columns
        return _balanced(_blocks(groups, size, col_w), columns, height, size, col_w)

    # Larger type never fits where the smallest does not: one trial at the smallest size
    # (three columns) spares laying out every size for a list that needs more room.
    smallest = packed_at(SIZES[-1], 3)
    for size in SIZES if smallest else ():
        for columns in (2, 3) if len(projects) <= 12 else (3,):
            packed = smallest if (size, columns) == (SIZES[-1], 3) else packed_at(size, columns)
            if packed:
                return size, columns, packed, []
    size, columns = SIZES[-1], 3
    col_w = (width - _GAP * 2) / 3
    blocks = _blocks(group_projects(data), size, col_w, compact=True)
    packed = _balanced(blocks, columns, height, size, col_w)
    if packed:
        return size, columns, packed, []
    # more pages rather than smaller type: the list continues on a second sheet
    for pages in range(2, MAX_BACK_PAGES + 1):
        packed = _balanced(blocks, columns * pages, height, size, col_w)
        if packed:
            return size, columns, packed, []
    raise ValueError("Die Projektliste des Handzettels ist für sechs Seiten zu lang.")


def _draw_back_header(canvas: Canvas, data: FlyerInput, continued: bool) -> float:
    """Kicker, title and the legend of the mark; return the top of the column area."""
    top = PAGE_H - 20 * mm
    width = PAGE_W - 2 * SIDE
    kicker = scaled(st.style("kicker"), 9, "bk")
    heading = data.audience_title or "Unsere Patenprojekte"
    heading += " (Fortsetzung)" if continued else ""
    title = para(heading, scaled(st.style("title"), 22, "bt"))
    k = para(data.office.network_name, kicker)
    _, kh = k.wrap(width, 40)
    k.drawOn(canvas, SIDE, top - kh)
    _, th = title.wrap(width, 60)
    title.drawOn(canvas, SIDE, top - kh - th)
    legend_w = draw_pill(canvas, SIDE, top - kh - th - 7 * mm, SEEKS_LABEL, 7.5)
    canvas.setFont(SANS, 8.5)
    canvas.setFillColor(st.MUTED)
    canvas.drawString(
        SIDE + legend_w + 2 * mm,
        top - kh - th - 7 * mm + 3.2,
        "Diese Projekte freuen sich gerade besonders über neue Pat:innen.",
    )
    rule_y = top - kh - th - 10.5 * mm
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.6)
    canvas.line(SIDE, rule_y, PAGE_W - SIDE, rule_y)
    return rule_y - 6 * mm


_BACK_BOTTOM = 23 * mm


def back_area_height(data: FlyerInput) -> float:
    """Height of the column area of a back page (measured on a scratch canvas)."""
    scratch = Canvas(io.BytesIO(), pagesize=st.PORTRAIT, initialFontName=SANS)
    return _draw_back_header(scratch, data, False) - _BACK_BOTTOM


_Layout = tuple[float, int, _Packed, list[str]]


def _draw_back(canvas: Canvas, data: FlyerInput, layout: _Layout) -> tuple[float, int, int]:
    """Draw the back page(s); return the font size, columns per page and page count."""
    width = PAGE_W - 2 * SIDE
    size, columns, (packed, _), _omitted = layout
    col_w = (width - _GAP * (columns - 1)) / columns
    gap = size * 0.75
    pages = max(1, -(-len(packed) // columns))
    for page in range(pages):
        if page:
            canvas.showPage()
        area_top = _draw_back_header(canvas, data, continued=page > 0)
        for number, column in enumerate(packed[page * columns : (page + 1) * columns]):
            y = area_top
            x = SIDE + number * (col_w + _GAP)
            for item in column:
                y = item.draw(canvas, x, y) - gap
        _draw_back_footer(canvas, data)
    return size, columns, pages


def _draw_back_footer(canvas: Canvas, data: FlyerInput) -> None:
    line = f"Alle Projekte mit Ansprechpartner:innen und Terminen: <b>{escape(data.website)}</b>"
    footer = paragraph(line, scaled(st.style("body_center"), 9.5, "bf", textColor=st.PRIMARY))
    office = data.office
    reach = [*office.address_lines, office.phone, office.email]
    contact = para(" · ".join(clean(p) for p in reach if p and clean(p)), st.style("small_center"))
    _width, contact_height = contact.wrap(PAGE_W - 2 * SIDE, 40)
    _width, footer_height = footer.wrap(PAGE_W - 2 * SIDE, 20)
    bottom = 8 * mm
    contact.drawOn(canvas, SIDE, bottom)
    footer.drawOn(canvas, SIDE, bottom + contact_height + 1 * mm)
    rule = bottom + contact_height + footer_height + 3 * mm
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.6)
    canvas.line(SIDE, rule, PAGE_W - SIDE, rule)


def _back_layout(data: FlyerInput) -> _Layout:
    return _layout_back(data, back_area_height(data), PAGE_W - 2 * SIDE)


def _back_pages(layout: _Layout) -> int:
    _size, columns, (packed, _), _ = layout
    return max(1, -(-len(packed) // columns))


def build_flyer(data: FlyerInput) -> FlyerResult:
    """Build the two-page Handzettel; see :class:`FlyerResult` for warnings.

    The same projects and texts give the same flyer: the last few are kept, so showing
    the Druck tab again (or switching back to this document) does not lay it out anew.
    """
    try:
        hash(data)
    except TypeError:  # a field that cannot be a key (a list): built afresh
        return _build_flyer(data)
    return _remembered_flyer(data)


@lru_cache(maxsize=4)
def _remembered_flyer(data: FlyerInput) -> FlyerResult:
    return _build_flyer(data)


def _build_flyer(data: FlyerInput) -> FlyerResult:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=st.PORTRAIT, initialFontName=SANS)
    canvas.setTitle(f"Handzettel – {clean(data.audience_title or data.office.network_name)}")
    canvas.setSubject("Handzettel für Infostände: das Netzwerk und seine Patenprojekte")
    canvas.setAuthor(clean(data.office.office_name))
    canvas.setCreator("Patenbüro")
    # Laid out once: the front page names how many pages the list takes.
    layout = _back_layout(data)
    warnings = list(flyer_front.draw_front(canvas, data, back_pages=_back_pages(layout)))
    canvas.showPage()
    size, columns, pages = _draw_back(canvas, data, layout)
    canvas.showPage()
    canvas.save()
    if pages > 1:
        more = pages - 1
        warnings.append(
            f"Die Projekte passen nicht auf eine Rückseite: die Liste geht auf {more} "
            f"weiteren {'Seite' if more == 1 else 'Seiten'} weiter. "
            "Bitte beidseitig drucken und falten oder heften."
        )
    omitted: list[str] = []
    return FlyerResult(buffer.getvalue(), tuple(warnings), tuple(omitted), size, columns)
