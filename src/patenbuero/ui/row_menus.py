"""The context menus of the main window's tables: what applies to the rows under the mouse.

Each entry runs the same action as the tab's button, on the selected rows; every table
also offers to copy the rows and their e-mail addresses (see ui/common/list_view).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from patenbuero.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("row_menus", text)


def _any(rows: list[Any]) -> bool:
    return bool(rows)


def add_row_menus(window: MainWindow, tab: str) -> None:
    """The context menus of one tab (``tab``: its attribute on the window), once it is built."""
    adder = _ADDERS.get(tab)
    if adder is not None:
        adder(window)


def _projects(window: MainWindow) -> None:
    projects = window.projects_tab

    def print_for_projects(key: str) -> None:
        ids = tuple(row.id for row in projects.list.selected_rows())
        window.show_print(key, project_ids=ids)

    projects.list.add_row_action(
        _tr("Projektkarte drucken …"), lambda: print_for_projects("projektkarten"), _any
    )
    projects.list.add_row_action(
        _tr("Projektporträt drucken …"), lambda: print_for_projects("portraet"), _any
    )
    projects.list.add_row_action(_tr("Als ausgeschieden markieren …"), projects.mark_current_left)
    projects.list.add_row_action(_tr("Löschen …"), projects.delete_current)
    for panel in (projects.contacts, projects.partners):
        panel.list.add_row_action(_tr("Bearbeiten …"), panel.edit_current)
        panel.list.add_row_action(_tr("Löschen …"), panel.delete_current)
    projects.organisations.list.add_row_action(_tr("Löschen …"), projects.organisations.delete)


def _print_for_event(window: MainWindow, key: str, rows: list[Any]) -> None:
    if rows:
        window.show_print(key, event_id=rows[0].id)


def _plan(window: MainWindow) -> None:
    plan = window.plan_tab
    plan.list.add_row_action(_tr("Öffnen …"), plan.open_selected)
    plan.list.add_row_action(_tr("Einladung …"), plan.invite_selected)
    plan.list.add_row_action(
        _tr("Teilnehmerliste drucken …"),
        lambda: _print_for_event(window, "teilnehmerliste", plan.list.selected_rows()),
    )
    plan.list.add_row_action(_tr("In Kalender exportieren …"), plan.export_selected, _any)
    plan.list.add_row_action(_tr("Absagen …"), plan.cancel_selected)
    plan.list.add_row_action(_tr("Löschen …"), plan.delete_selected)
    tasks = plan.tasks
    tasks.list.add_row_action(_tr("Bearbeiten …"), lambda: tasks.edit(tasks.list.current_row()))
    tasks.list.add_row_action(_tr("Als erledigt markieren"), tasks.mark_done, _any)
    tasks.list.add_row_action(_tr("Aufgabe löschen …"), tasks.delete_selected, _any)


def _registrations(window: MainWindow) -> None:
    registrations = window.registrations_tab
    events = registrations.events
    events.add_row_action(_tr("Anmelden …"), registrations.open_register)
    events.add_row_action(_tr("Einlass …"), registrations.open_check_in)
    events.add_row_action(
        _tr("Teilnehmerliste drucken …"),
        lambda: _print_for_event(window, "teilnehmerliste", events.selected_rows()),
    )
    events.add_row_action(
        _tr("Namensschilder drucken …"),
        lambda: _print_for_event(window, "namensschilder", events.selected_rows()),
    )
    people = registrations.registrations
    people.add_row_action(_tr("Anwesend"), lambda: registrations.mark(True), _any)
    people.add_row_action(_tr("Nicht erschienen"), lambda: registrations.mark(False), _any)
    people.add_row_action(_tr("Anmeldung stornieren …"), registrations.cancel_selected, _any)


def _inquiries(window: MainWindow) -> None:
    inquiries = window.inquiries_tab
    inquiries.list.add_row_action(_tr("Abschließen"), inquiries.close_current)
    inquiries.list.add_row_action(_tr("Wieder öffnen"), inquiries.reopen_current)


_ADDERS: dict[str, Callable[[MainWindow], None]] = {
    "projects_tab": _projects,
    "plan_tab": _plan,
    "registrations_tab": _registrations,
    "inquiries_tab": _inquiries,
}
