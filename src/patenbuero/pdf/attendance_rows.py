"""The table of the attendance list: cells measured once, drawn straight onto the canvas.

A list of 1,000 participants as a reportlab ``Table`` of ``Paragraph`` cells parsed
5,000 bits of markup and measured every cell twice. Here a cell is plain text lines,
broken once by the line-breaking service (logical order, right-to-left runs measured
shaped), and a slice of rows is drawn with the house table's geometry (see
:func:`~patenbuero.pdf.blocks.data_table`: 5 pt side and 3 pt top/bottom padding, text
centred vertically, zebra stripes, rules below and between the cells, a box around).
Right-to-left names are reordered and shaped per line when they are written
(:class:`~patenbuero.pdf.canvas_text.TextPen`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.canvas_text import TextPen, field_lines, line_width, pdf_number
from patenbuero.pdf.line_breaking import TOLERANCE, Kind
from patenbuero.pdf.plain_text import clean, has_rtl

PAD_X = 5.0  # left and right padding of a cell (data_table)
PAD_Y = 3.0  # top and bottom padding of a body cell
HEADER_PAD = 5.0  # top and bottom padding of the header cells


@dataclass(frozen=True)
class TextCell:
    """Lines of text (logical order, any script) in one font, size and colour."""

    lines: tuple[str, ...]
    font: str
    size: float
    leading: float
    color: Color
    right_widths: tuple[float, ...] | None = None  # right-aligned: the width of each line

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


CellCache = dict[tuple[str, str, float, Kind, float | None], TextCell]
"""Cells already made in one document, by (text, style, width, kind, min_size)."""


def text_cell(
    text: str | None,
    style: ParagraphStyle,
    width: float,
    *,
    kind: Kind = Kind.TEXT,
    min_size: float | None = None,
    cache: CellCache | None = None,
) -> TextCell:
    """One cell of ``width`` (padding included) holding a plain field in any script.

    With ``cache`` a field that recurs in the document (an organisation, a family name)
    is broken and measured once.
    """
    key = (text or "", style.name, width, kind, min_size)
    if cache is not None:
        known = cache.get(key)
        if known is not None:
            return known
    inner = width - 2 * PAD_X
    font, size = style.fontName, style.fontSize
    value = clean(text) if text and "\n" not in text else None
    one_line = None if value is None or has_rtl(value) else stringWidth(value, font, size)
    if value is not None and one_line is not None and one_line <= inner - TOLERANCE:
        lines: tuple[str, ...] = (value,) if value else ()  # fits: measured once
        widths: tuple[float, ...] = (one_line,) if value else ()
    else:
        size, lines = field_lines(text, inner, style, kind=kind, min_size=min_size)
        widths = tuple(line_width(line, font, size) for line in lines)
    cell = TextCell(
        lines,
        font,
        size,
        style.leading * size / style.fontSize,
        style.textColor,
        right_widths=widths if style.alignment == TA_RIGHT else None,
    )
    if cache is not None:
        cache[key] = cell
    return cell


@dataclass(frozen=True)
class ListRow:
    cells: tuple[TextCell, ...]
    height: float


@dataclass(frozen=True)
class ListHeader:
    """The coloured header row of the list (labels at the bottom of the cells)."""

    cells: tuple[TextCell, ...]
    height: float

    @classmethod
    def of(cls, cells: Sequence[TextCell]) -> ListHeader:
        return cls(tuple(cells), max(cell.height for cell in cells) + 2 * HEADER_PAD)


def _write(pen: TextPen, cell: TextCell, left: float, width: float, first_baseline: float) -> None:
    baseline = first_baseline
    for number, line in enumerate(cell.lines):
        x = left + PAD_X
        if cell.right_widths is not None:
            x = left + width - PAD_X - cell.right_widths[number]
        pen.line(x, baseline, line, cell.font, cell.size, cell.color)
        baseline -= cell.leading


def _segment(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"{pdf_number(x1)} {pdf_number(y1)} m {pdf_number(x2)} {pdf_number(y2)} l"


def _box(x: float, y: float, width: float, height: float) -> str:
    return f"{pdf_number(x)} {pdf_number(y)} {pdf_number(width)} {pdf_number(height)} re"


def _paint(canvas: Canvas, parts: list[str], operator: str) -> None:
    """Many lines or boxes of one colour as one path: filled ("f") or stroked ("S").

    The same marks as one ``canvas.line``/``canvas.rect`` each, written once per page
    instead of once per row.
    """
    if parts:
        canvas._code.append(f"n {' '.join(parts)} {operator}")


def draw_rows(
    canvas: Canvas,
    pen: TextPen,
    origin: tuple[float, float],
    widths: Sequence[float],
    header: ListHeader | None,
    rows: Sequence[ListRow],
    first: int,
) -> float:
    """Header (if given) and ``rows`` with their top left corner at ``origin``.

    ``first`` is the index of the first row in the whole list, so the zebra stripes of a
    continued part go on without a jump. Returns the bottom of the table.
    """
    x, top = origin
    width = sum(widths)
    y = top
    if header is not None:
        y -= header.height
        canvas.setFillColor(st.PRIMARY)
        canvas.rect(x, y, width, header.height, stroke=0, fill=1)
        left = x
        for cell, cell_width in zip(header.cells, widths, strict=True):  # valign BOTTOM
            _write(pen, cell, left, cell_width, y + HEADER_PAD + cell.height - cell.size)
            left += cell_width
    tops = [y]
    for row in rows:
        tops.append(tops[-1] - row.height)
    bottom = tops[-1]
    canvas.setFillColor(st.TINT_LIGHT)
    stripes = [
        _box(x, tops[number + 1], width, row.height)
        for number, row in enumerate(rows)
        if (first + number) % 2
    ]
    _paint(canvas, stripes, "f")
    for row, row_top in zip(rows, tops, strict=False):
        left = x
        for cell, cell_width in zip(row.cells, widths, strict=True):
            if cell.lines:  # centred vertically (valign MIDDLE)
                box_top = row_top - (row.height - cell.height) / 2
                _write(pen, cell, left, cell_width, box_top - cell.size)
            left += cell_width
    canvas.setStrokeColor(st.RULE_LIGHT)
    canvas.setLineWidth(0.3)
    rules = []
    rule_x = x
    for cell_width in widths[:-1]:
        rule_x += cell_width
        rules.append(_segment(rule_x, tops[0], rule_x, bottom))
    _paint(canvas, rules, "S")
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.5)
    _paint(canvas, [_segment(x, rule_y, x + width, rule_y) for rule_y in tops[1:]], "S")
    canvas.setLineWidth(0.6)
    canvas.rect(x, bottom, width, top - bottom, stroke=1, fill=0)
    return bottom
