"""What the user chose for a print: document, subject and options."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FunderOptions:
    name: str
    measure: str = ""
    funding_code: str = ""
    teaching_units: float | None = None


@dataclass(frozen=True)
class PrintRequest:
    document: str
    event_id: int | None = None
    series_id: int | None = None
    year: int | None = None
    project_ids: tuple[int, ...] | None = None  # None: all active projects
    sheet: str = "L4785"
    start_at: int = 1
    landscape: bool = False
    show_contact: bool = False
    blank_rows: int = 0
    funder: FunderOptions | None = None  # overrides the stored funding (command line)
    show_event: bool = True  # event line on badges
    target_group: str = ""  # Handzettel for one Zielgruppe ("" = all projects)
    # The printer's offset on this PC (kept per PC by the GUI); None: the stored default.
    offset_mm: tuple[float, float] | None = None


@dataclass(frozen=True)
class PrintResult:
    pdf: bytes
    file_name: str
    two_sided: bool = False
    warnings: tuple[str, ...] = field(default=())
