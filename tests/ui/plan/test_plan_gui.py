"""The Jahresplanung tab with real widgets: create an event, a recurring series, a task."""

import datetime as dt

import icalendar
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtWidgets import QPushButton

from patenbuero.services.plan import events
from patenbuero.services.plan.tasks import list_tasks
from patenbuero.services.plan.use_cases import list_events
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.plan.recurrence_dialog import RecurrenceDialog
from patenbuero.ui.plan.tab import LIST, PlanTab
from patenbuero.ui.plan.task_list import TaskList
from patenbuero.ui.plan.year_overview import YearOverview
from tests.helpers.databases import target_of
from tests.helpers.plan_builders import NOW, meeting


def test_create_event_in_dialog_with_inline_error(qtbot, db) -> None:
    dialog = EventDialog(db)
    qtbot.addWidget(dialog)
    form = dialog.form
    qtbot.keyClicks(form.title, "Fachtag Patenschaften 2026")
    form.kind.setCurrentIndex(form.kind.findData("specialist_day"))
    form.start_date.setDate(QDate(2026, 10, 31))
    form.start_time.setTime(QTime(9, 0))
    form.end_time.setTime(QTime(8, 0))
    dialog.update_conflicts()
    assert "Reformationstag" in form.conflicts.text() and "Samstag" in form.conflicts.text()
    dialog.save()
    assert not dialog.result()  # stays open
    assert "Ende liegt vor dem Beginn" in dialog.errors.message_for("ends_at")
    assert list_events(db) == []
    form.start_date.setDate(QDate(2026, 11, 12))
    form.end_time.setTime(QTime(16, 0))
    qtbot.keyClicks(form.speaker, "Prof. Dr. Miriam Ebert")
    dialog.agenda.add_item()
    dialog.save()
    assert dialog.result()
    (row,) = list_events(db, 2026)
    assert (row.title, row.starts_at, row.speaker) == (
        "Fachtag Patenschaften 2026",
        dt.datetime(2026, 11, 12, 9),
        "Prof. Dr. Miriam Ebert",
    )


def test_recurring_series_dialog_previews_then_creates(qtbot, db) -> None:
    dialog = RecurrenceDialog(db, 2026)
    qtbot.addWidget(dialog)
    dialog.update_preview()
    assert dialog.preview.count() == 4
    assert "jeden zweiten Mittwoch im März, Juni, September und Dezember" in dialog.summary.text()
    assert dialog.create_button.text() == "4 Termine anlegen"
    for box in dialog.months:
        box.setChecked(True)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    dialog.last_day.setDate(QDate(2028, 12, 31))
    dialog.update_preview()
    assert "mehr als 100" in dialog.summary.text()
    assert not dialog.create_button.isEnabled()
    dialog.frequency.setCurrentIndex(0)
    dialog.last_day.setDate(QDate(2026, 12, 31))
    for box in dialog.months:
        box.setChecked(box.toolTip() in ("März", "Oktober"))
    dialog.update_preview()
    dialog.create_events()
    assert dialog.result()
    rows = list_events(db, 2026)
    assert [r.starts_at for r in rows] == [
        dt.datetime(2026, 3, 11, 16),
        dt.datetime(2026, 10, 14, 16),  # after the change to winter time: still 16:00
    ]


def test_task_taken_on_by_member(qtbot, demo_db) -> None:
    event_id = events.create_event(demo_db, meeting(), now=NOW)
    tasks = TaskList(demo_db, event_id=event_id)
    qtbot.addWidget(tasks)

    def fill(dialog) -> bool:
        dialog.title.setText("Protokoll schreiben")
        dialog.project.setCurrentIndex(dialog.project.findText("Lesewelt Halle"))
        dialog.due.setDate(QDate(2026, 3, 18))
        dialog.save()
        return bool(dialog.result())

    tasks.run_dialog = fill
    tasks.refresh()
    assert tasks.list.stack.currentWidget() is tasks.list.empty_label
    tasks.edit(None)
    (row,) = tasks.list.model.rows()
    assert (row.title, row.taken_by, row.due_on) == (
        "Protokoll schreiben",
        "Lesewelt Halle",
        dt.date(2026, 3, 18),
    )
    year = TaskList(demo_db)
    qtbot.addWidget(year)
    year.set_year(2026)
    assert any(r.overdue for r in year.list.model.rows())  # demo has an overdue one
    assert {r.taken_by for r in year.list.model.rows()} >= {"Lesewelt Halle"}
    assert [r.id for r in list_tasks(demo_db, event_id=event_id)] == [row.id]


def test_overview_shows_german_holidays_and_opens_events(qtbot, demo_db) -> None:
    tab = PlanTab(demo_db)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.year.setValue(2026)
    tab.refresh()
    overview: YearOverview = tab.overview
    assert "Feiertag: Reformationstag" in overview.tooltip_for(dt.date(2026, 10, 31))
    opened: list[int] = []
    tab.open_event = opened.append  # type: ignore[method-assign]
    overview.event_activated.disconnect()
    overview.event_activated.connect(tab.open_event)
    fachtag = next(r for r in list_events(demo_db, 2026) if r.kind == "specialist_day")
    day = fachtag.starts_at.date()
    point = overview.cell_rect(day.month, day.day).center() + QPoint(10, 0)
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=point)
    assert opened == [fachtag.id]


def test_list_filter_and_ics_export(qtbot, demo_db, tmp_path) -> None:
    tab = PlanTab(demo_db)
    qtbot.addWidget(tab)
    tab.year.setValue(2026)
    tab.show_view(LIST)
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("network_meeting"))
    rows = tab.list.model.rows()
    assert rows and {r.kind for r in rows} == {"network_meeting"}
    target = tmp_path / "plan.ics"
    tab.save_asker = lambda *_args: str(target)
    tab.export_year()
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(list_events(demo_db, 2026))


def test_invitation_pdf_is_saved_from_the_event(qtbot, demo_db, tmp_path) -> None:
    from patenbuero.ui.plan.invitation_dialog import InvitationDialog

    meeting_row = next(r for r in list_events(demo_db, 2026) if r.kind == "network_meeting")
    dialog = InvitationDialog(demo_db, meeting_row.id)
    qtbot.addWidget(dialog)
    assert "Tagesordnung:" in dialog.body.toPlainText()
    assert dialog.mail.recipient_count > 0
    opened: list[str] = []
    dialog.open_url = opened.append
    dialog.open_in_mail_program()
    assert opened and opened[0].startswith("mailto:")
    target = tmp_path / "einladung.pdf"
    dialog.save_asker = lambda *_args: str(target)
    dialog.pdf.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_event_dialog_shows_a_conflict_and_merges_per_field(qtbot, db, tmp_path) -> None:
    import dataclasses

    from patenbuero.services.core.database import open_database
    from patenbuero.ui.common.conflict_dialog import ConflictDialog
    from tests.helpers.modal import when_dialog_opens
    from tests.helpers.screenshots import screenshot

    event_id = events.create_event(db, meeting(), now=NOW)
    dialog = EventDialog(db, event_id)
    qtbot.addWidget(dialog)
    other_pc = open_database(target_of(db))
    seen = events.get_event_for_editing(other_pc, event_id)
    events.update_event(
        other_pc,
        event_id,
        dataclasses.replace(seen.data, location="Stadthaus, Saal 2"),
        expected_version=seen.version,
    )
    other_pc.dispose()
    qtbot.keyClicks(dialog.form.speaker, "Prof. Dr. Miriam Ebert")
    dialog.agenda.add_item()
    shown: dict[str, object] = {}

    def merge(conflict: ConflictDialog) -> None:
        shown["fields"] = list(conflict.fields)
        shown["location_theirs"] = conflict.theirs_buttons["location"].isChecked()
        conflict.grab().save(screenshot("konflikt-veranstaltung.png", tmp_path))
        qtbot.mouseClick(conflict.save_chosen_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(ConflictDialog, merge)
    dialog.save()
    assert shown["fields"] == ["location", "speaker", "agenda"]
    assert shown["location_theirs"]
    assert dialog.result()
    stored = events.get_event_for_editing(db, event_id)
    assert stored.data.location == "Stadthaus, Saal 2"
    assert stored.data.speaker == "Prof. Dr. Miriam Ebert"
    assert len(stored.agenda) == 1


def test_year_change_keeps_the_filters_and_f5_offers_a_new_project(qtbot, demo_db) -> None:
    from patenbuero.services.projects.editing import ProjectInput, save_project

    tab = PlanTab(demo_db)
    qtbot.addWidget(tab)
    tab.year.setValue(2026)
    tab.refresh()
    filter_box = tab.project_filter
    chosen = next(
        r.responsible_project_id for r in tab.list.model.rows() if r.responsible_project_id
    )
    filter_box.setCurrentIndex(filter_box.findData(chosen))
    offered = [filter_box.itemText(n) for n in range(filter_box.count())]
    rows = tab.list.model.rows()
    assert rows and {r.responsible_project_id for r in rows} == {chosen}
    next_year = next(
        button for button in tab.findChildren(QPushButton) if button.text() == "Folgejahr ▶"
    )

    qtbot.mouseClick(next_year, Qt.MouseButton.LeftButton)

    assert tab.year.value() == 2027 and filter_box.currentData() == chosen
    assert [filter_box.itemText(n) for n in range(filter_box.count())] == offered
    assert {r.responsible_project_id for r in tab.list.model.rows()} <= {chosen}
    # Meanwhile at the other PC: a new member project; F5 offers it, the choice stays.
    save_project(demo_db, None, ProjectInput(name="Aaa Neues Projekt"))
    tab.refresh()
    assert filter_box.itemText(2) == "Aaa Neues Projekt"
    assert filter_box.currentData() == chosen
