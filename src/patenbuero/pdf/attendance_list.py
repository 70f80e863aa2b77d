"""Teilnehmerliste / Unterschriftenliste: proof of attendance for funders.

Drawn straight onto a reportlab canvas: every row is broken and measured once, the
pages are planned from the row heights before anything is drawn (so "Seite X von Y"
is known and no page is kept in memory), and no platypus flowable, table or markup
parser is involved. The geometry is the house table's (see :mod:`.attendance_rows`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.attendance_blocks import Closing, Heading
from patenbuero.pdf.attendance_rows import (
    CellCache,
    ListHeader,
    ListRow,
    TextCell,
    draw_rows,
    text_cell,
)
from patenbuero.pdf.canvas_text import TextPen
from patenbuero.pdf.collation import participant_sort_key
from patenbuero.pdf.dates import format_date
from patenbuero.pdf.fonts import SANS, register_fonts
from patenbuero.pdf.inputs import NO_PHOTOS_MARK, AttendanceListInput, Participant
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.page_decor import (
    LineMemo,
    PageDecor,
    draw_band,
    draw_footer,
    draw_header,
)
from patenbuero.pdf.plain_text import clean, with_latin

__all__ = ["build_attendance_list", "participant_sort_key", "sort_participants"]

MIN_ROW_HEIGHT = 10 * mm  # room for a signature
SIGNATURE_MIN_WIDTH = 45 * mm  # funders reject lists where a signature does not fit
NAME_MIN_SIZE = 7.5  # names shrink to this size before they would have to be cut
_CELL_PADDING = 6  # top + bottom padding of a body cell, see blocks.data_table
_NUMBER_WIDTH = 10 * mm
_TAIL = 2  # rows kept on the page of the signature block
_FUZZ = 1e-6
# Relative widths of the columns left of the signature: last name, first name,
# organisation, contact.
_WEIGHTS = {"last": 24, "first": 18, "org": 24, "contact": 30}
_SIGN_SHARE = 0.26  # share of the table width for the signature (at least 45 mm)


def sort_participants(participants: Sequence[Participant]) -> list[Participant]:
    """Sort by last name, then first name, in German order (Latin spelling first if given)."""

    return sorted(participants, key=participant_sort_key)


def _column_widths(width: float, show_contact: bool) -> list[float]:
    keys = ["last", "first", "org", *(["contact"] if show_contact else [])]
    total = sum(_WEIGHTS[k] for k in keys)
    sign = max(SIGNATURE_MIN_WIDTH, width * _SIGN_SHARE)
    rest = width - _NUMBER_WIDTH - sign
    return [_NUMBER_WIDTH, *(rest * _WEIGHTS[k] / total for k in keys), sign]


def _row(
    number: int,
    person: Participant | None,
    show_contact: bool,
    widths: Sequence[float],
    cache: CellCache,
) -> ListRow:
    """One row, its text broken and measured once."""
    bold, plain, small = st.style("cell_bold"), st.style("cell"), st.style("cell_small")
    mark = f" {NO_PHOTOS_MARK}" if person is not None and person.no_photos else ""
    cells: list[TextCell] = [text_cell(f"{number}{mark}", st.style("num"), widths[0])]
    if person is None:
        cells += [text_cell("", plain, w, cache=cache) for w in widths[1:]]
    else:
        last = with_latin(person.last_name, person.latin_last_name)
        first = with_latin(person.first_name, person.latin_first_name)
        cells += [
            text_cell(last, bold, widths[1], kind=Kind.NAME, min_size=NAME_MIN_SIZE, cache=cache),
            text_cell(first, plain, widths[2], kind=Kind.NAME, min_size=NAME_MIN_SIZE, cache=cache),
            text_cell(person.organisation, small, widths[3], cache=cache),
        ]
        if show_contact:
            contact = "\n".join(clean(p) for p in (person.email, person.phone) if p and clean(p))
            cells.append(text_cell(contact, small, widths[4], cache=cache))
        cells.append(text_cell("", plain, widths[-1], cache=cache))
    needed = max(cell.height for cell in cells)
    return ListRow(tuple(cells), max(MIN_ROW_HEIGHT, needed + _CELL_PADDING + 2))


@dataclass
class _Page:
    """What one page shows: the heading (page one), a slice of rows, the closing."""

    heading: bool = False
    rows: tuple[int, int] | None = None  # [start, end) of the rows on this page
    closing: bool = False


def _plan(
    rows: Sequence[ListRow], header: float, heading: float, closing: float, frame: float
) -> list[_Page]:
    """Pages from the heights alone. Rows fill each page under a repeated header; the
    last rows stay with the signature block, which moves to a new page (with a header)
    when it does not fit below the rows."""
    pages = [_Page(heading=True)]
    room = frame - heading
    body = len(rows) - min(_TAIL, len(rows))
    index = 0
    while index < body:
        space = room - header
        end = index
        while end < body and rows[end].height <= space + _FUZZ:
            space -= rows[end].height
            end += 1
        if end == index:
            if room < frame:  # not one row fits below what the page holds already
                pages.append(_Page())
                room = frame
                continue
            end = index + 1  # a row taller than a page is drawn anyway
            space -= rows[index].height
        pages[-1].rows = (index, end)
        index, room = end, space
        if index < body:
            pages.append(_Page())
            room = frame
    group = sum(row.height for row in rows[body:]) + closing
    if pages[-1].rows is None:  # the last rows open the table: with its header
        group += header
    if group > room + _FUZZ and room < frame:
        pages.append(_Page())
    page = pages[-1]
    page.rows = (page.rows[0] if page.rows is not None else body, len(rows))
    page.closing = True
    return pages


def build_attendance_list(
    data: AttendanceListInput,
    *,
    landscape: bool = False,
    show_contact: bool = False,
    blank_rows: int = 0,
) -> bytes:
    """Build the Teilnehmerliste/Unterschriftenliste of one event and return PDF bytes.

    ``data.participants`` holds the confirmed participants only; they are printed sorted
    by last name (German order). ``show_contact`` adds an E-Mail/Telefon column (only when
    the office asks for it) and turns the page to landscape, so that the signature column
    keeps its 45 mm; ``blank_rows`` adds numbered empty rows for walk-ins. The funder is
    printed under the header of every page; the signature block always shares its page
    with the last rows of the list.
    """
    register_fonts()
    pagesize = st.LANDSCAPE if landscape or show_contact else st.PORTRAIT
    width = pagesize[0] - st.MARGIN_LEFT - st.MARGIN_RIGHT
    widths = _column_widths(width, show_contact)
    labels = ["Nr.", "Nachname", "Vorname", "Organisation / Projekt"]
    labels += ["E-Mail / Telefon"] if show_contact else []
    labels.append("Unterschrift")
    people: list[Participant | None] = [*sort_participants(data.participants)]
    people += [None] * max(0, blank_rows)
    cache: CellCache = {}
    rows = [_row(n, p, show_contact, widths, cache) for n, p in enumerate(people, start=1)]
    header = ListHeader.of(
        [
            text_cell(label, st.style("th_right" if i == 0 else "th"), w)
            for i, (label, w) in enumerate(zip(labels, widths, strict=True))
        ]
    )
    heading, closing = Heading.of(data, width), Closing.of(data, width)
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Teilnehmerliste",
        footer_text=f"{data.event_title} · {format_date(data.date)}",
        band=data.funder.lines if data.funder else (),
        band_logo=data.funder.logo if data.funder else None,
    )
    top = pagesize[1] - st.MARGIN_TOP - decor.band_height
    pages = _plan(rows, header.height, heading.height, closing.height, top - st.MARGIN_BOTTOM)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize, initialFontName=SANS, lang="de-DE")
    canvas.setTitle(clean(f"Teilnehmerliste – {data.event_title}"))
    canvas.setAuthor(clean(data.office.office_name))
    canvas.setSubject("Teilnehmer- und Unterschriftenliste für den Nachweis bei Fördermittelgebern")
    canvas.setCreator("Patenbüro")
    memo: LineMemo = {}  # band and footer lines, broken once for all pages
    for number, page in enumerate(pages, start=1):
        draw_header(canvas, decor)
        if decor.band:
            draw_band(canvas, decor, memo)
        pen = TextPen(canvas)
        y = top
        if page.heading:
            heading.draw(pen, st.MARGIN_LEFT, y)
            y -= heading.height
        if page.rows is not None:
            start, end = page.rows
            y = draw_rows(
                canvas,
                pen,
                (st.MARGIN_LEFT, y),
                widths,
                header,
                rows[start:end],
                start,
            )
        if page.closing:
            closing.draw(canvas, pen, st.MARGIN_LEFT, y)
        pen.finish()
        draw_footer(canvas, decor, number, len(pages), memo)
        canvas.showPage()
    _save_binary(canvas)
    return buffer.getvalue()


def _save_binary(canvas: Canvas) -> None:
    """Write the PDF with its page streams compressed but not ASCII85-encoded.

    reportlab wraps every compressed stream in ASCII85 by default (7-bit safe text, a
    quarter larger); encoding the 40-odd pages of a long list was a sixth of its build
    time, and binary streams are what every PDF reader expects. The setting is read
    while the document is written, so it is switched for this save only.
    """
    encoded = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas.save()
    finally:
        rl_config.useA85 = encoded
