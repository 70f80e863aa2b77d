"""Geometry of the label and badge sheets the office buys, all in one table.

Measures are in millimetres from the top-left corner of the sheet, as printed on the
packaging. Where a maker gives no margins, they are derived from the label size so that
the labels sit centred on A4; the calibration page (:func:`patenbuero.pdf.badges.
build_calibration_page`) and the printer offset correct any remaining shift.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class LabelSheet:
    """One kind of label sheet (all measures in mm)."""

    key: str  # stable identifier stored in settings, e.g. "L4785"
    name: str  # shown to the user
    label_width: float
    label_height: float
    columns: int
    rows: int
    margin_left: float  # sheet edge to the first column
    margin_top: float  # sheet edge to the first row
    gap_x: float = 0.0  # between columns
    gap_y: float = 0.0  # between rows
    corner_radius: float = 0.0
    page_width: float = A4_WIDTH_MM
    page_height: float = A4_HEIGHT_MM

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def margin_right(self) -> float:
        used = self.columns * self.label_width + (self.columns - 1) * self.gap_x
        return self.page_width - self.margin_left - used

    @property
    def margin_bottom(self) -> float:
        used = self.rows * self.label_height + (self.rows - 1) * self.gap_y
        return self.page_height - self.margin_top - used

    def origin_mm(self, index: int) -> tuple[float, float]:
        """Top-left corner of label ``index`` (0-based, row by row) in mm from the top left."""
        if not 0 <= index < self.per_sheet:
            raise IndexError(f"label {index} is not on a sheet of {self.per_sheet}")
        row, col = divmod(index, self.columns)
        return (
            self.margin_left + col * (self.label_width + self.gap_x),
            self.margin_top + row * (self.label_height + self.gap_y),
        )

    def rect_pt(
        self, index: int, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0
    ) -> tuple[float, float, float, float]:
        """Label ``index`` as (x, y, width, height) in PDF points, origin bottom left.

        A positive ``offset_x_mm`` moves the print to the right, a positive
        ``offset_y_mm`` moves it down (the direction a user measures on paper).
        """
        left, top = self.origin_mm(index)
        x = (left + offset_x_mm) * mm
        y = (self.page_height - top - self.label_height - offset_y_mm) * mm
        return x, y, self.label_width * mm, self.label_height * mm


SHEETS: dict[str, LabelSheet] = {
    sheet.key: sheet
    for sheet in (
        LabelSheet(
            key="L4785",
            name="Avery Zweckform L4785 – Namensetiketten 80 × 50 mm, 10 je Blatt",
            label_width=80,
            label_height=50,
            columns=2,
            rows=5,
            margin_left=17.5,
            margin_top=23.5,
            gap_x=15,
            corner_radius=3,
        ),
        LabelSheet(
            key="HERMA-4412",
            name="HERMA 4412 – Namensetiketten 80 × 50 mm, 10 je Blatt",
            label_width=80,
            label_height=50,
            columns=2,
            rows=5,
            margin_left=20,
            margin_top=13.5,
            gap_x=10,
            gap_y=5,
            corner_radius=2,
        ),
        LabelSheet(
            key="DURABLE-1453",
            name="DURABLE BADGEMAKER 1453 – Einsteckschilder 90 × 54 mm, 10 je Blatt",
            label_width=90,
            label_height=54,
            columns=2,
            rows=5,
            margin_left=15,
            margin_top=13.5,
        ),
    )
}

DEFAULT_SHEET = "L4785"


def get_sheet(sheet: str | LabelSheet) -> LabelSheet:
    """Return a sheet by key (or pass a :class:`LabelSheet` through)."""
    if isinstance(sheet, LabelSheet):
        return sheet
    try:
        return SHEETS[sheet]
    except KeyError:
        known = ", ".join(SHEETS)
        raise KeyError(f"Unbekannter Etikettenbogen {sheet!r} (bekannt: {known})") from None
