"""PDF documents of the Patenbüro (reportlab, no Qt, no database).

Each ``build_*`` function takes a frozen input dataclass from
:mod:`patenbuero.pdf.inputs` and returns the finished PDF as bytes; write them with
``path.write_bytes(pdf)`` or ``fileobj.write(pdf)``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from patenbuero.pdf.attendance_list import build_attendance_list
    from patenbuero.pdf.badges import build_badges
    from patenbuero.pdf.certificate import build_certificates
    from patenbuero.pdf.flyer import FlyerResult, build_flyer
    from patenbuero.pdf.interest_list import build_interest_list
    from patenbuero.pdf.invitation import build_invitation
    from patenbuero.pdf.label_calibration import build_calibration_page
    from patenbuero.pdf.portrait import build_portraits
    from patenbuero.pdf.project_cards import build_project_cards
    from patenbuero.pdf.year_plan import build_year_plan

# Where each name lives. They are imported on first use: importing one PDF module (the
# label sheets for a combo box, say) must not load reportlab, Pillow and every document.
_HOMES = {
    "FlyerResult": "flyer",
    "build_attendance_list": "attendance_list",
    "build_badges": "badges",
    "build_calibration_page": "label_calibration",
    "build_certificates": "certificate",
    "build_flyer": "flyer",
    "build_interest_list": "interest_list",
    "build_invitation": "invitation",
    "build_portraits": "portrait",
    "build_project_cards": "project_cards",
    "build_year_plan": "year_plan",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FlyerResult",
    "build_attendance_list",
    "build_badges",
    "build_calibration_page",
    "build_certificates",
    "build_flyer",
    "build_interest_list",
    "build_invitation",
    "build_portraits",
    "build_project_cards",
    "build_year_plan",
]
