"""Bearbeiten → Listen: the office cleans up its lists in the window, by mouse and keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from patenbuero.services.core import kinds
from patenbuero.services.plan.events import get_event
from patenbuero.services.projects import reference_data as ref
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.services.projects.use_cases import (
    get_project,
    list_districts,
    list_target_groups,
    status_choices,
)
from patenbuero.ui.plan.event_dialog import EventDialog
from patenbuero.ui.projects.form import ProjectForm
from patenbuero.ui.projects.reference_dialog import ReferenceDialog, ReferencePage


def _open(qtbot, db) -> ReferenceDialog:  # type: ignore[no-untyped-def]
    dialog = ReferenceDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_tab(qtbot, dialog: ReferenceDialog, page: QWidget) -> None:  # type: ignore[no-untyped-def]
    bar = dialog.tabs.tabBar()
    rect = bar.tabRect(dialog.tabs.indexOf(page))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.tabs.currentWidget() is page


def _click_row(qtbot, page: ReferencePage, name: str) -> None:  # type: ignore[no-untyped-def]
    table = page.list.table
    for row in range(page.list.proxy.rowCount()):
        index = page.list.proxy.index(row, 0)
        if index.data() == name:
            table.scrollTo(index)
            rect = table.visualRect(index)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert page.list.current_row().name == name
            return
    raise AssertionError(f"{name} not in the list")


def _state(page: ReferencePage, name: str) -> str:
    for row in range(page.list.proxy.rowCount()):
        if page.list.proxy.index(row, 0).data() == name:
            return str(page.list.proxy.index(row, 2).data() or "")
    raise AssertionError(f"{name} not in the list")


def test_add_then_merge_two_spellings(qtbot, db, tmp_path) -> None:
    seniors = ref.add_reference(db, ref.TARGET_GROUPS, "Senior:innen")
    dialog = _open(qtbot, db)
    page = dialog.target_groups
    qtbot.keyClicks(page.name, "Seniorinnen")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    typo = next(r.id for r in page.list.model.rows() if r.name == "Seniorinnen")
    project = save_project(db, None, ProjectInput(name="Besuchspaten", target_group_ids=(typo,)))
    page.refresh()
    _click_row(qtbot, page, "Seniorinnen")
    page.merge_target.setCurrentIndex(page.merge_target.findData(seniors))
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in page.list.model.rows()] == ["Senior:innen"]
    assert "1 Projekt neu zugeordnet" in page.message.text()
    assert get_project(db, project).target_group_ids == (seniors,)
    _click_tab(qtbot, dialog, dialog.districts)
    qtbot.mouseClick(dialog.districts.add_button, Qt.MouseButton.LeftButton)
    assert "Namen" in dialog.districts.message.text()
    assert dialog.grab().save(str(tmp_path / "listen.png"))


def test_retired_district_is_greyed_and_shown_only_where_it_is_ticked(qtbot, db) -> None:
    glaucha = ref.add_reference(db, ref.DISTRICTS, "Glaucha")
    ref.add_reference(db, ref.DISTRICTS, "Altstadt")
    project = save_project(db, None, ProjectInput(name="Lesewelt", district_ids=(glaucha,)))
    dialog = _open(qtbot, db)
    page = dialog.districts
    _click_tab(qtbot, dialog, page)
    _click_row(qtbot, page, "Glaucha")
    assert not page.delete_button.isEnabled()  # in use: merge or retire instead
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert _state(page, "Glaucha") == "nicht mehr verwendet"
    assert page.retire_button.text() == "Wieder verwenden"
    assert "wird nicht mehr angeboten" in page.message.text()
    assert [c.retired for c in list_districts(db) if c.id == glaucha] == [True]

    form = ProjectForm()
    qtbot.addWidget(form)
    form.set_choices(list_target_groups(db), list_districts(db), [], status_choices())
    form.load(get_project(db, project))
    shown = {
        form.districts.item(row).text(): form.districts.item(row).isHidden()
        for row in range(form.districts.count())
    }
    assert shown == {"Altstadt": False, "Glaucha (nicht mehr verwendet)": False}
    form.load(None)  # a new project: the retired entry is not offered
    hidden = [
        form.districts.item(row).isHidden()
        for row in range(form.districts.count())
        if "Glaucha" in form.districts.item(row).text()
    ]
    assert hidden == [True]

    # Taken back into use with the same button.
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert _state(page, "Glaucha") == ""
    assert [c.retired for c in list_districts(db) if c.id == glaucha] == [False]


def test_event_kinds_added_by_keyboard_renamed_and_retired(qtbot, db, tmp_path) -> None:
    dialog = _open(qtbot, db)
    page = dialog.event_kinds
    _click_tab(qtbot, dialog, page)
    qtbot.keyClicks(page.name, "Lesung")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter adds; it does not close the window
    assert "Lesung" in {r.name for r in page.list.model.rows()}
    _click_row(qtbot, page, "Fachtag")
    assert _state(page, "Fachtag") == "eingebaut"
    assert not page.delete_button.isEnabled() and not page.merge_button.isEnabled()
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Fachtag Patenschaften")
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    _click_row(qtbot, page, "Vernetzungstreffen")
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    dialog.resize(1280, 720)
    assert dialog.grab().save(str(tmp_path / "veranstaltungsarten.png"))

    event_dialog = EventDialog(db)
    qtbot.addWidget(event_dialog)
    offered = [event_dialog.form.kind.itemText(i) for i in range(event_dialog.form.kind.count())]
    assert "Vernetzungstreffen" not in " ".join(offered)
    assert {"Fachtag Patenschaften", "Lesung"} <= set(offered)
    # A new event starts with the first kind still in use, not the retired default.
    assert event_dialog.form.kind.currentText() == offered[0] == "Fachtag Patenschaften"
    assert [k.key for k in kinds.event_kinds(db) if k.name == "Fachtag Patenschaften"] == [
        "specialist_day"
    ]
    # A conflict dialog names an own kind as the office does, not by its stored key.
    own = next(k.key for k in kinds.event_kinds(db) if k.name == "Lesung")
    assert event_dialog._show_value("kind", own) == "Lesung"


def test_event_of_a_retired_kind_keeps_it_in_its_dialog(qtbot, db) -> None:
    import datetime as dt

    from patenbuero.services.plan.events import EventInput, create_event

    start = dt.datetime(2026, 3, 11, 16)
    meeting = create_event(
        db,
        EventInput("Vernetzungstreffen", "network_meeting", start, start + dt.timedelta(hours=2)),
    )
    row = next(r for r in ref.list_reference(db, ref.EVENT_KINDS) if r.name == "Vernetzungstreffen")
    ref.set_retired(db, ref.EVENT_KINDS, row.id, True)
    dialog = EventDialog(db, meeting)
    qtbot.addWidget(dialog)
    assert dialog.form.kind.currentText() == "Vernetzungstreffen (nicht mehr verwendet)"
    dialog.show()
    qtbot.keyClicks(dialog.form.title, " im April")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = get_event(db, meeting)
    assert (saved.title, saved.kind) == ("Vernetzungstreffen im April", "network_meeting")
