"""PDF documents of the Patenbüro (reportlab, no Qt, no database).

Each ``build_*`` function takes a frozen input dataclass from
:mod:`patenbuero.pdf.inputs` and returns the finished PDF as bytes; write them with
``path.write_bytes(pdf)`` or ``fileobj.write(pdf)``.

The builders are imported when first used (PEP 562): printing one attendance list
from the command line need not load the flyer, the QR codes and the year plan.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # also tells the bundler (PyInstaller) which modules belong here
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

_MODULES = {
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


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
