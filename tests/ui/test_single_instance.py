"""A second start knocks on the first one's local socket; the first window comes forward."""

import pytest

from patenbuero.ui.single_instance import InstanceServer, bring_running_to_front

pytestmark = pytest.mark.sqlite_only("one app per SQLite file")


def test_second_start_brings_the_running_window_to_the_front(qtbot, tmp_path) -> None:
    database = tmp_path / "buero.sqlite3"
    woken: list[bool] = []
    server = InstanceServer(database, lambda: woken.append(True))
    assert bring_running_to_front(database)
    qtbot.waitUntil(lambda: woken == [True], timeout=3000)
    server.close()
    assert not bring_running_to_front(database, timeout_ms=200)
    assert not bring_running_to_front(tmp_path / "andere.sqlite3", timeout_ms=200)


def test_tell_already_running_says_so_and_wakes_the_first(qtbot, tmp_path, monkeypatch) -> None:
    from patenbuero.ui import app

    database = tmp_path / "buero.sqlite3"
    woken: list[bool] = []
    server = InstanceServer(database, lambda: woken.append(True))
    said: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "information", lambda _p, _t, text: said.append(text))
    app.tell_already_running(database, "Das Patenbüro läuft auf diesem PC schon.")
    qtbot.waitUntil(lambda: woken == [True], timeout=3000)
    assert said == [
        "Das Patenbüro läuft auf diesem PC schon. Das geöffnete Fenster wurde nach vorn geholt."
    ]
    server.close()
