"""The Personen tab as a user drives it: search, edit, record a consent, erase."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from patenbuero.services.privacy.directory import list_people
from patenbuero.ui.persons.tab import PersonsTab


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
    ref = tab.model.ref_at(0)

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
    qtbot.mouseClick(tab.page.withdraw_button, Qt.MouseButton.LeftButton)
    assert tab.page.error.text() == "Widerruf erfasst."
    assert "widerrufen am" in tab.page.linked.toPlainText()
    qtbot.mouseClick(tab.page.withdraw_button, Qt.MouseButton.LeftButton)
    assert "keine Einwilligung" in tab.page.error.text()  # nothing left to withdraw

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(tab.page.erase_button, Qt.MouseButton.LeftButton)
    assert "Es wird gelöscht" in asked[0]
    assert all(e.ref != ref for e in list_people(demo_db, ""))


def test_merge_two_entries_from_the_person_page(qtbot, db, monkeypatch) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QInputDialog

    from patenbuero.services.registrations.attendance import set_attendance
    from patenbuero.services.registrations.use_cases import list_registrations, register_person
    from tests.helpers.persons import add_event, person

    event_id = add_event(
        db,
        capacity=2,
        starts_at=dt.datetime(2027, 5, 1, 9),
        ends_at=dt.datetime(2027, 5, 1, 12),
    )
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    dup = register_person(db, event_id, person("Juergen", "Mueller", "j.m@example.org"))
    register_person(db, event_id, person("Ayşe", "Demir", "ad@example.org"))
    set_attendance(db, dup.registration_id, True)
    tab = PersonsTab(db)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.keyClicks(tab.search, "jm@example")
    rect = tab.table.visualRect(tab.model.index(0, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    offered = []

    def choose(_parent, _title, _label, items, *_args):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.page.merge_button, Qt.MouseButton.LeftButton)
    assert offered and offered[0].startswith(f"P{dup.person_id} Juergen Mueller")
    assert tab.page.error.text() == "Zusammengeführt."
    rows = list_registrations(db, event_id)
    mine = next(r for r in rows if r.last_name == "Müller")
    assert mine.attended is True  # the check-in of the merged entry survived
    assert next(r for r in rows if r.last_name == "Demir").status == "confirmed"


def test_participant_page_shows_registrations_and_purposes(qtbot, demo_db) -> None:
    tab = PersonsTab(demo_db)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    qtbot.keyClicks(tab.search, "Mueller")  # finds Müller too
    row = next(i for i in range(tab.model.rowCount()) if str(tab.model.ref_at(i)).startswith("P"))
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tab.page.purpose.setCurrentIndex(2)  # Fotos
    tab.page.basis.setCurrentIndex(3)  # abgelehnt
    qtbot.mouseClick(tab.page.consent_button, Qt.MouseButton.LeftButton)
    text = tab.page.linked.toPlainText()
    assert "Stand je Zweck" in text and "Vertrag (Anmeldung)" in text
    assert "Fotos bei Veranstaltungen: abgelehnt" in text


def test_erase_dialog_names_the_restriction_date_for_a_funded_event(qtbot, db, monkeypatch) -> None:
    import datetime as dt

    from patenbuero.services.registrations.use_cases import register_person
    from tests.helpers.persons import add_event, fund, person

    start = dt.datetime(2025, 3, 4, 17, 0)
    event_id = add_event(db, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    fund(db, event_id, "Stadt Halle (Saale)")
    register_person(db, event_id, person("Zoë", "Łukasiewicz", "zl@example.org"), now=start)
    tab = PersonsTab(db)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.keyClicks(tab.search, "Lukasiewicz")
    rect = tab.table.visualRect(tab.model.index(0, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(tab.page.erase_button, Qt.MouseButton.LeftButton)
    assert "bis 31.12.2030 eingeschränkt" in asked[0]
    assert "eingeschränkt" in tab.page.error.text() and "01.01.2031" in tab.page.error.text()
    assert tab.model.rowCount() == 0  # hidden from the list and the search


def _shown(tab: PersonsTab) -> list[tuple[str, str, str]]:
    model = tab.model
    return [
        (model.index(n, 0).data(), model.index(n, 1).data(), model.index(n, 2).data())
        for n in range(model.rowCount())
    ]


def test_typing_in_the_search_shows_what_list_people_finds_in_its_order(qtbot, demo_db) -> None:
    tab = PersonsTab(demo_db)
    qtbot.addWidget(tab)
    tab.show()
    everyone = list_people(demo_db, "")
    assert _shown(tab) == [(e.ref_text, e.last_name, e.first_name) for e in everyone]
    qtbot.keyClicks(tab.search, "muller")  # umlauts do not matter: Müller, Mueller
    found = list_people(demo_db, "muller")
    assert found and _shown(tab) == [(e.ref_text, e.last_name, e.first_name) for e in found]
    assert tab.count.text() in (f"{len(found)} Personen", "Eine Person")


def test_the_list_reads_only_the_pages_it_shows(qtbot, demo_db, monkeypatch) -> None:
    from patenbuero.ui.persons import people_model
    from patenbuero.ui.persons import tab as tab_module

    monkeypatch.setattr(people_model, "PAGE_ROWS", 20)  # the demo has 200 entries
    read: list[object] = []
    entries_for = tab_module.entries_for
    monkeypatch.setattr(
        tab_module, "entries_for", lambda db, refs: entries_for(db, read.extend(refs) or refs)
    )
    tab = PersonsTab(demo_db)
    qtbot.addWidget(tab)
    tab.resize(900, 300)
    tab.show()
    qtbot.waitExposed(tab)
    total = tab.model.rowCount()
    assert total > 40
    assert 0 < len(set(read)) < total / 2  # the rows on screen and the width sample
    last = tab.model.index(total - 1, 1)
    tab.table.scrollTo(last)
    qtbot.wait(10)
    assert tab.model.ref_at(total - 1) in read  # read when scrolled to
    assert last.data() == list_people(demo_db, "")[-1].last_name
