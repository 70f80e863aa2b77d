"""The Druck tab: choose, preview off the GUI thread, save and print."""

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from patenbuero.ui.main_window import MainWindow
from tests.pdf.pdf_readback import page_count


def preview(qtbot, tab) -> None:
    with qtbot.waitSignal(tab.builder.ready, timeout=20000):
        tab.update_preview()


def test_preview_save_and_print_an_attendance_list(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.print_tab
    tab.select_document("teilnehmerliste")
    preview(qtbot, tab)
    assert tab.result is not None and tab.save_button.isEnabled()
    assert tab.preview.page_count() == page_count(tab.result.pdf) >= 1
    target = tmp_path / "liste.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.save_pdf()
    assert target.read_bytes() == tab.result.pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "gedruckt.pdf"
    printer.setOutputFileName(str(printed))
    pages = tab.print_document(printer)
    assert pages == page_count(tab.result.pdf)
    assert page_count(Path(printed).read_bytes()) == pages


def test_document_without_data_explains_itself(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    tab = window.print_tab
    tab.select_document("namensschilder")
    with qtbot.waitSignal(tab.builder.failed, timeout=20000) as failure:
        tab.update_preview()
    assert "Veranstaltung" in failure.args[0]
    assert tab.preview_hint.isVisible() or tab.preview_hint.text() == failure.args[0]
    assert not tab.print_button.isEnabled()


def test_options_follow_the_document(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.print_tab
    window.show()
    window.tabs.setCurrentWidget(tab)
    tab.select_document("namensschilder")
    assert tab.options.sheet.isVisible() and tab.offset.isVisible()
    assert not tab.options.edit_funding.isVisible()
    tab.select_document("teilnehmerliste")
    assert tab.options.edit_funding.isVisible() and not tab.offset.isVisible()


def test_project_cards_only_for_ticked_projects(qtbot, demo_db) -> None:
    from PySide6.QtCore import Qt

    from tests.pdf.pdf_readback import pdftotext_pages

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.print_tab
    tab.select_document("projektkarten")
    items = tab.options._project_items()
    for item in items[3:]:
        item.setCheckState(Qt.CheckState.Unchecked)
    preview(qtbot, tab)
    text = " ".join(pdftotext_pages(tab.result.pdf))
    assert page_count(tab.result.pdf) == 1
    assert items[0].text() in text and items[5].text() not in text
    for item in items:
        item.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(tab.builder.failed, timeout=20000) as failure:
        tab.update_preview()
    assert "mindestens ein Projekt" in failure.args[0]
