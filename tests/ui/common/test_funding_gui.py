"""Fördermittelgeber in the GUI: the list dialog, the event dialog, the Druck tab."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from patenbuero.services.core.funders import get_event_funding, list_funders, save_funder
from patenbuero.services.plan import events
from patenbuero.ui.common import funding as funding_ui
from patenbuero.ui.common.funding import FundersDialog, FundingDialog
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.plan.event_dialog import EventDialog
from tests.helpers.persons import add_event


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (90, 30), (224, 122, 46)).save(buffer, "PNG")
    return buffer.getvalue()


def test_add_funder_with_logo_and_refuse_a_duplicate(qtbot, db, tmp_path, monkeypatch) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    dialog = FundersDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Stadt Halle (Saale)")
    monkeypatch.setattr(funding_ui, "open_file", lambda *a: str(logo))
    qtbot.mouseClick(dialog.choose_logo, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert [(r.name, r.has_logo) for r in list_funders(db)] == [("Stadt Halle (Saale)", True)]
    assert dialog.list.count() == 1
    dialog.grab().save(str(tmp_path / "foerderer.png"))
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "stadt halle (saale)")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert "schon als Fördermittelgeber" in dialog.error.text()
    assert len(list_funders(db)) == 1
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(funding_ui, "confirm", lambda *a: True)
    qtbot.mouseClick(dialog.delete, Qt.MouseButton.LeftButton)
    assert list_funders(db) == []


def test_event_dialog_stores_funding_and_internal_note(qtbot, db) -> None:
    funder = save_funder(db, None, "Aktion Mensch")
    event_id = add_event(db)
    dialog = EventDialog(db, event_id)
    qtbot.addWidget(dialog)
    fields = dialog.form.funding
    fields.funder.setCurrentIndex(fields.funder.findData(funder))
    qtbot.keyClicks(fields.measure, "Inklusive Patenschaften")
    qtbot.keyClicks(fields.code, "AM-2026-55")
    fields.units.setValue(3.5)
    qtbot.keyClicks(dialog.form.internal_note, "Catering bestellt")
    dialog.save()
    assert dialog.result()
    stored = events.get_event(db, event_id)
    assert (stored.funder_id, stored.funding_measure, stored.funding_code) == (
        funder,
        "Inklusive Patenschaften",
        "AM-2026-55",
    )
    assert stored.teaching_units == 3.5 and stored.internal_note == "Catering bestellt"


def test_print_tab_edits_the_funding_of_the_chosen_event(qtbot, demo_db, monkeypatch) -> None:
    funder = save_funder(demo_db, None, "Stadt Halle (Saale)")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    tab = window.print_tab
    window.show()
    window.tabs.setCurrentWidget(tab)
    tab.select_document("teilnehmerliste")
    event_id = tab.options.event_choice.currentData()
    assert tab.options.funding_label.text() == "Keine Förderung eingetragen."

    def fill_and_save(dialog: FundingDialog) -> int:
        dialog.fields.funder.setCurrentIndex(dialog.fields.funder.findData(funder))
        qtbot.keyClicks(dialog.fields.code, "FB-2026-0417")
        dialog._accept()
        return QDialog.DialogCode.Accepted.value if dialog.result() else 0

    monkeypatch.setattr(FundingDialog, "exec", fill_and_save)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    qtbot.mouseClick(tab.options.edit_funding, Qt.MouseButton.LeftButton)
    assert get_event_funding(demo_db, event_id).funding_code == "FB-2026-0417"
    assert "Stadt Halle (Saale)" in tab.options.funding_label.text()


def test_invitation_dialog_warns_when_the_deadline_has_passed(qtbot, db) -> None:
    import datetime as dt

    from patenbuero.ui.plan.invitation_dialog import InvitationDialog

    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=14), dt.time(17))
    event_id = add_event(
        db,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        deadline=dt.date.today() - dt.timedelta(days=2),
        internal_note="Hausmeister anrufen",
    )
    dialog = InvitationDialog(db, event_id)
    qtbot.addWidget(dialog)
    assert "Anmeldefrist" in dialog.note.text() and "vorbei" in dialog.note.text()
    assert "Bitte melden Sie sich" not in dialog.body.toPlainText()
    assert "Hausmeister" not in dialog.body.toPlainText()  # the internal note stays inside


def test_proof_years_per_funder_typed_saved_and_shown_again(qtbot, db, tmp_path) -> None:
    dialog = FundersDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.proof_years.placeholderText() == "leer: Standard (5 Jahre)"
    qtbot.keyClicks(dialog.name, "ESF Plus")
    qtbot.keyClicks(dialog.proof_years, "10")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Stadt Halle (Saale)")  # left empty: the default
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert {r.name: r.proof_years for r in list_funders(db)} == {
        "ESF Plus": 10,
        "Stadt Halle (Saale)": None,
    }
    dialog.grab().save(str(tmp_path / "foerderer_frist.png"))

    again = FundersDialog(db)  # as after a restart: read from the database
    qtbot.addWidget(again)
    again.list.setCurrentRow(0)
    assert again.name.text() == "ESF Plus"
    assert again.proof_years.text() == "10"
    again.list.setCurrentRow(1)
    assert again.proof_years.text() == ""
    qtbot.keyClicks(again.proof_years, "0")  # the validator lets "0" in as unfinished
    qtbot.mouseClick(again.save, Qt.MouseButton.LeftButton)
    assert again.error.text() == "Die Nachweise müssen 1 bis 30 Jahre aufbewahrt werden."
    assert list_funders(db)[1].proof_years is None
    again.proof_years.clear()
    qtbot.keyClicks(again.proof_years, "7")
    qtbot.keyClick(again.proof_years, Qt.Key.Key_Backspace)
    qtbot.keyClicks(again.proof_years, "8")
    qtbot.mouseClick(again.save, Qt.MouseButton.LeftButton)
    assert list_funders(db)[1].proof_years == 8
    again.list.setCurrentRow(1)
    qtbot.keyClick(again.proof_years, Qt.Key.Key_Backspace)  # emptied: back to the default
    qtbot.mouseClick(again.save, Qt.MouseButton.LeftButton)
    assert list_funders(db)[1].proof_years is None
