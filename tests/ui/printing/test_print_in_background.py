"""Drucken … renders the pages in a worker thread: "Seite X von Y", every page printed,
and Abbrechen (printing into a file) leaves no file and no partial job."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton

from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.printing.pdf_pages import PdfPages
from tests.helpers.screenshots import screenshot
from tests.pdf.pdf_readback import page_count, pdftotext_pages

HELD_AT_PAGE = 3


class _PrintToFile:
    """Stands for the print dialog in which the user chose "Print to file (PDF)"."""

    target: Path

    def __init__(self, printer: QPrinter, _parent) -> None:
        self._printer = printer

    def exec(self) -> int:
        self._printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self._printer.setOutputFileName(str(self.target))
        self._printer.setResolution(100)  # a draft: the same path, faster pages
        return QDialog.DialogCode.Accepted


@pytest.fixture
def held_at_a_page(monkeypatch):
    """The worker waits before page HELD_AT_PAGE until released."""
    release = threading.Event()
    from patenbuero.ui.printing import tab

    real = tab.print_pdf

    def print_held(data, printer, progress):
        def held(done: int, total: int) -> bool:
            go_on = progress(done, total)  # the dialog says "Seite HELD_AT_PAGE von …"
            if done == HELD_AT_PAGE - 1:
                release.wait(30)
                go_on = progress(done, total)  # asks again: Abbrechen clicked meanwhile?
            return go_on

        return real(data, printer, held)

    monkeypatch.setattr(tab, "print_pdf", print_held)
    return release


def _later(condition, then, polls: int = 3000) -> None:
    """Call ``then(found)`` once ``condition()`` finds something; gives up after a minute
    (the held page is then released by its own timeout and the assertions fail)."""

    def poll(left: int) -> None:
        found = condition()
        if found:
            then(found)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(20, lambda: poll(polls))


def _page_dialog():
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QProgressDialog)
            and widget.isVisible()
            and f"Seite {HELD_AT_PAGE} von" in widget.labelText()
        ):
            return widget
    return None


def _project_cards_previewed(qtbot, db, tmp_path, monkeypatch):
    target = tmp_path / "gedruckt.pdf"
    monkeypatch.setattr(_PrintToFile, "target", target, raising=False)
    monkeypatch.setattr("patenbuero.ui.printing.tab.QPrintDialog", _PrintToFile)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    tab = window.print_tab
    window.tabs.setCurrentWidget(tab)
    item = next(
        tab.documents.item(row)
        for row in range(tab.documents.count())
        if tab.documents.item(row).data(Qt.ItemDataRole.UserRole) == "projektkarten"
    )
    with qtbot.waitSignal(tab.builder.ready, timeout=30000):
        qtbot.mouseClick(
            tab.documents.viewport(),
            Qt.MouseButton.LeftButton,
            pos=tab.documents.visualItemRect(item).center(),
        )
    qtbot.waitUntil(lambda: tab.print_button.isEnabled())
    return window, tab, target


def test_drucken_prints_every_page_in_the_background(
    qtbot, demo_db, tmp_path, monkeypatch, held_at_a_page
) -> None:
    _window, tab, target = _project_cards_previewed(qtbot, demo_db, tmp_path, monkeypatch)
    expected = page_count(tab.result.pdf)
    assert expected >= 5
    seen: list[str] = []

    def look_and_release(progress: QProgressDialog) -> None:
        seen.append(progress.labelText())
        progress.grab().save(screenshot("drucken-fortschritt.png", tmp_path))
        held_at_a_page.set()

    _later(_page_dialog, look_and_release)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)

    assert seen == [f"Seite {HELD_AT_PAGE} von {expected} wird gedruckt …"]
    assert tab.status.text() == f"{expected} Seiten an den Drucker geschickt."
    printed = target.read_bytes()
    assert len(pdftotext_pages(printed)) == page_count(printed) == expected
    assert target.stat().st_mode & 0o077 == 0  # personal data: readable by the user only
    pages = PdfPages(printed)
    try:  # the last page carries the card, not a blank sheet
        last = pages.render(expected - 1, 0.3)
        inked = [
            last.pixelColor(x, y).lightness() < 128
            for x in range(0, last.width(), 2)
            for y in range(0, last.height(), 2)
        ]
        assert any(inked)
    finally:
        pages.close()
    assert [p.name for p in tmp_path.iterdir() if "unfertig" in p.name] == []


def test_abbrechen_while_printing_into_a_file_leaves_no_partial_job(
    qtbot, demo_db, tmp_path, monkeypatch, held_at_a_page
) -> None:
    _window, tab, target = _project_cards_previewed(qtbot, demo_db, tmp_path, monkeypatch)
    target.write_bytes(b"ein frueherer Ausdruck")

    def click_abbrechen(progress: QProgressDialog) -> None:
        button = progress.findChild(QPushButton)
        assert button.text() == "Abbrechen"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        progress.grab().save(screenshot("drucken-abbrechen.png", tmp_path))
        held_at_a_page.set()

    _later(_page_dialog, click_abbrechen)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)

    assert tab.status.text() == "Der Druck wurde abgebrochen; es wurde nichts gedruckt."
    assert target.read_bytes() == b"ein frueherer Ausdruck"  # untouched, no partial pages
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or "unf" in p.name) == [
        "gedruckt.pdf"
    ]


def test_a_real_printer_is_not_offered_abbrechen() -> None:
    from patenbuero.ui.printing.printer_output import can_stop

    to_file = QPrinter()
    to_file.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    to_file.setOutputFileName("/tmp/x.pdf")
    assert can_stop(to_file)
    assert not can_stop(QPrinter())  # a job sent halfway cannot be taken back
