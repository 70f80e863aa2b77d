"""The window says that another workplace is changing the data while a save waits."""

from __future__ import annotations

import threading

from patenbuero.db import lock_wait
from patenbuero.services.core.database import open_database
from patenbuero.services.registrations import booking
from patenbuero.services.registrations.use_cases import register_person
from patenbuero.ui.main_window import MainWindow
from tests.helpers.persons import add_event, person
from tests.helpers.screenshots import screenshot


def test_a_save_that_waits_shows_the_notice_and_then_succeeds(db, qtbot, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    other_pc = open_database(str(db.location.path))
    held, release = threading.Event(), threading.Event()
    seen: list[str] = []

    def long_import() -> None:
        with other_pc.unit_of_work() as session:
            booking.lock_event(session, event_id)
            held.set()
            release.wait(30)

    def look_while_waiting(seconds: float) -> None:
        if seconds >= 0.6 and not seen:
            seen.append(window.lock_wait_notice.label.text())
            window.grab().save(screenshot("warten-auf-anderen-arbeitsplatz.png", tmp_path))
            release.set()

    lock_wait.set_limits(slice_seconds=0.2, max_seconds=30)
    lock_wait.add_listener(look_while_waiting)
    worker = threading.Thread(target=long_import)
    worker.start()
    try:
        held.wait(10)
        outcome = register_person(db, event_id, person("Zofia", "Nowak", "zofia@example.org"))
    finally:
        release.set()
        worker.join(10)
        lock_wait.remove_listener(look_while_waiting)
        lock_wait.set_limits()
        other_pc.dispose()

    assert outcome.status == "confirmed"
    assert seen and "anderen Arbeitsplatz" in seen[0] and "bitte einen Moment" in seen[0]
    assert not window.lock_wait_notice.label.isHidden()  # still shown right after the wait
    qtbot.waitUntil(window.lock_wait_notice.label.isHidden, timeout=5000)
