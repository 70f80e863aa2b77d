"""Which parts of the main window keep what the user arranged (see ui/common/view_state)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSplitter, QWidget

from patenbuero.ui.common.view_state import remember

if TYPE_CHECKING:
    from patenbuero.ui.main_window import MainWindow


def _splitters(tab: QWidget, name: str) -> None:
    for number, splitter in enumerate(tab.findChildren(QSplitter)):
        remember(splitter, f"{name}/splitter{number}")


def _projects(window: MainWindow) -> None:
    projects = window.projects_tab
    remember(projects.pages, "projects/pages")
    remember(projects.details, "projects/details")
    remember(projects.panel.status_filter, "projects/status")
    remember(projects.panel.group_filter, "projects/group")
    remember(projects.panel.district_filter, "projects/district")
    remember(projects.panel.seeks_filter, "projects/seeks")
    remember(projects.mailing_list.role_filter, "projects/mailing_role")
    remember(projects.mailing_list.status_filter, "projects/mailing_status")
    _splitters(projects, "projects")


def _plan(window: MainWindow) -> None:
    plan = window.plan_tab
    remember(plan.year, "plan/year")
    remember(plan.stack, "plan/view")
    remember(plan.kind_filter, "plan/kind")
    remember(plan.status_filter, "plan/status")
    remember(plan.project_filter, "plan/project")
    remember(plan.tasks.open_only, "plan/open_tasks")


def _inquiries(window: MainWindow) -> None:
    inquiries = window.inquiries_tab
    remember(inquiries.details, "inquiries/details")
    remember(inquiries.panel.status_filter, "inquiries/status")
    remember(inquiries.panel.kind_filter, "inquiries/kind")
    _splitters(inquiries, "inquiries")


# What each tab of the main window keeps, by the tab's attribute; marked when it is built.
MARKERS: dict[str, Callable[[MainWindow], None]] = {
    "projects_tab": _projects,
    "plan_tab": _plan,
    "registrations_tab": lambda window: _splitters(window.registrations_tab, "registrations"),
    "print_tab": lambda window: _splitters(window.print_tab, "print"),
    "inquiries_tab": _inquiries,
}


def mark_remembered(window: MainWindow, tab: str) -> None:
    """Mark what the user arranged in one tab (``tab``: its attribute on the window)."""
    marker = MARKERS.get(tab)
    if marker is not None:
        marker(window)
