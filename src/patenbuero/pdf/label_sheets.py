"""Geometry of the label and badge sheets the office buys, all in one table.

Every entry is copied from a public source named in a comment beside it, in the form
that source uses: label size, the first label's top-left corner (``origin``, from the
sheet's top-left edge) and the pitch from one label to the next across and down. The
position of every label is computed from origin and pitch alone, so per-row or
per-column drift cannot creep in through separately entered gaps or margins; the
printer offset then only corrects the printer's own shift.

Not listed, because no public source gives their geometry (checked November 2026: the
gLabels template database has neither, and no maker's data sheet could be found):
HERMA 4412 and DURABLE BADGEMAKER 1453. Their earlier entries were centred guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0


@dataclass(frozen=True)
class LabelSheet:
    """One kind of label sheet (all measures in mm, from the sheet's top-left edge)."""

    key: str  # stable identifier stored in settings, e.g. "L4785"
    name: str  # shown to the user
    label_width: float
    label_height: float
    columns: int
    rows: int
    origin_x: float  # left edge of the sheet to the left edge of the first label
    origin_y: float  # top edge of the sheet to the top edge of the first label
    pitch_x: float  # left edge of one label to the left edge of the next across
    pitch_y: float  # top edge of one label to the top edge of the next down
    corner_radius: float = 0.0
    source: str = ""  # where the numbers come from
    page_width: float = A4_WIDTH_MM
    page_height: float = A4_HEIGHT_MM

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def gap_x(self) -> float:
        return self.pitch_x - self.label_width

    @property
    def gap_y(self) -> float:
        return self.pitch_y - self.label_height

    @property
    def margin_left(self) -> float:
        return self.origin_x

    @property
    def margin_top(self) -> float:
        return self.origin_y

    @property
    def margin_right(self) -> float:
        return self.page_width - self.origin_mm(self.per_sheet - 1)[0] - self.label_width

    @property
    def margin_bottom(self) -> float:
        return self.page_height - self.origin_mm(self.per_sheet - 1)[1] - self.label_height

    def origin_mm(self, index: int) -> tuple[float, float]:
        """Top-left corner of label ``index`` (0-based, row by row) in mm from the top left."""
        if not 0 <= index < self.per_sheet:
            raise IndexError(f"label {index} is not on a sheet of {self.per_sheet}")
        row, col = divmod(index, self.columns)
        return self.origin_x + col * self.pitch_x, self.origin_y + row * self.pitch_y

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
        # gLabels template database, jimevins/glabels-qt, templates/avery-iso-templates.xml
        # (commit 2da9b2d): <Label-rectangle width="80mm" height="50mm" round="4mm">,
        # <Layout nx="2" ny="5" x0="18mm" y0="13mm" dx="95mm" dy="55mm"/>. L4784, L4786
        # and L4787 are listed there as equivalent sheets.
        LabelSheet(
            key="L4785",
            name="Avery Zweckform L4785 – Namensetiketten 80 × 50 mm, 10 je Blatt",
            label_width=80,
            label_height=50,
            columns=2,
            rows=5,
            origin_x=18,
            origin_y=13,
            pitch_x=95,
            pitch_y=55,
            corner_radius=4,
            source="gLabels templates/avery-iso-templates.xml, Avery L4785",
        ),
    )
}

DEFAULT_SHEET = "L4785"

# Keys of sheets dropped for lack of a source; a stored choice falls back to the default.
RETIRED_SHEETS = {"HERMA-4412": DEFAULT_SHEET, "DURABLE-1453": DEFAULT_SHEET}


def get_sheet(sheet: str | LabelSheet) -> LabelSheet:
    """Return a sheet by key (or pass a :class:`LabelSheet` through)."""
    if isinstance(sheet, LabelSheet):
        return sheet
    try:
        return SHEETS[RETIRED_SHEETS.get(sheet, sheet)]
    except KeyError:
        known = ", ".join(SHEETS)
        raise KeyError(f"Unbekannter Etikettenbogen {sheet!r} (bekannt: {known})") from None
