"""Teilnehmerliste / Unterschriftenliste: proof of attendance for funders."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import (
    data_table,
    fact_grid,
    format_date,
    format_time_range,
    format_units,
    header_cells,
    signature_lines,
)
from patenbuero.pdf.collation import german_sort_key
from patenbuero.pdf.inputs import NO_PHOTOS_MARK, AttendanceListInput, Participant
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import escape, para, paragraph, rich, with_latin

MIN_ROW_HEIGHT = 10 * mm  # room for a signature
_CELL_PADDING = 6  # top + bottom padding of a body cell, see blocks.data_table
_NUMBER_WIDTH = 10 * mm
# Relative widths of the other columns: last name, first name, organisation, contact, signature.
_WEIGHTS = {"last": 24, "first": 18, "org": 24, "contact": 26, "sign": 31}


def sort_participants(participants: Sequence[Participant]) -> list[Participant]:
    """Sort by last name, then first name, in German order (Latin spelling first if given)."""

    def key(p: Participant) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return (
            german_sort_key(p.latin_last_name or p.last_name),
            german_sort_key(p.latin_first_name or p.first_name),
        )

    return sorted(participants, key=key)


def _column_widths(width: float, show_contact: bool) -> list[float]:
    keys = ["last", "first", "org", *(["contact"] if show_contact else []), "sign"]
    total = sum(_WEIGHTS[k] for k in keys)
    rest = width - _NUMBER_WIDTH
    return [_NUMBER_WIDTH, *(rest * _WEIGHTS[k] / total for k in keys)]


def _row(number: int, person: Participant | None, show_contact: bool) -> list[Flowable]:
    mark = f" {NO_PHOTOS_MARK}" if person is not None and person.no_photos else ""
    cells = [paragraph(f"{number}{mark}", st.style("num"))]
    if person is None:
        blanks = 4 + int(show_contact)
        return cells + [paragraph("", st.style("cell")) for _ in range(blanks)]
    cells += [
        para(with_latin(person.last_name, person.latin_last_name), st.style("cell_bold")),
        para(with_latin(person.first_name, person.latin_first_name), st.style("cell")),
        para(person.organisation, st.style("cell_small")),
    ]
    if show_contact:
        cells.append(para(person.contact, st.style("cell_small")))
    cells.append(paragraph("", st.style("cell")))
    return cells


def _row_height(cells: Sequence[Flowable], widths: Sequence[float]) -> float:
    needed = max(cell.wrap(w - 10, 1000 * mm)[1] for cell, w in zip(cells, widths, strict=True))
    return max(MIN_ROW_HEIGHT, needed + _CELL_PADDING + 2)


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
    funder = data.funder
    if funder is not None:
        funding = [("Gefördert durch", rich(funder.name))]
        if funder.measure:
            funding.append(("Maßnahme", rich(funder.measure)))
        if funder.funding_code:
            funding.append(("Förderkennzeichen", escape(funder.funding_code)))
        if funder.teaching_units is not None:
            funding.append(("Unterrichtseinheiten", escape(format_units(funder.teaching_units))))
        grid = fact_grid(funding, width, tinted=True, label_width=34 * mm)
        story += [Spacer(0, 3 * mm), grid]
    return story


def _closing(data: AttendanceListInput, width: float) -> Flowable:
    speaker = f"Unterschrift Referent:in ({data.speaker})" if data.speaker else "Unterschrift"
    confirmation = (
        "Die Richtigkeit der Angaben und die Durchführung der Veranstaltung bestätigt:"
        if data.speaker
        else "Die Richtigkeit der Angaben bestätigt:"
    )
    return KeepTogether(
        [
            Spacer(0, 5 * mm),
            para(data.privacy_note, st.style("small")),
            Spacer(0, 6 * mm),
            paragraph(escape(confirmation), st.style("body")),
            Spacer(0, 13 * mm),
            signature_lines(["Ort, Datum", speaker], width),
        ]
    )


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
    the office asks for it), ``blank_rows`` adds numbered empty rows for walk-ins.
    """
    pagesize = st.LANDSCAPE if landscape else st.PORTRAIT
    width = content_width(pagesize)
    widths = _column_widths(width, show_contact)
    labels = ["Nr.", "Nachname", "Vorname", "Organisation / Projekt"]
    labels += ["E-Mail / Telefon"] if show_contact else []
    labels.append("Unterschrift")
    rows: list[list[Flowable]] = [header_cells(labels, right_aligned=(0,))]
    people: list[Participant | None] = [*sort_participants(data.participants)]
    people += [None] * max(0, blank_rows)
    heights: list[float | None] = [None]
    for number, person in enumerate(people, start=1):
        cells = _row(number, person, show_contact)
        rows.append(cells)
        heights.append(_row_height(cells, widths))
    table = data_table(rows, widths, row_heights=heights)
    story = [*_heading(data, width), Spacer(0, 6 * mm), table, _closing(data, width)]
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Teilnehmerliste",
        footer_text=f"{data.event_title} · {format_date(data.date)}",
    )
    return render(
        story,
        decor,
        title=f"Teilnehmerliste – {data.event_title}",
        author=data.office.office_name,
        pagesize=pagesize,
    )
