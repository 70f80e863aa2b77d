"""An Aufgabe edited on two PCs at once: the conflict dialog, driven by clicks."""

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from patenbuero.services.plan import tasks
from patenbuero.services.plan.use_cases import plan_choices
from patenbuero.ui.plan.task_dialog import TaskDialog
from tests.helpers.conflicts import (
    CHOICES,
    MERGED,
    answer,
    expected,
    no_second_dialog,
    save_on_other_pc,
)
from tests.helpers.screenshots import screenshot


def _row(db, task_id: int) -> tasks.TaskRow:
    return next(r for r in tasks.list_tasks(db) if r.id == task_id)


def _stored(db, task_id: int) -> dict[str, object]:
    row = _row(db, task_id)
    return {"title": row.title, "due_on": row.due_on, "done": row.done}


def _open(qtbot, db, task_id: int) -> TaskDialog:
    row = _row(db, task_id)
    dialog = TaskDialog(db, plan_choices(db), row.event_id, row)
    qtbot.addWidget(dialog)
    return dialog


def _save(qtbot, dialog: TaskDialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("choice", CHOICES)
def test_task_saved_meanwhile_on_another_pc(qtbot, demo_db, monkeypatch, tmp_path, choice) -> None:
    row = next(r for r in tasks.list_tasks(demo_db) if not r.done and r.due_on is not None)
    dialog = _open(qtbot, demo_db, row.id)
    original = _stored(demo_db, row.id)
    theirs = {
        "title": "Protokoll schreiben und verschicken",
        "due_on": row.due_on + dt.timedelta(7),
    }
    mine = {"title": "Protokoll schreiben", "done": True}
    save_on_other_pc(
        demo_db,
        lambda other: tasks.update_task(
            other, row.id, replace(tasks.input_from_row(_row(other, row.id)), **theirs)
        ),
    )
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, mine["title"])
    box = dialog.done_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.done_box.isChecked()
    seen: dict = {}
    picture = screenshot("konflikt-aufgabe.png", tmp_path) if choice == MERGED else ""
    answer(qtbot, choice, "title", seen, picture)
    _save(qtbot, dialog)

    assert seen["fields"] == ["title", "due_on", "done"]
    assert seen["theirs_preselected"] == ["due_on"]
    assert _stored(demo_db, row.id) == expected(choice, original, mine, theirs)
    assert dialog.result() == TaskDialog.DialogCode.Accepted

    opened = no_second_dialog(monkeypatch)
    again = _open(qtbot, demo_db, row.id)  # the task list opens it anew after a save
    again.title.clear()
    qtbot.keyClicks(again.title, "Protokoll fertig")
    _save(qtbot, again)
    assert not opened and _stored(demo_db, row.id)["title"] == "Protokoll fertig"
