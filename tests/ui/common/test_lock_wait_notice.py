"""The window says that another workplace is changing the data while a save waits."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from patenbuero.db import lock_wait
from patenbuero.services.core.database import open_database
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.ui.main_window import MainWindow
from tests.helpers.databases import target_of
from tests.helpers.screenshots import screenshot


@pytest.fixture
def other_pc_writing(db) -> Iterator[tuple[Callable[[], None], threading.Event]]:
    """``start()`` begins another workplace's long import; set the event to end it."""
    other_pc = open_database(target_of(db))
    held, release = threading.Event(), threading.Event()

    def long_import() -> None:
        with other_pc.unit_of_work():
            held.set()
            release.wait(30)

    worker = threading.Thread(target=long_import)

    def start() -> None:
        worker.start()
        held.wait(10)

    yield start, release
    release.set()
    if worker.is_alive():
        worker.join(10)
    other_pc.dispose()
    lock_wait.set_limits()


def _window_on_project(db, qtbot) -> tuple[MainWindow, int]:
    project_id = save_project(db, None, ProjectInput(name="Lesewelt Halle"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    tab = window.projects_tab
    tab.refresh()
    tab.open_project(project_id)
    qtbot.keyClicks(tab.form.lines["phone"], "0345 6781234")
    return window, project_id


@pytest.mark.sqlite_only("another PC holds the SQLite file's write lock")
def test_a_save_that_waits_shows_the_notice_and_then_succeeds(
    db, qtbot, tmp_path, other_pc_writing
) -> None:
    start, release = other_pc_writing
    window, project_id = _window_on_project(db, qtbot)
    start()
    seen: list[str] = []

    def look_while_waiting(seconds: float) -> None:
        if seconds >= 0.6 and not seen:
            seen.append(window.lock_wait_notice.label.text())
            window.grab().save(screenshot("warten-auf-anderen-arbeitsplatz.png", tmp_path))
            release.set()  # the other workplace's import ends

    lock_wait.set_limits(slice_seconds=0.2, max_seconds=30)
    lock_wait.add_listener(look_while_waiting)
    try:
        qtbot.mouseClick(window.projects_tab.form.save_button, Qt.MouseButton.LeftButton)
    finally:
        lock_wait.remove_listener(look_while_waiting)

    assert seen and "anderen Arbeitsplatz" in seen[0] and "bitte einen Moment" in seen[0]
    assert projects.get_project(db, project_id).phone == "0345 6781234"
    assert not window.projects_tab.form.is_dirty
    assert not window.lock_wait_notice.label.isHidden()  # still shown right after the wait
    qtbot.waitUntil(window.lock_wait_notice.label.isHidden, timeout=5000)


@pytest.mark.sqlite_only("another PC holds the SQLite file's write lock")
def test_waiting_too_long_says_so_in_the_form_and_keeps_the_edit(
    db, qtbot, tmp_path, other_pc_writing
) -> None:
    start, _release = other_pc_writing
    window, project_id = _window_on_project(db, qtbot)
    start()
    lock_wait.set_limits(slice_seconds=0.2, max_seconds=0.8)
    qtbot.mouseClick(window.projects_tab.form.save_button, Qt.MouseButton.LeftButton)

    form = window.projects_tab.form
    message = form.error_text("name")
    assert "anderen Arbeitsplatz" in message and "nichts gespeichert" in message
    assert form.is_dirty and form.lines["phone"].text() == "0345 6781234"
    assert projects.get_project(db, project_id).phone == ""
    window.grab().save(screenshot("zu-lange-gewartet.png", tmp_path))
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)  # closes without asking
    assert not form.is_dirty
