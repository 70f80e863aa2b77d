"""Heading and closing of the attendance list, measured first and drawn on the canvas.

The geometry is that of the house blocks (:func:`~patenbuero.pdf.blocks.fact_grid`,
:func:`~patenbuero.pdf.blocks.signature_lines`) as platypus laid them out; every text
goes through the line-breaking service, so a long place or title wraps like every
other text and right-to-left words stay on their lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from patenbuero.pdf import style as st
from patenbuero.pdf.canvas_text import TextPen, draw_lines, field_lines
from patenbuero.pdf.dates import format_date, format_time_range
from patenbuero.pdf.inputs import AttendanceListInput

_LABEL_WIDTH = 24 * mm  # fact grid: label column
_FACT_RIGHT_PAD = 6.0
_LABEL_TOP, _VALUE_TOP, _FACT_BOTTOM = 4.0, 2.5, 2.5
_SIGNATURE_GAP = 12 * mm
_SIGNATURE_TOP, _SIGNATURE_BOTTOM = 2.0, 3.0


@dataclass(frozen=True)
class Lines:
    """A field broken to its width, in one style."""

    lines: tuple[str, ...]
    style: ParagraphStyle
    size: float

    @classmethod
    def of(cls, text: str | None, width: float, style: ParagraphStyle) -> Lines:
        size, lines = field_lines(text, width, style)
        return cls(lines, style, size)

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading * self.size / self.style.fontSize

    def draw(self, pen: TextPen, x: float, top: float) -> None:
        draw_lines(pen, x, top, self.lines, self.style, self.size)


@dataclass(frozen=True)
class FactGrid:
    """Label/value pairs, two pairs per row, values top-aligned with their labels."""

    rows: tuple[tuple[tuple[Lines, Lines], ...], ...]
    column: float  # width of one label + value pair

    @classmethod
    def of(cls, facts: Sequence[tuple[str, str]], width: float) -> FactGrid:
        column = width / 2
        value_width = column - _LABEL_WIDTH - _FACT_RIGHT_PAD
        cells = [
            (
                Lines.of(label, _LABEL_WIDTH - _FACT_RIGHT_PAD, st.style("label")),
                Lines.of(value, value_width, st.style("body")),
            )
            for label, value in facts
        ]
        return cls(tuple(tuple(cells[i : i + 2]) for i in range(0, len(cells), 2)), column)

    def _row_height(self, row: Sequence[tuple[Lines, Lines]]) -> float:
        return max(
            max(label.height + _LABEL_TOP, value.height + _VALUE_TOP) + _FACT_BOTTOM
            for label, value in row
        )

    @property
    def height(self) -> float:
        return sum(self._row_height(row) for row in self.rows)

    def draw(self, pen: TextPen, x: float, top: float) -> None:
        for row in self.rows:
            for number, (label, value) in enumerate(row):
                left = x + number * self.column
                label.draw(pen, left, top - _LABEL_TOP)
                value.draw(pen, left + _LABEL_WIDTH, top - _VALUE_TOP)
            top -= self._row_height(row)


@dataclass(frozen=True)
class Heading:
    """Kicker, event title and the facts (date, time, place, speaker) on page one."""

    kicker: Lines
    title: Lines
    facts: FactGrid

    @classmethod
    def of(cls, data: AttendanceListInput, width: float) -> Heading:
        facts = [
            ("Datum", format_date(data.date, weekday=True)),
            ("Uhrzeit", format_time_range(data.start_time, data.end_time) or "–"),
            ("Ort", data.place),
            ("Referent:in", data.speaker or "–"),
        ]
        return cls(
            Lines.of("Teilnehmerliste · Unterschriftenliste", width, st.style("kicker")),
            Lines.of(data.event_title, width, st.style("title")),
            FactGrid.of(facts, width),
        )

    @property
    def height(self) -> float:
        """With the space after it (6 mm before the table)."""
        return self._title_top + self.title.height + 4 + 2 * mm + self.facts.height + 6 * mm

    @property
    def _title_top(self) -> float:
        return self.kicker.height + 2  # the kicker's space after

    def draw(self, pen: TextPen, x: float, top: float) -> None:
        self.kicker.draw(pen, x, top)
        self.title.draw(pen, x, top - self._title_top)
        facts_top = top - self._title_top - self.title.height - 4 - 2 * mm
        self.facts.draw(pen, x, facts_top)


@dataclass(frozen=True)
class Closing:
    """Privacy note, confirmation and the lines to sign, below the last rows."""

    note: Lines
    confirmation: Lines
    captions: tuple[Lines, ...]
    column: float

    @classmethod
    def of(cls, data: AttendanceListInput, width: float) -> Closing:
        speaker = f"Unterschrift Referent:in ({data.speaker})" if data.speaker else "Unterschrift"
        confirmation = (
            "Die Richtigkeit der Angaben und die Durchführung der Veranstaltung bestätigt:"
            if data.speaker
            else "Die Richtigkeit der Angaben bestätigt:"
        )
        column = (width - _SIGNATURE_GAP) / 2
        small = st.style("small")
        return cls(
            Lines.of(data.privacy_note, width, small),
            Lines.of(confirmation, width, st.style("body")),
            (Lines.of("Ort, Datum", column, small), Lines.of(speaker, column, small)),
            column,
        )

    @property
    def _signatures_top(self) -> float:
        return 5 * mm + self.note.height + 6 * mm + self.confirmation.height + 13 * mm

    @property
    def height(self) -> float:
        signatures = max(caption.height for caption in self.captions)
        return self._signatures_top + _SIGNATURE_TOP + signatures + _SIGNATURE_BOTTOM

    def draw(self, canvas: Canvas, pen: TextPen, x: float, top: float) -> None:
        self.note.draw(pen, x, top - 5 * mm)
        self.confirmation.draw(pen, x, top - 5 * mm - self.note.height - 6 * mm)
        line_y = top - self._signatures_top
        canvas.setStrokeColor(st.TEXT)
        canvas.setLineWidth(0.7)
        for number, caption in enumerate(self.captions):
            left = x + number * (self.column + _SIGNATURE_GAP)
            canvas.line(left, line_y, left + self.column, line_y)
            caption.draw(pen, left, line_y - _SIGNATURE_TOP)
