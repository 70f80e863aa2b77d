"""Sachbericht: the figures of a year on one page, for the funder's report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import data_table, header_cells
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import escape, para, paragraph

Line = tuple[str, ...]
"""One table row, already formatted: a label, then values ("23,5 %", "–")."""


@dataclass(frozen=True)
class SachberichtInput:
    year: int
    network_name: str
    office_name: str
    events: tuple[Line, ...]  # (label, value)
    kinds: tuple[Line, ...]  # (kind, events, registrations, attendances, persons)
    inquiries: tuple[Line, ...]  # (label, value)
    inquiry_counts: tuple[Line, ...]  # (kind, channel, received, forwarded)
    note: str = ""  # e.g. "Stand: 02.12.2026; nur durchgeführte Veranstaltungen"
    footer_text: str = ""


def _table(
    headers: Sequence[str], weights: Sequence[float], lines: Sequence[Line], width: float
) -> Flowable:
    """A data table; the columns after ``len(headers) - numbers`` hold numbers."""
    first_number = 1 if len(headers) != 4 else 2
    right = list(range(first_number, len(headers)))
    rows: list[Sequence[Flowable | str]] = [header_cells(headers, right_aligned=right)]
    rows += [
        [
            para(cell, st.style("cell_right" if i in right else "cell"))
            for i, cell in enumerate(line)
        ]
        for line in lines
    ]
    return data_table(rows, [w * width for w in weights])


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    table = Table([[left, right]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    return table


def build_sachbericht(data: SachberichtInput) -> bytes:
    """One A4 page: events and inquiries side by side, then by kind and by channel."""
    width = content_width(st.PORTRAIT)
    half = width / 2 - 3 * mm
    story: list[Flowable] = [
        para(data.network_name, st.style("kicker")),
        para(f"Sachbericht {data.year}: Zahlen des Jahres", st.style("title")),
    ]
    if data.note:
        story.append(paragraph(escape(data.note), st.style("small")))
    left = [
        para("Veranstaltungen", st.style("heading")),
        _table(("Kennzahl", "Wert"), (0.76, 0.24), data.events, half),
    ]
    right = [
        para("Anfragen und Weiterleitungen", st.style("heading")),
        _table(("Kennzahl", "Wert"), (0.76, 0.24), data.inquiries, half),
    ]
    story.append(_side_by_side(left, right, width))
    if data.kinds:
        story += [
            para("Nach Veranstaltungsart", st.style("heading")),
            _table(
                ("Art", "Termine", "Anmeldungen", "Teilnahmen", "Personen"),
                (0.36, 0.16, 0.16, 0.16, 0.16),
                data.kinds,
                width,
            ),
        ]
    if data.inquiry_counts:
        story += [
            para("Anfragen nach Art und Weg", st.style("heading")),
            _table(
                ("Art der Anfrage", "eingegangen über", "eingegangen", "weitergeleitet"),
                (0.36, 0.28, 0.18, 0.18),
                data.inquiry_counts,
                width,
            ),
        ]
    story.append(Spacer(0, 1 * mm))
    decor = PageDecor(
        network_name=data.network_name,
        document_label=f"Sachbericht {data.year}",
        footer_text=data.footer_text,
    )
    return render(story, decor, title=f"Sachbericht {data.year}", author=data.office_name)
