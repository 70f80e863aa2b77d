"""Counts in the window read as German: "1 Projekt", "alle 1 Monat", "alle 2 Wochen"."""

from PySide6.QtCore import Qt

from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.recurrence_dialog import RecurrenceDialog


def test_list_counts_use_singular_and_plural(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    listing = window.projects_tab.list
    assert listing.count_label.text().endswith("Projekte")
    listing.set_rows(listing.model.rows()[:1])
    assert listing.count_label.text() == "1 Projekt"


def test_recurrence_interval_says_monat_or_monate(qtbot, db) -> None:
    dialog = RecurrenceDialog(db, 2027)
    qtbot.addWidget(dialog)
    dialog.interval.setValue(1)
    assert dialog.interval.text() == "alle 1 Monat"
    qtbot.keyClick(dialog.interval, Qt.Key.Key_Up)
    assert dialog.interval.text() == "alle 2 Monate"
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    assert dialog.interval.text() == "alle 2 Wochen"


def test_retention_periods_say_jahr_or_jahre(qtbot, db) -> None:
    from patenbuero.ui.privacy.view import PrivacyView

    view = PrivacyView(db)
    qtbot.addWidget(view)
    box = view.inquiries_years
    box.setValue(2)
    assert box.text() == "2 Jahre"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.text() == "1 Jahr"
    assert "(e)" not in view.funded_years.text()


def test_blank_rows_say_leerzeile_or_leerzeilen(qtbot) -> None:
    from patenbuero.ui.printing.document_options import DocumentOptions

    options = DocumentOptions()
    qtbot.addWidget(options)
    options.blank_rows.setValue(1)
    assert options.blank_rows.text() == "1 Leerzeile"
    qtbot.keyClick(options.blank_rows, Qt.Key.Key_Up)
    assert options.blank_rows.text() == "2 Leerzeilen"
