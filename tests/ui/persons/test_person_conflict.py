"""A person's data corrected on two PCs at once: the conflict dialog, driven by clicks."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from patenbuero.db.enums import SubjectKind
from patenbuero.services.privacy.directory import list_people
from patenbuero.services.privacy.editing import PersonFields, update_subject
from patenbuero.services.privacy.page import person_page
from patenbuero.ui.persons.tab import PersonsTab
from tests.helpers.conflicts import (
    CHOICES,
    MERGED,
    answer,
    expected,
    no_second_dialog,
    save_on_other_pc,
)
from tests.helpers.screenshots import screenshot


def _fields(db, ref) -> PersonFields:
    page = person_page(db, ref)
    e = page.entry
    return PersonFields(e.first_name, e.last_name, e.email, e.phone, e.organisation, page.remarks)


def _stored(db, ref) -> dict[str, str]:
    fields = _fields(db, ref)
    return {"phone": fields.phone, "organisation": fields.organisation, "remarks": fields.remarks}


@pytest.mark.parametrize("choice", CHOICES)
def test_person_saved_meanwhile_on_another_pc(
    qtbot, demo_db, monkeypatch, tmp_path, choice
) -> None:
    tab = PersonsTab(demo_db)
    qtbot.addWidget(tab)
    tab.resize(1200, 720)
    tab.show()
    qtbot.keyClicks(tab.search, "thiele")
    row = next(n for n in range(tab.model.rowCount()) if tab.model.ref_at(n).kind == "person")
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ref = tab.model.ref_at(row)
    assert ref.kind == SubjectKind.PERSON.value and "Thiele" in tab.page.title.text()
    original = _stored(demo_db, ref)
    theirs = {"phone": "0345 1111111", "organisation": "Lesewelt Halle"}
    mine = {"organisation": "Freiwilligen-Agentur Halle", "remarks": "kommt mit Rollstuhl"}
    save_on_other_pc(
        demo_db, lambda other: update_subject(other, ref, replace(_fields(other, ref), **theirs))
    )
    tab.page.organisation.clear()
    qtbot.keyClicks(tab.page.organisation, mine["organisation"])
    tab.page.remarks.clear()
    qtbot.keyClicks(tab.page.remarks, mine["remarks"])
    seen: dict = {}
    picture = screenshot("konflikt-person.png", tmp_path) if choice == MERGED else ""
    answer(qtbot, choice, "organisation", seen, picture)
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)

    assert seen["fields"] == ["phone", "organisation", "remarks"]
    assert seen["theirs_preselected"] == ["phone"]
    want = expected(choice, original, mine, theirs)
    assert _stored(demo_db, ref) == want
    assert tab.page.organisation.text() == want["organisation"]
    assert any(e.ref == ref for e in list_people(demo_db, "thiele"))

    opened = no_second_dialog(monkeypatch)
    tab.page.phone.clear()
    qtbot.keyClicks(tab.page.phone, "0345 7777777")
    qtbot.mouseClick(tab.page.save_button, Qt.MouseButton.LeftButton)
    assert tab.page.error.text() == "Gespeichert."
    assert not opened and _stored(demo_db, ref)["phone"] == "0345 7777777"
