"""The Personen tab as a user drives it: search, edit, record a consent, erase."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from patenbuero.services.privacy.directory import list_people
from patenbuero.ui.persons.tab import PersonsTab

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def test_search_edit_consent_and_erase(qtbot, demo_db, monkeypatch) -> None:
    tab = PersonsTab(demo_db)
    qtbot.addWidget(tab)
    tab.resize(1200, 720)
    tab.show()
    qtbot.keyClicks(tab.search, "thiele")
    assert tab.model.rowCount() >= 1
    rect = tab.table.visualRect(tab.model.index(0, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Thiele" in tab.page.title.text()
    ref = tab.model.row_at(0).ref

    tab.page.email.clear()
    qtbot.keyClicks(tab.page.email, "kein-at-zeichen")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    assert tab.page.error.text() and tab.page.error.text() != "Gespeichert."
    tab.page.email.clear()
    qtbot.keyClicks(tab.page.email, "f.thiele@example.org")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    assert tab.page.error.text() == "Gespeichert."
    assert any(e.email == "f.thiele@example.org" for e in list_people(demo_db, "thiele"))

    tab.page.purpose.setCurrentIndex(2)  # Fotos
    qtbot.mouseClick(tab.page.consent_button, Qt.MouseButton.LeftButton)
    assert "Fotos bei Veranstaltungen" in tab.page.linked.toPlainText()
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SHOTS / "06-personen.png"))

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(tab.page.erase_button, Qt.MouseButton.LeftButton)
    assert "Es wird gelöscht" in asked[0]
    assert all(e.ref != ref for e in list_people(demo_db, ""))
