"""Showing a list costs the same number of SQL statements for 40 rows as for 400."""

import datetime as dt

from sqlalchemy import event, func, insert, select

from patenbuero.db.models import (
    Event,
    Inquiry,
    MemberProject,
    Person,
    Registration,
    TargetGroup,
    project_target_group,
)
from patenbuero.ui.main_window import MainWindow


def count_statements(db, action) -> int:
    statements: list[str] = []

    def remember(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    return len(statements)


def grow_tenfold(db) -> None:
    """Add nine copies of the projects, events, inquiries and one event's registrations."""
    with db.unit_of_work() as session:
        projects = session.scalars(select(MemberProject)).all()
        groups = session.scalars(select(TargetGroup.id)).all()
        events = session.scalars(select(Event)).all()
        inquiries = session.scalars(select(Inquiry)).all()
        busiest = session.execute(
            select(Registration.event_id, func.count())
            .group_by(Registration.event_id)
            .order_by(func.count().desc())
        ).first()[0]
        now = dt.datetime(2026, 1, 1)
        for copy in range(1, 10):
            for project in projects:
                new_id = session.execute(
                    insert(MemberProject)
                    .values(name=f"{project.name} ({copy})")
                    .returning(MemberProject.id)
                ).scalar_one()
                session.execute(
                    insert(project_target_group),
                    [{"project_id": new_id, "target_group_id": g} for g in groups[:2]],
                )
            session.execute(
                insert(Event),
                [
                    {
                        "title": f"{e.title} ({copy})",
                        "kind": e.kind,
                        "status": e.status,
                        "starts_at": e.starts_at,
                        "ends_at": e.ends_at,
                        "capacity": e.capacity,
                    }
                    for e in events
                ],
            )
            session.execute(
                insert(Inquiry),
                [
                    {"kind": i.kind, "received_on": i.received_on, "name": f"{i.name} {copy}"}
                    for i in inquiries
                ],
            )
            person_ids = (
                session.execute(
                    insert(Person).returning(Person.id),
                    [
                        {"last_name": f"Muster{copy}-{n}", "first_name": "Erika", "created_at": now}
                        for n in range(12)
                    ],
                )
                .scalars()
                .all()
            )
            session.execute(
                insert(Registration),
                [
                    {
                        "person_id": pid,
                        "event_id": busiest,
                        "status": "waitlisted",
                        "registered_at": now,
                        "status_changed_at": now,
                    }
                    for pid in person_ids
                ],
            )


def tab_costs(window: MainWindow) -> dict[str, int]:
    db = window.db
    return {
        "projects": count_statements(db, window.projects_tab.refresh),
        "plan": count_statements(db, window.plan_tab.refresh),
        "registrations": count_statements(db, window.registrations_tab.refresh),
        "inquiries": count_statements(db, window.inquiries_tab.refresh),
        "print": count_statements(db, window.print_tab.refresh),
    }


def test_no_query_per_row(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.plan_tab.year.setValue(2026)
    small = tab_costs(window)
    small_projects = window.projects_tab.list.model.rowCount()
    grow_tenfold(demo_db)
    large = tab_costs(window)
    assert window.projects_tab.list.model.rowCount() == 10 * small_projects
    assert large == small


def test_f5_with_an_inquiry_open_costs_the_same_for_ten_times_the_projects(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.inquiries_tab
    inquiry = tab.panel.visible_rows()[0]
    tab.open_inquiry(inquiry.id)
    small_matches = tab.forwarding.suggestions.topLevelItemCount()
    tab.forwarding.show_all.setChecked(True)
    small = count_statements(demo_db, tab.refresh)
    grow_tenfold(demo_db)
    large = count_statements(demo_db, tab.refresh)
    assert tab.forwarding.suggestions.topLevelItemCount() > small_matches
    assert large == small
