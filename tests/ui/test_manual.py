"""F1 opens the manual at the page of the current tab; the pages ship with the program."""

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from patenbuero.resource_files import resource_dir
from patenbuero.ui.main_window import MANUAL_PAGES, MainWindow


def test_f1_opens_the_page_of_the_current_tab(qtbot, demo_db, tmp_path) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(2)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F1)
    manual = window.manual
    assert manual is not None and manual.isVisible()
    assert manual.page() == "anmeldungen.html"
    assert manual.browser.documentTitle() == "Anmeldungen"
    picture = manual.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("bilder/anmeldungen.png")
    )
    assert picture is not None and not picture.isNull()
    assert manual.grab().save(str(tmp_path / "handbuch.png"))

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentIndex(3)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F1)
    assert manual.page() == "druck.html"
    assert "Druckerversatz" in manual.browser.toPlainText()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.privacy_view)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F1)
    assert manual.page() == "datenschutz.html"
    assert "Löschprotokoll" in manual.browser.toPlainText()
    manual.close()


def test_every_tab_has_a_page_and_every_link_and_picture_exists(qtbot, db) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    folder = resource_dir("manual")
    assert len(MANUAL_PAGES) == window.tabs.count()
    for page in ("index.html", *MANUAL_PAGES):
        text = (folder / page).read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"#:]+)"', text):
            assert (folder / target).is_file(), (page, target)
