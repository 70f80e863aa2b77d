"""Telefonliste: who gets no e-mail about a mail the office sends, to call instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import data_table, header_cells
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import escape, para, paragraph


@dataclass(frozen=True)
class PhoneEntry:
    name: str
    phone: str
    note: str = ""


def build_phone_list(
    network_name: str, office_name: str, title: str, about: str, entries: Sequence[PhoneEntry]
) -> bytes:
    """One table: number, name, phone, a box to tick when reached, and a note."""
    width = content_width()
    widths = [10 * mm, width * 0.34, width * 0.24, 18 * mm]
    widths.append(width - sum(widths))
    rows: list[list[Flowable]] = [
        header_cells(["Nr.", "Name", "Telefon", "erreicht", "Notiz"], right_aligned=(0,))
    ]
    for number, entry in enumerate(entries, start=1):
        rows.append(
            [
                paragraph(str(number), st.style("num")),
                para(entry.name, st.style("cell_bold")),
                para(entry.phone or "–", st.style("cell")),
                paragraph("", st.style("cell")),
                para(entry.note, st.style("cell_small")),
            ]
        )
    heights: list[float | None] = [None] + [9 * mm] * len(entries)
    story: list[Flowable] = [
        paragraph("Telefonliste", st.style("kicker")),
        para(title, st.style("title")),
        Spacer(0, 2 * mm),
        paragraph(escape(about), st.style("body")),
        Spacer(0, 5 * mm),
        data_table(rows, widths, row_heights=heights),
    ]
    decor = PageDecor(network_name=network_name, document_label="Telefonliste", footer_text=title)
    return render(story, decor, title=f"Telefonliste – {title}", author=office_name)
