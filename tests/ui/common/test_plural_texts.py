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
