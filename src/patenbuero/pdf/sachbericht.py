"""Sachbericht: the figures of a year on one page, for the funder's report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

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


def build_sachbericht(data: SachberichtInput) -> bytes:
    """One A4 page: events, events by kind, inquiries, inquiries by kind and channel."""
    width = content_width(st.PORTRAIT)
    story: list[Flowable] = [
        para(data.network_name, st.style("kicker")),
        para(f"Sachbericht {data.year}: Zahlen des Jahres", st.style("title")),
    ]
    if data.note:
        story.append(paragraph(escape(data.note), st.style("small")))
    sections: list[tuple[str, Sequence[str], Sequence[float], tuple[Line, ...]]] = [
        ("Veranstaltungen", ("Kennzahl", "Wert"), (0.8, 0.2), data.events),
        (
            "Nach Veranstaltungsart",
            ("Art", "Termine", "Anmeldungen", "Teilnahmen", "Personen"),
            (0.36, 0.16, 0.16, 0.16, 0.16),
            data.kinds,
        ),
        ("Anfragen und Weiterleitungen", ("Kennzahl", "Wert"), (0.8, 0.2), data.inquiries),
        (
            "Anfragen nach Art und Weg",
            ("Art der Anfrage", "eingegangen über", "eingegangen", "weitergeleitet"),
            (0.36, 0.28, 0.18, 0.18),
            data.inquiry_counts,
        ),
    ]
    for title, headers, weights, lines in sections:
        if not lines:
            continue
        numbers = range(len(headers) - (2 if len(headers) == 4 else len(headers) - 1), 99)
        right = [i for i in range(len(headers)) if i in numbers]
        rows: list[Sequence[Flowable | str]] = [header_cells(headers, right_aligned=right)]
        rows += [
            [
                para(cell, st.style("cell_right" if i in right else "cell"))
                for i, cell in enumerate(line)
            ]
            for line in lines
        ]
        story += [
            para(title, st.style("heading")),
            data_table(rows, [w * width for w in weights]),
            Spacer(0, 1 * mm),
        ]
    decor = PageDecor(
        network_name=data.network_name,
        document_label=f"Sachbericht {data.year}",
        footer_text=data.footer_text,
    )
    return render(story, decor, title=f"Sachbericht {data.year}", author=data.office_name)
