"""The printer offset belongs to this PC: kept in QSettings, not in the shared database."""

from PySide6.QtCore import Qt

from patenbuero.services.printing.settings import (
    PrintSettings,
    load_print_settings,
    save_print_settings,
)
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.printing.printer_offset import PrinterOffset
from tests.pdf.pdf_readback import pdftotext_pages


def test_offset_is_saved_per_pc_and_the_database_keeps_its_value(qtbot, db) -> None:
    save_print_settings(db, PrintSettings(badge_offset_x_mm=1.5, badge_offset_y_mm=-0.5))
    box = PrinterOffset(db)
    qtbot.addWidget(box)
    box.load()
    assert box.values() == (1.5, -0.5)  # the old shared value is the first default
    box.offset_x.selectAll()
    qtbot.keyClicks(box.offset_x, "2,5")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert load_print_settings(db).badge_offset_x_mm == 1.5
    other = PrinterOffset(db)
    qtbot.addWidget(other)
    other.load()
    assert other.values() == (2.5, -0.5)


def test_calibration_page_uses_this_pcs_offset_and_names_where_to_set_it(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    tab = window.print_tab
    tab.offset.offset_x.setValue(3.0)
    tab.offset.save()
    tab.select_document("probedruck")
    with qtbot.waitSignal(tab.builder.ready, timeout=20000):
        tab.update_preview()
    text = " ".join(" ".join(pdftotext_pages(tab.result.pdf)).split())
    assert "im Reiter Druck, Feld Druckerversatz" in text
    assert "Einstellungen" not in text
    tab.shutdown()
