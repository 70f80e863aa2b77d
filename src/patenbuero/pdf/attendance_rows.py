"""The rows of the attendance list, measured once and drawn straight onto the canvas.

A list of 1,000 participants as a reportlab ``Table`` of ``Paragraph`` cells parsed
5,000 bits of markup and measured every cell twice. Here a row is plain text lines per
cell, broken once by the line-breaking service (:func:`~patenbuero.pdf.text.fit_field`),
and drawn with the house table's geometry (see :func:`~patenbuero.pdf.blocks.data_table`:
5 pt side and 3 pt top/bottom padding, text centred vertically, zebra stripes, rules
below and between the cells, a box around). Only a field with right-to-left letters
keeps a :class:`~patenbuero.pdf.text.BrokenParagraph`, which reorders and shapes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from patenbuero.pdf import style as st
from patenbuero.pdf.line_breaking import Kind
from patenbuero.pdf.text import clean, fit_field, has_rtl, para, warn_cut

PAD_X = 5.0  # left and right padding of a cell (data_table)
PAD_Y = 3.0  # top and bottom padding of a body cell
HEADER_PAD = 5.0  # top and bottom padding of the header cells


@dataclass(frozen=True)
class TextCell:
    """Lines of plain left-to-right text in one font, size and colour."""

    lines: tuple[str, ...]
    font: str
    size: float
    leading: float
    color: Color
    right: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


@dataclass(frozen=True)
class FlowCell:
    """A cell that needs a Paragraph (right-to-left text), wrapped once to its width."""

    flowable: Flowable
    height: float


Cell = TextCell | FlowCell


CellCache = dict[tuple[str, str, float, Kind, float | None], Cell]
"""Cells already made in one document, by (text, style, width, kind, min_size)."""


def text_cell(
    text: str | None,
    style: ParagraphStyle,
    width: float,
    *,
    kind: Kind = Kind.TEXT,
    min_size: float | None = None,
    cache: CellCache | None = None,
) -> Cell:
    """One cell of ``width`` (padding included) holding a plain field in any script.

    With ``cache`` a right-to-left field that recurs in the document (a family name, an
    organisation) is shaped once; the wrapped Paragraph is drawn at every place.
    """
    inner = width - 2 * PAD_X
    logical = "\n".join(filter(None, (clean(part) for part in (text or "").split("\n"))))
    if not logical:
        return TextCell((), style.fontName, style.fontSize, style.leading, style.textColor)
    if has_rtl(logical):
        key = (logical, style.name, width, kind, min_size)
        if cache is not None and key in cache:
            return cache[key]
        flowable = para(text, style, kind=kind, min_size=min_size)
        cell = FlowCell(flowable, flowable.wrap(inner, 10_000)[1])
        if cache is not None:
            cache[key] = cell
        return cell
    size, broken = fit_field(logical, inner, style.fontName, style.fontSize, kind, min_size)
    if broken.forced:
        warn_cut(logical, kind)
    return TextCell(
        broken.lines,
        style.fontName,
        size,
        style.leading * size / style.fontSize,
        style.textColor,
        right=style.alignment == TA_RIGHT,
    )


@dataclass(frozen=True)
class ListRow:
    cells: tuple[Cell, ...]
    height: float


class ListHeader(Flowable):
    """The coloured header row of the list (labels at the bottom of the cells)."""

    def __init__(self, cells: Sequence[Flowable], widths: Sequence[float]) -> None:
        super().__init__()
        self.cells = list(cells)
        self.widths = list(widths)
        heights = [c.wrap(w - 2 * PAD_X, 10_000)[1] for c, w in zip(cells, widths, strict=True)]
        self.width = sum(widths)
        self.height = max(heights) + 2 * HEADER_PAD

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.draw_at(self.canv, 0.0, 0.0)
        canvas = self.canv
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        """Background and labels with the lower left corner at (x, y)."""
        canvas.setFillColor(st.PRIMARY)
        canvas.rect(x, y, self.width, self.height, stroke=0, fill=1)
        left = x
        for cell, width in zip(self.cells, self.widths, strict=True):
            cell.drawOn(canvas, left + PAD_X, y + HEADER_PAD)  # valign BOTTOM
            left += width


class ListRows(Flowable):
    """Rows of the list, split across pages; with ``header`` it repeats on every page.

    ``first`` is the index of the first row in the whole list, so the zebra stripes of a
    continued part (e.g. the rows kept with the signature block) go on without a jump.
    """

    def __init__(
        self,
        rows: Sequence[ListRow],
        widths: Sequence[float],
        header: ListHeader | None,
        first: int = 0,
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.widths = list(widths)
        self.header = header
        self.first = first
        self.width = sum(widths)
        self._header_height = header.height if header is not None else 0.0
        self.height = self._header_height + sum(row.height for row in self.rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._header_height
        count = 0
        for row in self.rows:
            if row.height > room + 1e-6:
                break
            room -= row.height
            count += 1
        if count == 0 or count == len(self.rows):
            return [] if count == 0 else [self]
        return [
            ListRows(self.rows[:count], self.widths, self.header, self.first),
            ListRows(self.rows[count:], self.widths, self.header, self.first + count),
        ]

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        if self.header is not None:
            top -= self.header.height
            self.header.draw_at(canvas, 0.0, top)
        tops = [top]
        for row in self.rows:
            tops.append(tops[-1] - row.height)
        canvas.setFillColor(st.TINT_LIGHT)
        for number, row in enumerate(self.rows):
            if (self.first + number) % 2:
                canvas.rect(0, tops[number + 1], self.width, row.height, stroke=0, fill=1)
        self._draw_text(canvas, tops)
        canvas.setStrokeColor(st.RULE_LIGHT)
        canvas.setLineWidth(0.3)
        x = 0.0
        for width in self.widths[:-1]:
            x += width
            canvas.line(x, tops[0], x, tops[-1])
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        for y in tops[1:]:
            canvas.line(0, y, self.width, y)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)

    def _draw_text(self, canvas: Canvas, tops: Sequence[float]) -> None:
        """Plain cells go into text objects (a font switch only on change), vertically
        centred like data_table's cells (valign MIDDLE); right-to-left cells draw their
        Paragraph, in between, so the text reads in row order."""
        text = canvas.beginText()
        font: tuple[str, float] | None = None
        color: Color | None = None
        for row, top in zip(self.rows, tops, strict=False):
            left = 0.0
            for cell, width in zip(row.cells, self.widths, strict=True):
                box_top = top - (row.height - cell.height) / 2
                if isinstance(cell, FlowCell):
                    # the text so far first: the page's text stays in reading order
                    canvas.drawText(text)
                    cell.flowable.drawOn(canvas, left + PAD_X, box_top - cell.height)
                    text, font, color = canvas.beginText(), None, None
                elif cell.lines:
                    if font != (cell.font, cell.size):
                        font = (cell.font, cell.size)
                        text.setFont(cell.font, cell.size, cell.leading)
                    if color is not cell.color:
                        color = cell.color
                        text.setFillColor(cell.color)
                    baseline = box_top - cell.size
                    for line in cell.lines:
                        x = left + PAD_X
                        if cell.right:
                            x = left + width - PAD_X - stringWidth(line, cell.font, cell.size)
                        text.setTextOrigin(x, baseline)
                        text.textOut(line)
                        baseline -= cell.leading
                left += width
        canvas.drawText(text)
