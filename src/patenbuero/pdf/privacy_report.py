"""Auskunft (Art. 15) and Verzeichnis von Verarbeitungstätigkeiten (Art. 30) in the house style.

Both are a title, an introduction and sections of labelled tables; the services
assemble the text, this module only lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import data_table, header_cells
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import para


@dataclass(frozen=True)
class ReportSection:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width, summing to 1
    empty_text: str = "keine"


@dataclass(frozen=True)
class PrivacyReportInput:
    network_name: str
    document_label: str  # header, e.g. "Auskunft nach Art. 15 DSGVO"
    title: str
    subtitle: str
    intro: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    footer_text: str = ""


def privacy_report_pdf(data: PrivacyReportInput) -> bytes:
    width = content_width()
    story: list[Flowable] = [
        para(data.document_label, st.style("kicker")),
        para(data.title, st.style("title")),
        para(data.subtitle, st.style("body")),
        Spacer(1, 4 * mm),
    ]
    for text in data.intro:
        story += [para(text, st.style("body")), Spacer(1, 2 * mm)]
    for section in data.sections:
        story.append(Spacer(1, 4 * mm))
        story += _section(section, width)
    decor = PageDecor(data.network_name, data.document_label, data.footer_text)
    return render(story, decor, title=data.title, author=data.network_name)


def _section(section: ReportSection, width: float) -> Sequence[Flowable]:
    heading = para(section.title, st.style("heading"))
    if not section.rows:
        return [KeepTogether([heading, para(section.empty_text, st.style("body"))])]
    widths = [width * fraction for fraction in section.widths]
    rows: list[list[Flowable | str]] = [list(header_cells(section.headers))]
    rows += [[para(cell, st.style("cell")) for cell in row] for row in section.rows]
    return [heading, Spacer(1, 1.5 * mm), data_table(rows, widths)]
