"""The mail dialog as the office uses it: kind by keyboard, real preview, send, drafts."""

import functools
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from patenbuero.io.smtp_send import SmtpConnection
from patenbuero.services.mail.account import AccountSettings, save_account
from patenbuero.services.mail.sending import list_records
from patenbuero.ui.mail import send_worker
from patenbuero.ui.mail.mail_dialog import MailDialog
from tests.helpers.mail_setup import mail_event
from tests.helpers.smtp_server import PASSWORD, USER, smtp_server

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def ids(db):
    return mail_event(db)


@pytest.fixture
def dialog(qtbot, db, ids):
    widget = MailDialog(db, ids["event"])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_preview_shows_the_real_text_and_who_gets_nothing(qtbot, dialog) -> None:
    assert dialog.kind.currentData() == "confirmation"
    assert "Guten Tag Zoë Müller-Lüdenscheidt," in dialog.preview.toPlainText()
    texts = [dialog.recipients.item(i).text() for i in range(dialog.recipients.count())]
    assert any(t.startswith("☎ Ömer Yıldırım") for t in texts)
    assert any(t.startswith("✕ Gesperrt Person") for t in texts)
    assert "2 Mails" in dialog.summary.text()
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # Warteliste
    assert dialog.kind.currentData() == "waitlist"
    assert "Platz 1 der Warteliste" in dialog.preview.toPlainText()
    qtbot.keyClick(dialog.recipients, Qt.Key.Key_Down)
    assert "Platz 2 der Warteliste" in dialog.preview.toPlainText()
    dialog.resize(1000, 620)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "mail-vorschau.png"))


def test_send_in_the_background_through_the_office_account(qtbot, dialog, db, monkeypatch) -> None:
    with smtp_server() as server:
        save_account(db, AccountSettings(host="127.0.0.1", port=server.port, user=USER), PASSWORD)
        monkeypatch.setattr(
            send_worker,
            "SmtpConnection",
            functools.partial(SmtpConnection, context=server.client_context),
        )
        dialog.pause.clear()
        qtbot.keyClicks(dialog.pause, "0")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=20000)
    assert dialog.last_report.sent == ("Zoë Müller-Lüdenscheidt", "Αλέξανδρος Παπαδόπουλος")
    assert dialog.status.text().startswith("2 Mails gesendet.")
    assert len(server.received.envelopes) == 2
    message = message_from_bytes(server.received.envelopes[0][2], policy=policy.default)
    assert "Guten Tag Zoë" in message.get_content()
    assert [r.way for r in list_records(db)] == ["smtp", "smtp"]
    assert dialog.records.topLevelItemCount() == 2
    assert dialog.records.topLevelItem(0).text(3) == "gesendet"
    assert dialog.send_button.isEnabled() and dialog.close_button.isEnabled()


def test_without_account_sending_is_refused_in_german(qtbot, dialog, monkeypatch) -> None:
    said = []
    monkeypatch.setattr(
        "patenbuero.ui.common.prompts.refuse", lambda parent, title, text: said.append(text)
    )
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert said and "kein Mailkonto eingerichtet" in said[0]
    assert dialog.worker is None


def test_drafts_go_to_the_chosen_folder(qtbot, dialog, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(tmp_path))
    )
    qtbot.mouseClick(dialog.drafts_button, Qt.MouseButton.LeftButton)
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    assert dialog.status.text().startswith("2 Entwürfe gespeichert.")
    rows = [dialog.records.topLevelItem(i) for i in range(dialog.records.topLevelItemCount())]
    assert {(r.text(1), r.text(3)) for r in rows} == {("Anmeldebestätigung", "Entwurf")}
