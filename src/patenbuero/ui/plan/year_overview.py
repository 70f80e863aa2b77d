"""Twelve months at a glance: one column per month, one row per day.

Each event is a coloured bar with a short text label (VT, FT, …) so the overview
also reads when printed in black and white; holidays of Sachsen-Anhalt, weekends and
today are marked; a red „!“ flags a conflict. A click on an event opens it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QLine, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from patenbuero.services.plan.conflicts import Conflict
from patenbuero.services.plan.use_cases import EventRow
from patenbuero.ui.common.formatting import format_time, format_weekday_date
from patenbuero.ui.plan.common import KIND_STYLE

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
HEADER, DAY_COLUMN = 22, 26
WEEKEND, HOLIDAY, TODAY = QColor("#e9e9e9"), QColor("#fbe3e3"), QColor("#b00020")


# Words that the coloured label (VT, FK, M2 …) already says, and the year the column shows.
_REDUNDANT = re.compile(
    r"^(Vernetzungstreffen|Fachtag|Fortbildung für Koordinator:innen|Infostand|Online-\w+"
    r"|Modul \d+)\s*[:–-]?\s*|\s*\b(19|20)\d\d\b|\bdes Patenschaftsnetzwerks\b"
)


@lru_cache(maxsize=4096)  # painted for every event on every repaint
def short_title(title: str) -> str:
    """The title without what the bar's label already says ("VT März" for "VT Vernetzungs…")."""
    return _REDUNDANT.sub("", title).strip(" :–-")


def event_days(row: EventRow) -> list[dt.date]:
    first, last = row.starts_at.date(), max(row.ends_at.date(), row.starts_at.date())
    return [first + dt.timedelta(days=n) for n in range(min((last - first).days, 40) + 1)]


class YearOverview(QWidget):
    event_activated = Signal(int)
    day_activated = Signal(object)  # a dt.date: double click on a day without event

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        # Small enough for a 1280 × 720 laptop screen; the tab scrolls below this size.
        self.setMinimumSize(720, 31 * 14 + HEADER)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.year = dt.date.today().year
        self.today = dt.date.today()
        self._by_day: dict[dt.date, list[EventRow]] = defaultdict(list)
        self._holidays: dict[dt.date, str] = {}
        self._conflicts: dict[int, list[Conflict]] = {}

    def set_data(
        self,
        year: int,
        rows: Sequence[EventRow],
        holidays: dict[dt.date, str],
        conflicts: dict[int, list[Conflict]],
        today: dt.date | None = None,
    ) -> None:
        self.year, self.today = year, today or dt.date.today()
        self._holidays, self._conflicts = dict(holidays), dict(conflicts)
        self._by_day = defaultdict(list)
        for row in rows:
            for day in event_days(row):
                if day.year == year:
                    self._by_day[day].append(row)
        self.update()

    def events_on(self, day: dt.date) -> list[EventRow]:
        return list(self._by_day.get(day, []))

    def sizeHint(self) -> QSize:
        return QSize(1300, 31 * 20 + HEADER)

    # geometry -------------------------------------------------------------
    def _column_width(self) -> float:
        return (self.width() - DAY_COLUMN - 1) / 12

    def _row_height(self) -> float:
        return (self.height() - HEADER - 1) / 31

    def cell_rect(self, month: int, day: int) -> QRect:
        width, height = self._column_width(), self._row_height()
        left = int(DAY_COLUMN + (month - 1) * width)
        top = int(HEADER + (day - 1) * height)
        return QRect(
            left, top, int(DAY_COLUMN + month * width) - left, int(HEADER + day * height) - top
        )

    def _day_at(self, point: QPoint) -> dt.date | None:
        if point.x() < DAY_COLUMN or point.y() < HEADER:
            return None
        month = int((point.x() - DAY_COLUMN) / self._column_width()) + 1
        day = int((point.y() - HEADER) / self._row_height()) + 1
        try:
            return dt.date(self.year, month, day) if 1 <= month <= 12 else None
        except ValueError:
            return None

    def _segments(self, day: dt.date, cell: QRect | None = None) -> list[tuple[QRect, EventRow]]:
        rows = self._by_day.get(day, [])
        if not rows:
            return []
        cell = (cell or self.cell_rect(day.month, day.day)).adjusted(24, 2, -2, -2)
        width = cell.width() / len(rows)
        return [
            (QRect(int(cell.left() + n * width), cell.top(), int(width) - 1, cell.height()), row)
            for n, row in enumerate(rows)
        ]

    def event_at(self, point: QPoint) -> EventRow | None:
        day = self._day_at(point)
        if day is None:
            return None
        for rect, row in self._segments(day):
            if rect.adjusted(-2, -2, 2, 2).contains(point):
                return row
        rows = self._by_day.get(day, [])
        return rows[0] if len(rows) == 1 else None

    # painting -------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        # Drawn kind by kind (all backgrounds, all lines, all weekdays …) rather than day
        # by day: a year is 365 cells, and changing pen and font for each cost more than
        # the drawing itself.
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1.5, 7))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for month in range(1, 13):
            head = QRect(self.cell_rect(month, 1).left(), 0, int(self._column_width()), HEADER)
            name = MONTHS[month - 1]
            if painter.fontMetrics().horizontalAdvance(name) > head.width() - 4:
                name = name[:3]
            painter.drawText(head, Qt.AlignmentFlag.AlignCenter, name)
        painter.setFont(small)
        painter.setPen(QColor("#555"))
        for day in range(1, 32):
            rect = self.cell_rect(1, day)
            painter.drawText(
                QRect(0, rect.top(), DAY_COLUMN - 4, rect.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(day),
            )
        cells = self._cells(painter)
        self._paint_days(painter, cells)
        for date, cell in cells:
            for rect, row in self._segments(date, cell):
                self._paint_event(painter, rect, row)
        if self.today.year == self.year:
            painter.setPen(QPen(TODAY, 2))
            painter.drawRect(
                self.cell_rect(self.today.month, self.today.day).adjusted(1, 1, -1, -1)
            )
        painter.setPen(QColor("#c8c8c8"))
        for month in range(13):
            x = int(DAY_COLUMN + month * self._column_width())
            painter.drawLine(x, HEADER, x, self.height() - 1)
        painter.end()

    def _cells(self, painter: QPainter) -> list[tuple[dt.date, QRect]]:
        """The days of the year with their cells; the cells of no day (30 February) grey."""
        cells = []
        for month in range(1, 13):
            for day in range(1, 32):
                try:
                    date = dt.date(self.year, month, day)
                except ValueError:
                    painter.fillRect(self.cell_rect(month, day), QColor("#f6f6f6"))
                    continue
                cells.append((date, self.cell_rect(month, day)))
        return cells

    def _paint_days(self, painter: QPainter, cells: list[tuple[dt.date, QRect]]) -> None:
        """Weekends and holidays shaded, a line under each day, its weekday and holiday."""
        holidays = [(date, cell, self._holidays.get(date)) for date, cell in cells]
        for date, cell, holiday in holidays:
            if holiday:
                painter.fillRect(cell, HOLIDAY)
            elif date.weekday() >= 5:
                painter.fillRect(cell, WEEKEND)
        painter.setPen(QColor("#e0e0e0"))
        painter.drawLines([QLine(cell.bottomLeft(), cell.bottomRight()) for _d, cell in cells])
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        metrics = painter.fontMetrics()
        # Seven weekday names laid out once, drawn 365 times.
        weekdays = [QStaticText(name) for name in WEEKDAYS]
        for text in weekdays:
            text.prepare(QTransform(), painter.font())
        drop = metrics.height()
        painter.setPen(QColor("#444"))
        for date, cell, holiday in holidays:
            if not holiday:
                top = cell.top() + (cell.height() - drop) // 2
                painter.drawStaticText(QPointF(cell.left() + 3, top), weekdays[date.weekday()])
        painter.setPen(QColor("#b00020"))
        for date, cell, holiday in holidays:
            if not holiday:
                continue
            painter.drawText(cell.adjusted(3, 0, 0, 0), left, WEEKDAYS[date.weekday()])
            if not self._by_day.get(date):
                painter.drawText(
                    cell.adjusted(24, 0, -2, 0),
                    left,
                    metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, cell.width() - 26),
                )

    def _paint_event(self, painter: QPainter, rect: QRect, row: EventRow) -> None:
        colour, short = KIND_STYLE.get(row.kind, KIND_STYLE["other"])
        cancelled = row.status == "cancelled"
        tentative = row.status == "idea"
        fill = QColor(colour)
        if cancelled or tentative:
            fill = fill.lighter(170)
        painter.fillRect(rect, fill)
        if tentative:
            painter.setPen(QPen(QColor(colour), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#222") if cancelled or tentative else QColor("white"))
        label = short + (str(row.module_number) if row.module_number else "")
        text = f"{label} {short_title(row.title)}".strip()
        metrics = painter.fontMetrics()
        has_conflict = row.id in self._conflicts and not cancelled
        room = rect.width() - (12 if has_conflict else 4)
        painter.drawText(
            rect.adjusted(3, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0)),
        )
        if cancelled:
            y = rect.center().y()
            painter.drawLine(rect.left() + 2, y, rect.right() - 2, y)
        if has_conflict:
            painter.setPen(QColor("#b00020"))
            marker = QRect(rect.right() - 10, rect.top(), 10, rect.height())
            painter.fillRect(marker, QColor("white"))
            painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, "!")

    # interaction ----------------------------------------------------------
    def tooltip_for(self, day: dt.date) -> str:
        lines = [format_weekday_date(day)]
        if day in self._holidays:
            lines.append(self.tr("Feiertag: %1").replace("%1", self._holidays[day]))
        for row in self._by_day.get(day, []):
            when = (
                self.tr("ganztägig")
                if row.all_day
                else f"{format_time(row.starts_at)}–{format_time(row.ends_at)}"
            )
            lines.append(f"• {row.title} ({row.kind_label}, {when}, {row.status_label})")
            lines += [f"   ! {c.message}" for c in self._conflicts.get(row.id, [])]
        return "\n".join(lines)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(event.position().toPoint())
        over_event = self.event_at(event.position().toPoint()) is not None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if over_event else Qt.CursorShape.ArrowCursor
        )
        if day is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(day), self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row = self.event_at(event.position().toPoint())
            if row is not None:
                self.event_activated.emit(row.id)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self._day_at(event.position().toPoint())
        if day is not None and self.event_at(event.position().toPoint()) is None:
            self.day_activated.emit(day)
        super().mouseDoubleClickEvent(event)
