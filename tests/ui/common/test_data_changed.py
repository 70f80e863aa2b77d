"""One change notification: what one tab saves, every other tab shows without F5."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime

from patenbuero.services.registrations.use_cases import register_person
from patenbuero.ui.common.data_changed import Kind, announce
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.event_dialog import EventDialog
from tests.helpers.persons import add_event, person

SOON = (dt.date.today() + dt.timedelta(days=30)).replace(day=1)


def when() -> dict[str, dt.datetime]:
    start = dt.datetime.combine(SOON, dt.time(9))
    return {"starts_at": start, "ends_at": start + dt.timedelta(hours=2)}


def open_window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_event_created_in_the_plan_shows_in_registrations_and_print(qtbot, db) -> None:
    window = open_window(qtbot, db)
    window.tabs.setCurrentWidget(window.plan_tab)
    plan = window.plan_tab

    def fill(dialog) -> bool:
        assert isinstance(dialog, EventDialog)
        qtbot.keyClicks(dialog.form.title, "Kinderschutz kompakt")
        dialog.form.start_date.setDate(QDate(SOON.year, SOON.month, SOON.day))
        dialog.form.start_time.setTime(QTime(17, 0))
        dialog.form.end_time.setTime(QTime(19, 0))
        dialog.form.capacity.setValue(12)
        dialog.save()
        return bool(dialog.result())

    plan.run_dialog = fill
    qtbot.mouseClick(plan.new_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentWidget(window.registrations_tab)
    titles = [row.title for row in window.registrations_tab.events.model.rows()]
    assert "Kinderschutz kompakt" in titles
    window.tabs.setCurrentWidget(window.print_tab)
    choice = window.print_tab.options.event_choice
    assert any("Kinderschutz kompakt" in choice.itemText(i) for i in range(choice.count()))


def test_a_visible_view_reloads_at_once(qtbot, db) -> None:
    event_id = add_event(db, capacity=5, **when())
    window = open_window(qtbot, db)
    window.tabs.setCurrentWidget(window.registrations_tab)
    tab = window.registrations_tab
    assert tab.select_event(event_id)
    register_person(db, event_id, person("Heike", "Kühn", "hk@example.org"))
    # Another view (here: the plan) announces a change; the visible tab reloads.
    announce(Kind.REGISTRATIONS, window.plan_tab)
    assert [row.last_name for row in tab.registrations.model.rows()] == ["Kühn"]
    assert tab._event is not None and tab._event.id == event_id


def test_search_without_hits_leaves_nothing_selected(qtbot, db) -> None:
    event_id = add_event(db, capacity=5, title="Vernetzungstreffen", **when())
    add_event(db, capacity=5, title="Fachtag", **when())
    register_person(db, event_id, person("Heike", "Kühn", "hk@example.org"))
    window = open_window(qtbot, db)
    window.tabs.setCurrentWidget(window.registrations_tab)
    tab = window.registrations_tab
    assert tab.select_event(event_id)
    assert tab.buttons.register.isEnabled()
    qtbot.keyClicks(tab.events.search_field, "gibtsnicht")
    assert tab.events.visible_row_count() == 0
    assert not tab.buttons.register.isEnabled()
    assert not tab.buttons.check_in.isEnabled()
    assert tab.registrations.model.rowCount() == 0
    assert "Wählen Sie links eine Veranstaltung" in tab.header.text()
    # A change elsewhere reloads the list: still nothing selected, nothing to click.
    announce(Kind.EVENTS, window.plan_tab)
    assert tab.events.visible_row_count() == 0
    assert not tab.buttons.register.isEnabled()
    assert "Wählen Sie links eine Veranstaltung" in tab.header.text()
    tab.events.search_field.clear()
    qtbot.keyClicks(tab.events.search_field, "vernetzung")
    assert tab.select_event(event_id)
    assert tab.buttons.register.isEnabled()


def test_registration_search_follows_the_one_rule(qtbot, db) -> None:
    event_id = add_event(db, capacity=5, **when())
    for first, last, email in [("Heike", "Kühn", "a@x.org"), ("Özlem", "Yılmaz", "b@x.org")]:
        register_person(db, event_id, person(first, last, email))
    window = open_window(qtbot, db)
    window.tabs.setCurrentWidget(window.registrations_tab)
    tab = window.registrations_tab
    assert tab.select_event(event_id)
    qtbot.keyClicks(tab.registrations.search_field, "kuehn")
    assert [r.last_name for r in tab.registrations.visible_rows()] == ["Kühn"]
    tab.registrations.search_field.clear()
    qtbot.keyClicks(tab.registrations.search_field, "ozlem")
    assert [r.last_name for r in tab.registrations.visible_rows()] == ["Yılmaz"]
