"""Reusable building blocks of the house style: fact grids, tables, signature lines."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from patenbuero.pdf import style as st
from patenbuero.pdf.dates import MONTHS as MONTHS
from patenbuero.pdf.dates import WEEKDAYS as WEEKDAYS
from patenbuero.pdf.dates import format_date as format_date
from patenbuero.pdf.dates import format_time_range as format_time_range
from patenbuero.pdf.dates import format_units as format_units
from patenbuero.pdf.fonts import SANS
from patenbuero.pdf.style import BODY_SIZE
from patenbuero.pdf.text import escape, paragraph


def fact_grid(
    facts: Sequence[tuple[str, str | Flowable]],
    width: float,
    *,
    columns: int = 2,
    tinted: bool = False,
    label_width: float = 24 * mm,
) -> Table:
    """Label/value pairs in a grid; values are Paragraph markup (already escaped) or a
    ready flowable (e.g. :func:`para` for an e-mail address that must break cleanly)."""
    value_width = width / columns - label_width
    cells: list[list[Flowable | str]] = []
    row: list[Flowable | str] = []
    for label, value in facts:
        cell = value if isinstance(value, Flowable) else paragraph(value, st.style("body"))
        row += [paragraph(escape(label), st.style("label")), cell]
        if len(row) == 2 * columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (2 * columns - len(row)))
    table = Table(cells, colWidths=[label_width, value_width] * columns, hAlign="LEFT")
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    top = 7 if tinted else 2.5  # extra room inside the tinted box
    for col in range(0, 2 * columns, 2):  # smaller labels sit on the values' baseline
        commands.append(("TOPPADDING", (col, 0), (col, -1), 4))
        commands.append(("TOPPADDING", (col, 0), (col, 0), top + 1.5))
        commands.append(("TOPPADDING", (col + 1, 0), (col + 1, 0), top))
    if tinted:
        commands += [
            ("BACKGROUND", (0, 0), (-1, -1), st.TINT_LIGHT),
            ("LEFTPADDING", (0, 0), (0, -1), 8),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.PRIMARY),
        ]
    table.setStyle(TableStyle(commands))
    return table


def data_table(
    rows: Sequence[Sequence[Flowable | str]],
    col_widths: Sequence[float],
    *,
    row_heights: Sequence[float | None] | None = None,
    zebra: bool = True,
    header: bool = True,
    first_tinted: bool = False,
) -> Table:
    """A list table with a coloured header row that repeats on every page.

    ``header=False`` continues a table above it (same columns, no header row);
    ``first_tinted`` continues its zebra stripes.
    """
    heights = None if row_heights is None else list(row_heights)
    table = Table(
        list(rows),
        colWidths=list(col_widths),
        rowHeights=heights,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
    )
    if not header:
        stripes = [st.TINT_LIGHT, st.WHITE] if first_tinted else [st.WHITE, st.TINT_LIGHT]
        table.setStyle(TableStyle(_body_commands(0, stripes if zebra else None)))
        return table
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, BODY_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), st.PRIMARY),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
        ("TOPPADDING", (0, 1), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, st.RULE),
        ("LINEAFTER", (0, 1), (-2, -1), 0.3, st.RULE_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [st.WHITE, st.TINT_LIGHT]))
    table.setStyle(TableStyle(commands))
    return table


def _body_commands(first: int, stripes: list | None) -> list[tuple]:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, BODY_SIZE),
        ("VALIGN", (0, first), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, first), (-1, -1), 3),
        ("BOTTOMPADDING", (0, first), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, first), (-1, -1), 0.5, st.RULE),
        ("LINEAFTER", (0, first), (-2, -1), 0.3, st.RULE_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
    ]
    if stripes:
        commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), stripes))
    return commands


def header_cells(labels: Sequence[str], *, right_aligned: Sequence[int] = ()) -> list[Flowable]:
    """Header row paragraphs for :func:`data_table`."""
    return [
        paragraph(escape(label), st.style("th_right" if i in right_aligned else "th"))
        for i, label in enumerate(labels)
    ]


def signature_lines(captions: Sequence[str], width: float, *, gap: float = 12 * mm) -> Table:
    """Blank lines to sign on, each with a small caption under it."""
    count = len(captions)
    col = (width - gap * (count - 1)) / count
    cells: list[Flowable | str] = []
    widths: list[float] = []
    for i, caption in enumerate(captions):
        if i:
            cells.append("")
            widths.append(gap)
        cells.append(paragraph(escape(caption), st.style("small")))
        widths.append(col)
    table = Table([cells], colWidths=widths, rowHeights=[None], hAlign="LEFT")
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, BODY_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for i in range(0, len(cells), 2):
        commands.append(("LINEABOVE", (i, 0), (i, 0), 0.7, st.TEXT))
    table.setStyle(TableStyle(commands))
    return table


class Checkbox(Flowable):
    """An empty square to tick by hand (fonts have no reliable ballot-box glyph)."""

    def __init__(self, size: float = 4.2 * mm) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(st.TEXT)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
