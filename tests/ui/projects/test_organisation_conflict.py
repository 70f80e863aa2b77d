"""Träger edited on two PCs at once: the conflict dialog, driven by clicks."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from patenbuero.services.projects.organisations import (
    input_from_row,
    list_organisations,
    save_organisation,
)
from patenbuero.ui.projects.organisations_page import OrganisationsPage
from tests.helpers.conflicts import CHOICES, answer, expected, no_second_dialog, save_on_other_pc


def _stored(db, organisation_id: int) -> dict[str, str]:
    row = next(r for r in list_organisations(db) if r.id == organisation_id)
    return {"kind": row.kind, "address": row.address, "website": row.website}


@pytest.mark.parametrize("choice", CHOICES)
def test_organisation_saved_meanwhile_on_another_pc(qtbot, demo_db, monkeypatch, choice) -> None:
    page = OrganisationsPage(demo_db)
    qtbot.addWidget(page)
    page.refresh()
    row = list_organisations(demo_db)[0]
    assert page.list.select_row_id(row.id) and page.name.text() == row.name
    original = _stored(demo_db, row.id)
    kind = "stiftung" if row.kind != "stiftung" else "verein"
    theirs = {"kind": kind, "address": "Große Ulrichstraße 1, 06108 Halle"}
    mine = {"address": "Leipziger Straße 5, 06108 Halle", "website": "www.traeger-neu.de"}

    def other_pc_saves(other) -> None:
        seen_there = next(r for r in list_organisations(other) if r.id == row.id)
        save_organisation(other, row.id, replace(input_from_row(seen_there), **theirs))

    save_on_other_pc(demo_db, other_pc_saves)
    page.address.clear()
    qtbot.keyClicks(page.address, mine["address"])
    page.website.clear()
    qtbot.keyClicks(page.website, mine["website"])
    seen: dict = {}
    answer(qtbot, choice, "address", seen)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert seen["fields"] == ["kind", "address", "website"]
    assert seen["theirs_preselected"] == ["kind"]  # only the other PC changed it
    want = expected(choice, original, mine, theirs)
    assert _stored(demo_db, row.id) == want
    assert page.address.text() == want["address"]  # the form shows what is stored

    opened = no_second_dialog(monkeypatch)
    page.website.clear()
    qtbot.keyClicks(page.website, "www.noch-einmal.de")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not opened and _stored(demo_db, row.id)["website"] == "www.noch-einmal.de"
