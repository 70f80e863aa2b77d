"""The window fits a laptop screen and keeps what the user arranged across restarts."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSplitter

from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.tab import LIST
from patenbuero.ui.plan.year_overview import short_title

LAPTOP = QSize(1280, 720)


def test_every_tab_fits_1280_by_720(qtbot, demo_db, tmp_path: Path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height(), hint
    for number in range(window.tabs.count()):
        window.tabs.setCurrentIndex(number)
        qtbot.wait(10)
        assert window.size() == LAPTOP
        tab_hint = window.tabs.currentWidget().minimumSizeHint()
        assert tab_hint.width() <= LAPTOP.width(), (number, tab_hint)
        assert window.grab().save(str(tmp_path / f"tab{number}.png"))
    overview = window.plan_tab.overview
    assert overview.minimumWidth() < LAPTOP.width() - 100


def test_overview_titles_drop_what_the_label_already_says() -> None:
    assert short_title("Vernetzungstreffen März 2026") == "März"
    assert short_title("Fortbildung für Koordinator:innen: Fundraising") == "Fundraising"
    assert (
        short_title("Modul 2: Kommunikation, Nähe und Distanz") == "Kommunikation, Nähe und Distanz"
    )
    assert (
        short_title("Dankeschön-Abend für alle Pat:innen") == "Dankeschön-Abend für alle Pat:innen"
    )


def _arrange(window: MainWindow) -> dict:
    projects, plan = window.projects_tab, window.plan_tab
    projects.pages.setCurrentIndex(2)
    projects.status_filter.setCurrentIndex(projects.status_filter.findData("left"))
    plan.year.setValue(2027)
    plan.views.button(LIST).click()
    plan.kind_filter.setCurrentIndex(plan.kind_filter.findData("info_stand"))
    header = plan.list.table.horizontalHeader()
    header.resizeSection(4, 333)
    header.moveSection(5, 1)
    plan.list.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    splitter = window.registrations_tab.findChild(QSplitter)
    splitter.setSizes([300, 900])
    window.tabs.setCurrentIndex(1)
    return {"splitter": splitter.sizes()}


def test_a_restart_finds_the_arranged_window_again(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    window.show()
    arranged = _arrange(window)
    window.close()

    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    again.show()
    projects, plan = again.projects_tab, again.plan_tab
    assert again.tabs.currentIndex() == 1
    assert projects.pages.currentIndex() == 2
    assert projects.status_filter.currentData() == "left"
    assert plan.year.value() == 2027
    assert plan.stack.currentIndex() == LIST and plan.views.button(LIST).isChecked()
    assert plan.kind_filter.currentData() == "info_stand"
    header = plan.list.table.horizontalHeader()
    assert header.sectionSize(4) == 333
    assert header.visualIndex(5) == 1
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        4,
        Qt.SortOrder.DescendingOrder,
    )
    assert again.registrations_tab.findChild(QSplitter).sizes() == arranged["splitter"]


def test_column_widths_stay_put_across_refreshes(qtbot, demo_db) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    table = window.projects_tab.list.table
    table.setColumnWidth(0, 123)
    table.setColumnWidth(1, 456)
    window.refresh_all()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert (table.columnWidth(0), table.columnWidth(1)) == (123, 456)
