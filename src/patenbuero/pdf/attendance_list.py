"""Teilnehmerliste / Unterschriftenliste: proof of attendance for funders."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from patenbuero.pdf import style as st
from patenbuero.pdf.attendance_rows import (
    Cell,
    CellCache,
    ListHeader,
    ListRow,
    ListRows,
    text_cell,
)
from patenbuero.pdf.blocks import (
    TopOfPageOnly,
    fact_grid,
    format_date,
    format_time_range,
    header_cells,
    signature_lines,
)
from patenbuero.pdf.collation import PersonKey, person_sort_key
from patenbuero.pdf.inputs import NO_PHOTOS_MARK, AttendanceListInput, Participant
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.text import clean, escape, para, paragraph, rich, with_latin

MIN_ROW_HEIGHT = 10 * mm  # room for a signature
SIGNATURE_MIN_WIDTH = 45 * mm  # funders reject lists where a signature does not fit
NAME_MIN_SIZE = 7.5  # names shrink to this size before they would have to be cut
_CELL_PADDING = 6  # top + bottom padding of a body cell, see blocks.data_table
_NUMBER_WIDTH = 10 * mm
# Relative widths of the columns left of the signature: last name, first name,
# organisation, contact.
_WEIGHTS = {"last": 24, "first": 18, "org": 24, "contact": 30}
_SIGN_SHARE = 0.26  # share of the table width for the signature (at least 45 mm)


def sort_participants(participants: Sequence[Participant]) -> list[Participant]:
    """Sort by last name, then first name, in German order (Latin spelling first if given)."""

    return sorted(participants, key=participant_sort_key)


def participant_sort_key(p: Participant) -> PersonKey:
    """German order of a participant (see :func:`person_sort_key`)."""
    return person_sort_key(p.last_name, p.first_name, p.latin_last_name, p.latin_first_name)


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
    """One row, its text broken and measured once (plain text, no Paragraph markup)."""
    bold, plain, small = st.style("cell_bold"), st.style("cell"), st.style("cell_small")
    mark = f" {NO_PHOTOS_MARK}" if person is not None and person.no_photos else ""
    cells: list[Cell] = [text_cell(f"{number}{mark}", st.style("num"), widths[0])]
    if person is None:
        cells += [text_cell("", plain, w) for w in widths[1:]]
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
        cells.append(text_cell("", plain, widths[-1]))
    needed = max(cell.height for cell in cells)
    return ListRow(tuple(cells), max(MIN_ROW_HEIGHT, needed + _CELL_PADDING + 2))


def _heading(data: AttendanceListInput, width: float) -> list[Flowable]:
    facts = [
        ("Datum", escape(format_date(data.date, weekday=True))),
        ("Uhrzeit", escape(format_time_range(data.start_time, data.end_time) or "–")),
        ("Ort", rich(data.place)),
        ("Referent:in", rich(data.speaker) if data.speaker else "–"),
    ]
    story: list[Flowable] = [
        paragraph("Teilnehmerliste · Unterschriftenliste", st.style("kicker")),
        para(data.event_title, st.style("title")),
        Spacer(0, 2 * mm),
        fact_grid(facts, width),
    ]
    return story


def _closing(data: AttendanceListInput, width: float) -> list[Flowable]:
    speaker = f"Unterschrift Referent:in ({data.speaker})" if data.speaker else "Unterschrift"
    confirmation = (
        "Die Richtigkeit der Angaben und die Durchführung der Veranstaltung bestätigt:"
        if data.speaker
        else "Die Richtigkeit der Angaben bestätigt:"
    )
    return [
        Spacer(0, 5 * mm),
        para(data.privacy_note, st.style("small")),
        Spacer(0, 6 * mm),
        paragraph(escape(confirmation), st.style("body")),
        Spacer(0, 13 * mm),
        signature_lines(["Ort, Datum", speaker], width),
    ]


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
    pagesize = st.LANDSCAPE if landscape or show_contact else st.PORTRAIT
    width = content_width(pagesize)
    widths = _column_widths(width, show_contact)
    labels = ["Nr.", "Nachname", "Vorname", "Organisation / Projekt"]
    labels += ["E-Mail / Telefon"] if show_contact else []
    labels.append("Unterschrift")
    people: list[Participant | None] = [*sort_participants(data.participants)]
    people += [None] * max(0, blank_rows)
    cache: CellCache = {}
    rows = [_row(n, p, show_contact, widths, cache) for n, p in enumerate(people, start=1)]
    header = ListHeader(header_cells(labels, right_aligned=(0,)), widths)
    tail = min(2, len(rows))  # rows kept on the page of the signature block
    story = [*_heading(data, width), Spacer(0, 6 * mm)]
    body = len(rows) - tail
    if body > 0:
        story.append(ListRows(rows[:body], widths, header))
        last = ListRows(rows[body:], widths, None, first=body)
    else:
        last = ListRows(rows, widths, header)
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Teilnehmerliste",
        footer_text=f"{data.event_title} · {format_date(data.date)}",
        band=data.funder.lines if data.funder else (),
        band_logo=data.funder.logo if data.funder else None,
    )
    frame_height = pagesize[1] - st.MARGIN_TOP - decor.band_height - st.MARGIN_BOTTOM
    repeated = TopOfPageOnly(header, frame_height)
    group = [repeated, last] if body > 0 else [last]
    story.append(KeepTogether([*group, *_closing(data, width)]))
    return render(
        story,
        decor,
        title=f"Teilnehmerliste – {data.event_title}",
        author=data.office.office_name,
        pagesize=pagesize,
        subject="Teilnehmer- und Unterschriftenliste für den Nachweis bei Fördermittelgebern",
    )
