"""Long work runs in a worker thread; the progress dialog shows it and Abbrechen stops it."""

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QPushButton

from patenbuero.errors import Cancelled, UserError
from patenbuero.ui.common.background import run_with_progress, start_in_background


def _click_cancel_when_shown(qtbot, seen: list[str]) -> None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    shown = [d for d in dialogs if d.isVisible() and d.value() > 0]
    if not shown:
        QTimer.singleShot(20, lambda: _click_cancel_when_shown(qtbot, seen))
        return
    seen.append(shown[0].labelText())
    button = shown[0].findChild(QPushButton)
    assert button.text() == "Abbrechen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_abbrechen_stops_the_work_at_its_next_report(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    threads: list[threading.Thread] = []
    reports: list[int] = []

    def endless(progress) -> str:  # stands for a backup of a large database
        threads.append(threading.current_thread())
        for done in range(1, 100_000):
            reports.append(done)
            if not progress(done, 100_000):
                raise Cancelled("Abgebrochen.")
            time.sleep(0.005)
        return "fertig"

    seen: list[str] = []
    QTimer.singleShot(0, lambda: _click_cancel_when_shown(qtbot, seen))
    with pytest.raises(Cancelled):
        run_with_progress(window, "Datensicherung wird geschrieben …", endless)
    assert seen == ["Datensicherung wird geschrieben …"]
    assert threads[0] is not threading.main_thread()
    assert 1 < len(reports) < 100_000


def test_result_and_errors_come_back_to_the_caller(qtbot) -> None:
    assert run_with_progress(None, "…", lambda progress: progress(1, 1) and 42) == 42
    with pytest.raises(UserError, match="Platte voll"):
        run_with_progress(None, "…", lambda _p: (_ for _ in ()).throw(UserError("Platte voll.")))
    with pytest.raises(UserError, match="unerwarteter Fehler"):
        run_with_progress(None, "…", lambda _p: 1 / 0)


def test_work_without_a_dialog_reports_on_the_gui_thread(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    answers: list[tuple[object, object, bool]] = []

    def done(result, error) -> None:
        answers.append((result, error, QThread.currentThread() is window.thread()))

    start_in_background(window, lambda: threading.current_thread().name, done)
    qtbot.waitUntil(lambda: bool(answers))
    result, error, on_gui_thread = answers[0]
    assert error is None and on_gui_thread
    assert result != threading.main_thread().name


def test_step_labels_and_work_that_cannot_be_stopped(qtbot) -> None:
    """Printing on a real printer: "Seite X von Y", and no Abbrechen to click."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[str, int]] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        shown = [d for d in dialogs if d.isVisible() and d.value() > 0]
        if not shown:
            QTimer.singleShot(20, look)
            return
        seen.append((shown[0].labelText(), len(shown[0].findChildren(QPushButton))))

    def pages(progress) -> int:
        for done in range(40):
            progress(done, 40)
            time.sleep(0.02)
        return 40

    QTimer.singleShot(0, look)
    result = run_with_progress(
        window,
        "Das Dokument wird gedruckt …",
        pages,
        step_label=lambda done, total: f"Seite {done + 1} von {total}",
        cancellable=False,
    )
    assert result == 40
    assert seen and seen[0][0].startswith("Seite ") and seen[0][0].endswith(" von 40")
    assert seen[0][1] == 0  # no Abbrechen
