"""The Mitgliedsprojekte tab driven like the office would: real widgets, no real dialogs."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.contacts import list_contacts
from patenbuero.ui.common import prompts
from patenbuero.ui.common.import_dialog import ImportDialog
from patenbuero.ui.common.table_model import ROW_ROLE
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.projects import mailing_list_page
from patenbuero.ui.projects.tab import ProjectsTab
from tests.helpers.databases import target_of

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def tab(qtbot, demo_db) -> ProjectsTab:
    widget = ProjectsTab(demo_db)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.refresh()
    return widget


@pytest.fixture
def answers(monkeypatch):
    """Records every question and answers as told (default: yes / save)."""
    log: list[str] = []
    state = {"confirm": True, "unsaved": prompts.SAVE}

    def confirm(_parent, _title, text):
        log.append(text)
        return state["confirm"]

    def unsaved(_parent, what):
        log.append(f"unsaved:{what}")
        return state["unsaved"]

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(prompts, "ask_unsaved", unsaved)
    monkeypatch.setattr(prompts, "refuse", lambda _p, _t, text: log.append(f"refused:{text}"))
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: log.append(f"info:{text}"))
    return log, state


def logo_file(tmp_path: Path) -> Path:
    image = QImage(1200, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2a7ab0"))
    path = tmp_path / "logo.jpg"
    image.save(str(path))
    return path


def visible(tab: ProjectsTab) -> list:
    proxy = tab.list.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def test_create_project_with_logo_then_edit_it(qtbot, tab, tmp_path, monkeypatch) -> None:
    tab.new_project()
    form = tab.form
    qtbot.keyClicks(form.lines["name"], "Lesepat:innen Glaucha")
    form.organisation.setEditText("Neuer Träger Glaucha e.V.")
    form.target_groups.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.texts["flyer_text"], "Wir lesen vor.")
    assert form.flyer_counter.text() == "14 von 160 Zeichen"
    monkeypatch.setattr(prompts, "open_file", lambda *_a: str(logo_file(tmp_path)))
    qtbot.mouseClick(form.logo_button, Qt.MouseButton.LeftButton)
    assert form.has_logo() and form.is_dirty
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.is_dirty
    detail = projects.get_project(tab._db, form.project_id)
    assert detail.organisation_name == "Neuer Träger Glaucha e.V."
    stored = QImage.fromData(detail.logo_png)
    assert (stored.width(), stored.height()) == (600, 300)
    assert tab.list.current_row().name == "Lesepat:innen Glaucha"
    assert "gespeichert" in tab.last_message

    form.lines["phone"].clear()
    qtbot.keyClicks(form.lines["phone"], "0345 ABC")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Buchstaben" in form.error_text("phone")
    assert form.is_dirty
    form.lines["phone"].clear()
    qtbot.keyClicks(form.lines["phone"], "0345 6781234")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text("phone") == ""
    assert projects.get_project(tab._db, form.project_id).phone == "0345 6781234"


def test_flyer_counter_turns_red_and_save_is_refused(qtbot, tab) -> None:
    tab.new_project()
    qtbot.keyClicks(tab.form.lines["name"], "Zu lang")
    tab.form.texts["flyer_text"].setPlainText("x" * 170)
    assert tab.form.flyer_counter.text() == "170 von 160 Zeichen"
    assert "b00020" in tab.form.flyer_counter.styleSheet()
    assert not tab.save()
    assert "höchstens 160" in tab.form.error_text("flyer_text")


def test_filters_narrow_the_list(qtbot, tab) -> None:
    total = tab.list.visible_row_count()
    panel = tab.panel
    panel.group_filter.setCurrentIndex(panel.group_filter.findText("Senior:innen"))
    rows = visible(tab)
    assert 0 < len(rows) < total
    assert all("Senior:innen" in r.target_groups for r in rows)
    panel.seeks_filter.setChecked(True)
    assert all(r.seeks_volunteers for r in visible(tab))
    panel.group_filter.setCurrentIndex(0)
    panel.seeks_filter.setChecked(False)
    panel.district_filter.setCurrentIndex(panel.district_filter.findText("Silberhöhe"))
    rows = visible(tab)
    assert rows and all("Silberhöhe" in r.districts or r.serves_whole_city for r in rows)
    qtbot.keyClicks(tab.list.search_field, "gibt es nicht")
    assert tab.list.stack.currentWidget() is tab.list.empty_label


def test_delete_with_contacts_is_refused_then_mark_left(qtbot, tab, answers) -> None:
    log, _state = answers
    row = next(r for r in visible(tab) if r.status == "active" and r.contact)
    tab.panel.select_project(row.id)
    tab.open_project(row.id)
    contacts = len(list_contacts(tab._db, row.id))
    qtbot.mouseClick(tab.form.delete_button, Qt.MouseButton.LeftButton)
    assert log[-1].startswith("refused:")
    assert "kann nicht gelöscht werden" in log[-1] and "Ansprechpartner:in" in log[-1]
    assert projects.get_project(tab._db, row.id).status == "active"

    qtbot.mouseClick(tab.form.left_button, Qt.MouseButton.LeftButton)
    assert "bleibt" in log[-1]
    assert projects.get_project(tab._db, row.id).status == "left"
    assert tab.form.dates["left_on"].value() is not None
    assert tab.list.current_row().status_label == "ausgeschieden"
    assert len(list_contacts(tab._db, row.id)) == contacts
    assert not tab.form.left_button.isEnabled()


def test_switching_records_asks_about_unsaved_changes(qtbot, tab, answers) -> None:
    log, state = answers
    first, second = visible(tab)[:2]
    tab.panel.select_project(first.id)
    tab.open_project(first.id)
    qtbot.keyClicks(tab.form.lines["languages"], ", Farsi")
    state["unsaved"] = prompts.CANCEL
    tab.list.table.selectRow(1)
    assert log[-1] == f"unsaved:{first.name}"
    assert tab.form.project_id == first.id and tab.form.is_dirty
    assert tab.list.current_row().id == first.id
    state["unsaved"] = prompts.DISCARD
    tab.list.table.selectRow(1)
    assert tab.form.project_id == second.id and not tab.form.is_dirty
    assert not projects.get_project(tab._db, first.id).languages.endswith("Farsi")
    qtbot.keyClicks(tab.form.lines["languages"], ", Farsi")
    state["unsaved"] = prompts.SAVE
    assert tab.confirm_leave()
    assert projects.get_project(tab._db, second.id).languages.endswith(", Farsi")


def test_window_close_is_cancelled_by_the_form(qtbot, demo_db, answers) -> None:
    _log, state = answers
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.projects_tab.form.texts["notes"], " Neu")
    state["unsaved"] = prompts.CANCEL
    assert not window.close()
    state["unsaved"] = prompts.DISCARD
    assert window.close()


def test_contact_dialog_marks_field_and_adds_contact(qtbot, tab, monkeypatch) -> None:
    row = visible(tab)[0]
    tab.panel.select_project(row.id)
    tab.open_project(row.id)
    before = tab.contacts.list.model.rowCount()
    seen = {}

    def fill(dialog) -> bool:
        dialog.last_name.setText("Nowak")
        dialog.email.setText("nowak@")
        dialog.on_list.setChecked(True)
        assert not dialog.save()
        seen["error"] = dialog.boxes["email"].error.text()
        dialog.email.setText("k.nowak@example.org")
        assert not dialog.save()  # on the Verteiler without any legal basis
        seen["consent"] = dialog.boxes["consent_on"].error.text()
        dialog.consent_on.set_value(dt.date(2026, 11, 2))
        return dialog.save()

    monkeypatch.setattr(prompts, "run_dialog", fill)
    qtbot.mouseClick(tab.contacts.new_button, Qt.MouseButton.LeftButton)
    assert "E-Mail-Adresse ungültig" in seen["error"]
    assert "Rechtsgrundlage" in seen["consent"]
    assert tab.contacts.list.model.rowCount() == before + 1
    emails = [r.email for r in tab.mailing_list.list.model.rows()]
    assert "k.nowak@example.org" in emails


def test_verteiler_copy_and_mail(qtbot, tab, answers, monkeypatch) -> None:
    log, _state = answers
    page = tab.mailing_list
    page.status_filter.setCurrentIndex(page.status_filter.findData("partner"))
    rows = page.visible_rows()
    assert rows and all(r.status == "partner" for r in rows)
    text = page.copy_addresses("thunderbird")
    assert text.count(", ") == len(rows) - 1
    page.status_filter.setCurrentIndex(0)
    opened: list[str] = []
    monkeypatch.setattr(mailing_list_page, "open_mail_link", opened.append)
    page.write_mail()
    assert opened and all(link.startswith("mailto:?bcc=") for link in opened)
    if len(opened) > 1:
        assert log[-1].startswith("info:") and "E-Mails" in log[-1]
    assert "BCC" in page.feedback.text()


def test_import_dialog_previews_and_imports(qtbot, db, tmp_path) -> None:
    from patenbuero.services.projects.importing import ProjectImporter

    path = tmp_path / "liste.csv"
    path.write_text(
        "Projekt;Träger;E-Mail\nLernengel;Beispiel e.V.;lernengel@example\n"
        "Familienpaten;;familie@example.org\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(db, ProjectImporter())
    qtbot.addWidget(dialog)
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())
    assert dialog.errors.item(0).text().startswith("Zeile 2: E-Mail-Adresse ungültig")
    assert not dialog.import_button.isEnabled()
    dialog.preview = None
    dialog.set_mapping(2, None)  # do not take the e-mail column
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())
    assert dialog.import_button.isEnabled()
    assert "2 neu" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Import abgeschlossen" in dialog.summary.text()
    assert "Datei › Import rückgängig" in dialog.summary.text()
    assert [r.name for r in projects.list_projects(db)] == ["Familienpaten", "Lernengel"]


def test_conflict_dialog_merges_a_change_made_on_another_pc(qtbot, tab, demo_db, tmp_path) -> None:
    from dataclasses import replace

    from patenbuero.services.core.database import open_database
    from patenbuero.services.projects.editing import input_from_detail, save_project
    from patenbuero.ui.common.conflict_dialog import ConflictDialog
    from tests.helpers.modal import when_dialog_opens
    from tests.helpers.screenshots import screenshot

    project_id = next(row.id for row in visible(tab) if row.name == "Lesewelt Halle")
    tab.panel.select_project(project_id)
    tab.open_project(project_id)
    assert tab.form.project_id == project_id
    other_pc = open_database(target_of(demo_db))
    seen = projects.get_project(other_pc, project_id)
    save_project(other_pc, project_id, replace(input_from_detail(seen), phone="0345 1111111"))
    other_pc.dispose()

    tab.form.lines["email"].clear()
    qtbot.keyClicks(tab.form.lines["email"], "neu@lesewelt-halle.de")
    shown: dict[str, object] = {}

    def choose(dialog: ConflictDialog) -> None:
        shown["fields"] = list(dialog.fields)
        shown["theirs_checked"] = dialog.theirs_buttons["phone"].isChecked()
        shown["mine_checked"] = dialog.mine_buttons["email"].isChecked()
        shown["phone_text"] = dialog.theirs_buttons["phone"].text()
        dialog.grab().save(screenshot("konflikt-projekt.png", tmp_path))
        qtbot.mouseClick(dialog.save_chosen_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(ConflictDialog, choose)
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert shown["fields"] == ["email", "phone"]
    assert shown["theirs_checked"] and shown["mine_checked"]
    assert shown["phone_text"] == "0345 1111111"
    stored = projects.get_project(demo_db, project_id)
    assert (stored.phone, stored.email) == ("0345 1111111", "neu@lesewelt-halle.de")
    assert not tab.form.is_dirty and tab.form.lines["phone"].text() == "0345 1111111"


def test_conflict_dialog_can_take_the_other_version(qtbot, tab, demo_db) -> None:
    from dataclasses import replace

    from patenbuero.services.core.database import open_database
    from patenbuero.services.projects.editing import input_from_detail, save_project
    from patenbuero.ui.common.conflict_dialog import ConflictDialog
    from tests.helpers.modal import when_dialog_opens

    project_id = next(row.id for row in visible(tab) if row.name == "Lesewelt Halle")
    tab.panel.select_project(project_id)
    tab.open_project(project_id)
    other_pc = open_database(target_of(demo_db))
    seen = projects.get_project(other_pc, project_id)
    save_project(other_pc, project_id, replace(input_from_detail(seen), phone="0345 1111111"))
    other_pc.dispose()
    tab.form.lines["phone"].clear()
    qtbot.keyClicks(tab.form.lines["phone"], "0345 2222222")
    when_dialog_opens(
        ConflictDialog,
        lambda dialog: qtbot.mouseClick(dialog.take_theirs_button, Qt.MouseButton.LeftButton),
    )
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert projects.get_project(demo_db, project_id).phone == "0345 1111111"
    assert tab.form.lines["phone"].text() == "0345 1111111" and not tab.form.is_dirty


def test_project_page_lists_forwarded_inquiries_and_outcomes(qtbot, tab, demo_db) -> None:
    from sqlalchemy import func, select

    from patenbuero.db.models import Forwarding

    with demo_db.reading() as session:
        project_id, count = session.execute(
            select(Forwarding.project_id, func.count())
            .group_by(Forwarding.project_id)
            .order_by(func.count().desc())
        ).first()
    tab.open_project(project_id)
    panel = tab.inquiries
    tab.details.setCurrentWidget(panel)
    assert panel.tree.topLevelItemCount() == count
    assert panel.summary.text().startswith(f"{count} Anfragen weitergeleitet")
    outcomes = {panel.tree.topLevelItem(i).text(3) for i in range(count)}
    assert outcomes & {"noch offen"} or any("(" in text for text in outcomes)
