"""The Anfragen tab driven like the office would: real widgets, no real dialogs."""

import datetime as dt
from urllib.parse import unquote

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from patenbuero.services.inquiries.use_cases import InquiryInput, get_inquiry, save_inquiry
from patenbuero.services.projects.use_cases import list_target_groups
from patenbuero.ui.common import prompts
from patenbuero.ui.inquiries.forward_dialog import ForwardDialog
from patenbuero.ui.inquiries.mail_dialog import MailDialog
from patenbuero.ui.inquiries.tab import InquiriesTab
from tests.helpers.inquiry_network import TODAY

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def tab(qtbot, demo_db) -> InquiriesTab:
    widget = InquiriesTab(demo_db)
    qtbot.addWidget(widget)
    widget.today = lambda: TODAY
    widget.resize(1300, 800)
    widget.refresh()
    return widget


@pytest.fixture
def dialogs(tab):
    """Dialogs the tab opens, with what each test wants done in them instead of exec()."""
    shown: list[QDialog] = []
    actions: dict[type, object] = {}

    def run(dialog: QDialog) -> bool:
        shown.append(dialog)
        action = actions.get(type(dialog))
        if action is not None:
            action(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    tab.run_dialog = run
    return shown, actions


def test_create_inquiry_through_the_form_after_an_inline_error(qtbot, tab) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    form = tab.form
    assert form.received_on.value() == TODAY
    qtbot.keyClicks(form.name, "J")  # QTest types ASCII only; the rest is pasted
    form.name.insert("ürgen Weiß-Özdemir")
    qtbot.keyClicks(form.email, "juergen.example.org")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "das Zeichen @ fehlt" in form.error_text("email")
    assert form.is_dirty and form.inquiry_id is None
    form.email.clear()
    qtbot.keyClicks(form.email, "j.weiss@example.org")
    form.target_group.setCurrentIndex(form.target_group.findText("Kinder"))
    form.district.setCurrentIndex(form.district.findText("Neustadt"))
    form.message.insertPlainText("Ich möchte Kindern bei den Hausaufgaben helfen.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error_text("email") == "" and not form.is_dirty
    assert tab.last_message == "Anfrage von „Jürgen Weiß-Özdemir“ gespeichert."
    row = tab.list.current_row()
    assert (row.name, row.status_label, row.received_on) == (
        "Jürgen Weiß-Özdemir",
        "offen",
        TODAY,
    )
    assert tab.forwarding.project_names()[:1] and "Passende Projekte (" in tab.details.tabText(1)
    assert not get_inquiry(tab._db, row.id).pass_on_consent
    form.pass_on.setFocus()
    qtbot.keyClick(form.pass_on, Qt.Key.Key_Space)  # tick it as with the keyboard
    assert form.is_dirty
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert get_inquiry(tab._db, row.id).pass_on_consent


def test_forward_to_a_suggested_project_then_open_the_mail(qtbot, tab, dialogs) -> None:
    shown, actions = dialogs
    row = next(r for r in tab.panel.visible_rows() if r.name == "Оксана Бондаренко")
    tab.panel.select_inquiry(row.id)
    tab.open_inquiry(row.id)
    first = tab.forwarding.project_names()[0]
    first_id = tab.forwarding.suggestions.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole)
    tab.forwarding.set_checked(first_id)
    day = TODAY - dt.timedelta(days=1)

    def fill_forward(dialog: ForwardDialog) -> None:
        dialog.date.set_value(TODAY + dt.timedelta(days=3))
        dialog.save()
        assert "in der Zukunft" in dialog.error.text()
        dialog.date.set_value(day)
        qtbot.keyClicks(dialog.note, "telefonisch besprochen")
        dialog.save()

    opened = []

    def check_mail(dialog: MailDialog) -> None:
        dialog._opener = opened.append
        qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)

    actions[ForwardDialog] = fill_forward
    actions[MailDialog] = check_mail
    qtbot.mouseClick(tab.forwarding.forward_button, Qt.MouseButton.LeftButton)
    assert [type(d) for d in shown] == [ForwardDialog, MailDialog]
    detail = get_inquiry(tab._db, row.id)
    assert detail.status == "forwarded"
    assert [(f.project_name, f.forwarded_on, f.note) for f in detail.forwardings] == [
        (first, day, "telefonisch besprochen")
    ]
    assert tab.last_message == f"Weitergeleitet an „{first}“."
    assert tab.list.current_row().forwarded_to == first
    assert tab.forwarding.forwardings.topLevelItem(0).text(1) == first
    url = opened[0].toString(opened[0].ComponentFormattingOption.FullyEncoded)
    assert url.startswith("mailto:") and "subject=" in url
    assert "Оксана Бондаренко" in unquote(url) and "telefonisch besprochen" in unquote(url)
    item = tab.forwarding.suggestions.topLevelItem(0)
    assert "schon weitergeleitet am 24.11.2026" in item.text(1)
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled


def test_filters_close_and_reopen(qtbot, tab, demo_db) -> None:
    kinder = next(g.id for g in list_target_groups(demo_db) if g.name == "Kinder")
    old = InquiryInput(
        name="Jonas Weber", received_on=TODAY - dt.timedelta(days=20), target_group_id=kinder
    )
    old_id = save_inquiry(demo_db, None, old, today=TODAY)
    tab.refresh()
    panel = tab.panel
    waiting = next(r for r in panel.visible_rows() if r.id == old_id)
    assert waiting.waiting and panel.waiting_label.text() == "1 offen seit mehr als 14 Tagen"
    status_column = 1
    index = tab.list.proxy.index(panel.visible_rows().index(waiting), status_column)
    assert index.data() == "seit 20 Tagen offen"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c25400"

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("closed"))
    assert {r.status for r in panel.visible_rows()} == {"closed"}
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("join_network"))
    assert [r.name for r in panel.visible_rows()] == [
        "Wojciech Król (Polnischer Kulturverein Halle e.V.)"
    ]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(None))
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("become_volunteer"))
    qtbot.keyClicks(tab.list.search_field, "weber")
    assert [r.id for r in panel.visible_rows()] == [old_id]

    tab.panel.select_inquiry(old_id)
    tab.open_inquiry(old_id)
    qtbot.mouseClick(tab.form.close_button, Qt.MouseButton.LeftButton)
    assert get_inquiry(demo_db, old_id).status == "closed"
    assert not panel.waiting_label.isVisibleTo(tab) and tab.form.reopen_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.form.reopen_button, Qt.MouseButton.LeftButton)
    assert get_inquiry(demo_db, old_id).status == "open"


def test_unsaved_changes_are_asked_about_before_leaving(qtbot, tab, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(
        prompts, "ask_unsaved", lambda _p, what: asked.append(what) or prompts.CANCEL
    )
    first, second = tab.panel.visible_rows()[:2]
    tab.panel.select_inquiry(first.id)
    tab.open_inquiry(first.id)
    tab.form.notes.insertPlainText("zurückrufen")
    tab.list.table.selectRow(1)
    assert asked == [first.name] and tab.form.inquiry_id == first.id
    assert not tab.confirm_leave()
    monkeypatch.setattr(prompts, "ask_unsaved", lambda _p, _w: prompts.SAVE)
    assert tab.confirm_leave()
    assert get_inquiry(tab._db, first.id).notes == "zurückrufen"
    assert second.id != first.id


def test_channel_and_outcome_are_recorded_for_the_sachbericht(qtbot, tab, demo_db) -> None:
    from patenbuero.services.inquiries import inquiry_figures

    row = next(
        r for r in tab.panel.visible_rows() if r.forwarding_count and r.kind == "become_volunteer"
    )
    tab.panel.select_inquiry(row.id)
    tab.open_inquiry(row.id)
    form = tab.form
    form.channel.setCurrentIndex(form.channel.findData("phone"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert get_inquiry(demo_db, row.id).channel == "phone"
    before = inquiry_figures(demo_db, row.received_on.year).new_volunteers
    panel = tab.forwarding
    panel.forwardings.setCurrentItem(panel.forwardings.topLevelItem(0))
    panel.outcome.setCurrentIndex(panel.outcome.findData("started"))
    qtbot.mouseClick(panel.outcome_button, Qt.MouseButton.LeftButton)
    detail = get_inquiry(demo_db, row.id)
    assert detail.forwardings[0].outcome == "started"
    assert panel.forwardings.topLevelItem(0).text(3).startswith("Patenschaft begonnen (")
    assert detail.forwardings[0].outcome_on == tab.today()
    assert inquiry_figures(demo_db, row.received_on.year).new_volunteers == before + 1


def test_due_follow_ups_open_the_inquiry_on_its_forwardings(qtbot, tab, demo_db) -> None:
    from patenbuero.services.inquiries.follow_up import due_follow_ups
    from patenbuero.ui.inquiries.follow_up_dialog import FollowUpDialog

    due = due_follow_ups(demo_db, today=TODAY)
    assert due, "the demo has forwardings without an answer"
    assert tab.due_button.text() == f"Fällige Nachfragen ({len(due)})"
    seen: list[FollowUpDialog] = []

    def choose_first(dialog: QDialog) -> bool:
        assert isinstance(dialog, FollowUpDialog)
        seen.append(dialog)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    tab.run_dialog = choose_first
    qtbot.mouseClick(tab.due_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].tree.topLevelItemCount() == len(due)
    assert tab.form.inquiry_id == due[0].inquiry_id
    assert tab.details.currentWidget() is tab.forwarding
