"""Interessiertenliste: a blank sign-up sheet for info stands, with the consent text."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import Checkbox, data_table, format_date, header_cells
from patenbuero.pdf.fonts import SANS
from patenbuero.pdf.inputs import InterestListInput
from patenbuero.pdf.layout import PageDecor, content_width, render
from patenbuero.pdf.text import clean, escape, para, paragraph

ROW_HEIGHT = 13 * mm
_BOX = 3.4 * mm
_OPTION_SIZE = 8


def _options(labels: Sequence[str], width: float) -> Table:
    """Small tick boxes with their labels, as many per line as fit into ``width``."""
    pairs = [(Checkbox(_BOX), clean(label)) for label in labels]
    needed = [_BOX + 4 + stringWidth(text, SANS, _OPTION_SIZE) + 9 for _, text in pairs]
    lines: list[list[int]] = [[]]
    used = 0.0
    for index, w in enumerate(needed):
        if lines[-1] and used + w > width:
            lines.append([])
            used = 0.0
        lines[-1].append(index)
        used += w
    columns = max(len(line) for line in lines)
    cells: list[list[Flowable | str]] = []
    for line in lines:
        row: list[Flowable | str] = []
        for index in line:
            row += [pairs[index][0], paragraph(escape(pairs[index][1]), st.style("cell_small"))]
        cells.append(row + [""] * (2 * columns - len(row)))
    col_widths: list[float] = []
    for col in range(columns):
        texts = [needed[line[col]] for line in lines if col < len(line)]
        col_widths += [_BOX + 4, max(texts) - _BOX - 4]
    table = Table(cells, colWidths=col_widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, _OPTION_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _consent_cell() -> Table:
    table = Table(
        [[Checkbox(4.2 * mm), paragraph("Ja", st.style("cell"))]], colWidths=[7 * mm, 8 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _consent_box(text: str, width: float) -> Table:
    box = Table([[paragraph(f"<b>*</b> {escape(text)}", st.style("consent"))]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, st.BODY_SIZE),
                ("BACKGROUND", (0, 0), (-1, -1), st.TINT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def build_interest_list(
    data: InterestListInput, *, rows: int | None = None, landscape: bool = True
) -> bytes:
    """Build the blank sign-up sheet and return PDF bytes.

    ``rows`` empty lines in total (default: one page full, 8 landscape, 11 portrait).
    Every page repeats title, table header and consent text, so each sheet stands alone.
    """
    pagesize = st.LANDSCAPE if landscape else st.PORTRAIT
    per_page = 8 if landscape else 11
    total = rows if rows is not None else per_page
    width = content_width(pagesize)
    weights = (0.26, 0.30, 0.32, 0.12) if landscape else (0.25, 0.27, 0.31, 0.17)
    widths = [w * width for w in weights]
    story: list[Flowable] = []
    for start in range(0, max(total, 1), per_page):
        if story:
            story.append(PageBreak())
        story += _sheet(data, widths, min(per_page, total - start))
    decor = PageDecor(
        network_name=data.office.network_name,
        document_label="Interessiertenliste",
        footer_text=data.office.contact_line,
    )
    return render(
        story,
        decor,
        title=f"Interessiertenliste – {data.title}",
        author=data.office.office_name,
        pagesize=pagesize,
    )


def _sheet(data: InterestListInput, widths: list[float], count: int) -> list[Flowable]:
    header = header_cells(["Name", "Kontakt (E-Mail / Telefon)", "Interesse", "Einwilligung*"])
    options = _options(data.interests, widths[2] - 10)
    _, options_height = options.wrap(widths[2] - 10, 100 * mm)
    height = max(ROW_HEIGHT, options_height + 10)
    body = [
        ["", "", _options(data.interests, widths[2] - 10), _consent_cell()] for _ in range(count)
    ]
    table = data_table([header, *body], widths, row_heights=[None] + [height] * count)
    kicker = " · ".join(
        x for x in (clean(data.occasion), format_date(data.date) if data.date else "") if x
    )
    story: list[Flowable] = []
    if kicker:
        story.append(para(kicker, st.style("kicker")))
    story += [
        para(data.title, st.style("title")),
        paragraph(escape(data.intro), st.style("body")),
        Spacer(0, 5 * mm),
        table,
        Spacer(0, 4 * mm),
        _consent_box(data.consent_text, sum(widths)),
    ]
    return story
