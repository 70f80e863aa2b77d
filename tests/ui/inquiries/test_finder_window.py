"""The Projektfinder driven by keyboard only, as at the info stand; leaving needs staff."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from patenbuero.services.inquiries.use_cases import list_inquiries
from patenbuero.ui.inquiries.finder_window import ProjectFinder
from tests.pdf.pdf_readback import page_count, pdftotext_pages

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def finder(qtbot, demo_db):
    widget = ProjectFinder(demo_db)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tab_to(qtbot, window: QWidget, target: QWidget, backwards: bool = False) -> None:
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(60):
        if window.focusWidget() is target:
            return
        qtbot.keyClick(window.focusWidget() or window, key)
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def shot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / f"projektfinder-{name}.png"))


def test_a_visit_by_keyboard_from_interests_to_handout_and_contact(qtbot, finder, demo_db) -> None:
    buttons = finder.findChildren(QPushButton)
    assert all(b.height() >= 48 for b in buttons if b.isVisible())
    first = finder.group_buttons.buttons()[0]
    assert finder.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked()
    shot(finder, "1-auswahl")
    tab_to(qtbot, finder, finder.show_button)
    qtbot.keyClick(finder.show_button, Qt.Key.Key_Space)
    assert finder.pages.currentIndex() == 1 and finder.projects
    assert all(first.text() in p.target_groups for p in finder.projects)
    shot(finder, "2-projekte")

    printed: list[bytes] = []
    finder.printer = lambda data: printed.append(data) or 1
    assert finder.focusWidget() is finder.print_button
    qtbot.keyClick(finder.print_button, Qt.Key.Key_Space)
    assert len(printed) == 1 and page_count(printed[0]) == 1
    handout = pdftotext_pages(printed[0])[0]
    assert finder.projects[0].name.split()[0] in handout
    assert finder.message.text() == "Ihr Handzettel wird gedruckt."

    tab_to(qtbot, finder, finder.contact_button, backwards=True)
    qtbot.keyClick(finder.contact_button, Qt.Key.Key_Space)
    assert finder.focusWidget() is finder.name
    qtbot.keyClicks(finder.name, "Sebnem Yilmaz")  # QTest types ASCII only here
    qtbot.keyClick(finder.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(finder.email, "sebnem@example.org")
    before = len(list_inquiries(demo_db))
    tab_to(qtbot, finder, finder.send_button)
    qtbot.keyClick(finder.send_button, Qt.Key.Key_Space)
    assert "Einverständnis" in finder.error.text()
    assert len(list_inquiries(demo_db)) == before
    tab_to(qtbot, finder, finder.consent, backwards=True)
    qtbot.keyClick(finder.consent, Qt.Key.Key_Space)
    shot(finder, "3-kontakt")
    tab_to(qtbot, finder, finder.send_button)
    qtbot.keyClick(finder.send_button, Qt.Key.Key_Space)
    assert finder.pages.currentIndex() == 3
    shot(finder, "4-danke")
    rows = list_inquiries(demo_db)
    assert len(rows) == before + 1
    new = next(r for r in rows if r.name == "Sebnem Yilmaz")
    assert first.text() in new.message or new.target_group == first.text()

    # The next visitor sees nothing of this one.
    qtbot.keyClick(finder.focusWidget(), Qt.Key.Key_Space)
    assert finder.pages.currentIndex() == 0
    assert not any(b.isChecked() for b in finder.group_buttons.buttons())
    assert finder.name.text() == finder.email.text() == ""
    assert not finder.consent.isChecked() and finder.projects == []


def test_leaving_needs_the_key_combination_and_a_confirmation(qtbot, finder) -> None:
    answers = [False, True]
    asked = []

    def confirm(parent):
        asked.append(parent)
        return answers.pop(0)

    finder.confirm_leave = confirm
    finder.close()  # a visitor's Alt+F4
    assert finder.isVisible() and not asked
    qtbot.keyClick(finder.focusWidget(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert finder.isVisible() and not asked
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(finder.focusWidget(), Qt.Key.Key_Q, mods)
    assert len(asked) == 1 and finder.isVisible()
    qtbot.keyClick(finder.focusWidget(), Qt.Key.Key_Q, mods)
    assert len(asked) == 2 and not finder.isVisible()
