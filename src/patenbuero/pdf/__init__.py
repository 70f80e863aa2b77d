"""PDF documents of the Patenbüro (reportlab, no Qt, no database).

Each ``build_*`` function takes a frozen input dataclass from
:mod:`patenbuero.pdf.inputs` and returns the finished PDF as bytes; write them with
``path.write_bytes(pdf)`` or ``fileobj.write(pdf)``.
"""

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
