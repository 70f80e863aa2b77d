"""The main window's tabs, each built (and its module imported) when first needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from patenbuero.services.core.database import Database

# The tabs by their attribute on the window, in order. Each tab's module is imported when
# the tab is built: at the program start only the tab on screen, after the first paint.
TAB_NAMES = (
    "projects_tab",
    "plan_tab",
    "registrations_tab",
    "print_tab",
    "inquiries_tab",
    "persons_tab",
    "privacy_view",
)


def build_tab(name: str, db: Database) -> QWidget:
    if name == "projects_tab":
        from patenbuero.ui.projects.tab import ProjectsTab

        return ProjectsTab(db)
    if name == "plan_tab":
        from patenbuero.ui.plan.tab import PlanTab

        return PlanTab(db)
    if name == "registrations_tab":
        from patenbuero.ui.registrations.tab import RegistrationsTab

        return RegistrationsTab(db)
    if name == "print_tab":
        from patenbuero.ui.printing.tab import PrintTab

        return PrintTab(db)
    if name == "inquiries_tab":
        from patenbuero.ui.inquiries.tab import InquiriesTab

        return InquiriesTab(db)
    if name == "persons_tab":
        from patenbuero.ui.persons.tab import PersonsTab

        return PersonsTab(db, load=False)
    from patenbuero.ui.privacy.view import PrivacyView

    return PrivacyView(db, load=False)
