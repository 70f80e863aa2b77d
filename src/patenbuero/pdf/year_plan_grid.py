"""The year at a glance for the Jahresplan: 12 month columns × 31 day rows on one page.

Every marked day carries the kind's abbreviation in a coloured chip ("VT", "FT" …), so
the plan reads on a black-and-white printer too. Weekends are shaded, public holidays
tinted with their name in the cell at 7 pt (or "Feiertag" if the name is too long;
all names are listed under the grid), cancelled events are drawn as an outlined, struck-through
chip.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from patenbuero.pdf import style as st
from patenbuero.pdf.blocks import MONTHS
from patenbuero.pdf.fonts import SANS, SANS_BOLD
from patenbuero.pdf.project_blocks import scaled
from patenbuero.pdf.text import clean, escape, paragraph

WEEKDAY_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
HOLIDAY_TINT = colors.HexColor("#FBE3D0")
WEEKEND_TINT = colors.HexColor("#E3E8EB")
MISSING_DAY = colors.HexColor("#C9D1D6")
_HEAD_H = 6 * mm
_LEGEND_SIZE = 7.0
_LEGEND_ROW = 4.8 * mm
_CHIP_SIZE = 7.0  # pt; 7 pt is the floor for anything a reader must read
_DAY_SIZE = 7.0


@dataclass(frozen=True)
class KindMark:
    """How a kind of event is marked: its legend label, abbreviation and colour."""

    label: str
    abbreviation: str
    colour: colors.Color


@dataclass(frozen=True)
class DayMark:
    """One event on one day of the grid."""

    kind: KindMark
    cancelled: bool


def draw_chip(c: Canvas, x: float, y: float, mark: KindMark, cancelled: bool, h: float) -> float:
    """Draw an abbreviation chip with its bottom-left at (x, y); return its width."""
    text = mark.abbreviation
    w = _chip_width(mark)
    c.saveState()
    if cancelled:
        c.setStrokeColor(mark.colour)
        c.setFillColor(st.WHITE)
        c.setLineWidth(0.6)
        c.roundRect(x, y, w, h, 1.2, stroke=1, fill=1)
        c.setFillColor(mark.colour)
    else:
        c.setFillColor(mark.colour)
        c.roundRect(x, y, w, h, 1.2, stroke=0, fill=1)
        c.setFillColor(st.WHITE)
    c.setFont(SANS_BOLD, _CHIP_SIZE)
    base = y + (h - _CHIP_SIZE * 0.7) / 2
    c.drawString(x + 1.6, base, text)
    if cancelled:
        c.setLineWidth(0.6)
        c.line(x + 0.8, y + h / 2, x + w - 0.8, y + h / 2)
    c.restoreState()
    return w


class YearGrid(Flowable):
    """The whole year as one flowable that takes the rest of the page."""

    def __init__(
        self,
        year: int,
        marks: Mapping[dt.date, Sequence[DayMark]],
        holidays: Mapping[dt.date, str],
        legend: Sequence[KindMark],
    ) -> None:
        super().__init__()
        self.year, self.marks, self.holidays, self.legend = year, marks, holidays, legend

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        grid_h = self.height - self.legend_height()
        col_w = self.width / 12
        row_h = (grid_h - _HEAD_H) / 31
        top = self.height
        c.setFillColor(st.PRIMARY)
        c.rect(0, top - _HEAD_H, self.width, _HEAD_H, stroke=0, fill=1)
        for month in range(1, 13):
            x = (month - 1) * col_w
            c.setFillColor(st.WHITE)
            c.setFont(SANS_BOLD, 7.5)
            c.drawCentredString(x + col_w / 2, top - _HEAD_H + 2 * mm, MONTHS[month - 1])
            days = calendar.monthrange(self.year, month)[1]
            for day in range(1, 32):
                y = top - _HEAD_H - day * row_h
                if day > days:
                    c.setFillColor(MISSING_DAY)
                    c.rect(x, y, col_w, row_h, stroke=0, fill=1)
                    continue
                self._day(dt.date(self.year, month, day), x, y, col_w, row_h)
        c.setStrokeColor(st.RULE)
        c.setLineWidth(0.5)
        for month in range(13):
            c.line(month * col_w, top, month * col_w, top - grid_h)
        c.line(0, top - grid_h, self.width, top - grid_h)
        self._legend(top - grid_h - 1.5 * mm)

    def _day(self, date: dt.date, x: float, y: float, w: float, h: float) -> None:
        c = self.canv
        holiday = clean(self.holidays.get(date))
        weekend = date.weekday() >= 5
        if holiday or weekend:
            c.setFillColor(HOLIDAY_TINT if holiday else WEEKEND_TINT)
            c.rect(x, y, w, h, stroke=0, fill=1)
        c.setStrokeColor(st.RULE_LIGHT)
        c.setLineWidth(0.3)
        c.line(x, y, x + w, y)
        size = _DAY_SIZE
        base = y + (h - size * 0.72) / 2
        c.setFillColor(st.ACCENT if holiday else st.TEXT)
        c.setFont(SANS_BOLD if holiday else SANS, size)
        c.drawRightString(x + 3.9 * mm, base, str(date.day))
        c.setFillColor(st.MUTED)
        c.setFont(SANS, size)
        c.drawString(x + 4.5 * mm, base, WEEKDAY_SHORT[date.weekday()])
        left, right = x + 8.9 * mm, x + w - 0.6 * mm
        marks = list(self.marks.get(date, ()))
        chip_h = min(h - 1.2, 3.6 * mm)
        chip_y = y + (h - chip_h) / 2
        for index, mark in enumerate(marks):
            needed = _chip_width(mark.kind)
            rest = len(marks) - index
            if left + needed > right or (rest > 1 and left + needed + 7 > right):
                c.setFillColor(st.TEXT)
                c.setFont(SANS_BOLD, _CHIP_SIZE)
                c.drawString(left, base, f"+{rest}")
                break
            left += draw_chip(c, left, chip_y, mark.kind, mark.cancelled, chip_h) + 1.2
        if holiday and not marks:
            self._holiday_name(holiday, left, right, base)

    def _holiday_name(self, name: str, left: float, right: float, base: float) -> None:
        c = self.canv
        c.setFillColor(st.ACCENT)
        c.setFont(SANS, _DAY_SIZE)  # a long name is listed in full under the grid
        fits = stringWidth(name, SANS, _DAY_SIZE) <= right - left
        label = name if fits else "Feiertag"
        if stringWidth(label, SANS, _DAY_SIZE) <= right - left:
            c.drawString(left, base, label)

    def _legend_items(self) -> list[tuple[KindMark | colors.Color, str, bool]]:
        """(chip mark or swatch colour, label, cancelled) for every legend entry."""
        items: list[tuple[KindMark | colors.Color, str, bool]] = [
            (mark, mark.label, False) for mark in self.legend
        ]
        items += [(WEEKEND_TINT, "Wochenende", False)]
        items += [(HOLIDAY_TINT, "Feiertag (Sachsen-Anhalt)", False)]
        if self.legend:
            items.append((KindMark("", self.legend[0].abbreviation, st.MUTED), "abgesagt", True))
        return items

    def _legend_lines(self) -> list[list[tuple[KindMark | colors.Color, str, bool, float]]]:
        lines: list[list[tuple[KindMark | colors.Color, str, bool, float]]] = [[]]
        used = 0.0
        for mark, label, cancelled in self._legend_items():
            box = 5 * mm if isinstance(mark, colors.Color) else _chip_width(mark)
            w = box + 1.5 + stringWidth(label, SANS, _LEGEND_SIZE)
            if lines[-1] and used + w > self.width:
                lines.append([])
                used = 0.0
            lines[-1].append((mark, label, cancelled, box))
            used += w + 4.5 * mm
        return lines

    def _holiday_line(self) -> Paragraph | None:
        days = sorted((d, n) for d, n in self.holidays.items() if d.year == self.year)
        if not days:
            return None
        text = " · ".join(f"{d:%d.%m.} {escape(n)}" for d, n in days)
        style = scaled(st.style("tiny"), 7, "yh", leading=8.6)
        return paragraph(f"<b>Feiertage in Sachsen-Anhalt:</b> {text}", style)

    def legend_height(self) -> float:
        height = len(self._legend_lines()) * _LEGEND_ROW
        line = self._holiday_line()
        if line is not None:
            height += 1.5 * mm + line.wrap(self.width, 30 * mm)[1]
        return height + 3 * mm

    def _legend(self, top: float) -> None:
        c = self.canv
        chip_h = 3.3 * mm
        y = top
        for entries in self._legend_lines():
            y -= _LEGEND_ROW
            x = 0.0
            for mark, label, cancelled, box in entries:
                if isinstance(mark, KindMark):
                    draw_chip(c, x, y, mark, cancelled, chip_h)
                else:
                    c.setFillColor(mark)
                    c.setStrokeColor(st.RULE)
                    c.setLineWidth(0.4)
                    c.rect(x, y, box, chip_h, stroke=1, fill=1)
                x += box + 1.5
                c.setFillColor(st.TEXT)
                c.setFont(SANS, _LEGEND_SIZE)
                c.drawString(x, y + 2.4, label)
                x += stringWidth(label, SANS, _LEGEND_SIZE) + 4.5 * mm
        line = self._holiday_line()
        if line is not None:
            _, h = line.wrap(self.width, 30 * mm)
            line.drawOn(c, 0, y - 1.5 * mm - h)


def _chip_width(mark: KindMark) -> float:
    return stringWidth(mark.abbreviation, SANS_BOLD, _CHIP_SIZE) + 3.2
