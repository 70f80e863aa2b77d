"""Mailkonto und Mailtexte: the password goes to the keyring, texts are checked."""

from pathlib import Path

from PySide6.QtCore import Qt

from patenbuero.services.mail.account import load_account
from patenbuero.services.mail.templates import load_template
from patenbuero.ui.mail.settings_dialog import MailSettingsDialog
from tests.helpers.databases import stored_bytes

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def test_account_and_texts_are_saved_by_keyboard(qtbot, db, memory_keyring, tmp_path) -> None:
    dialog = MailSettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.host, "smtp.example.org")
    qtbot.keyClicks(dialog.user, "buero@example.org")
    qtbot.keyClicks(dialog.password, "Geheimnis-2026")
    qtbot.mouseClick(dialog.save_account_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Mailkonto gespeichert."
    assert load_account(db).host == "smtp.example.org"
    assert list(memory_keyring.passwords.values()) == ["Geheimnis-2026"]
    assert dialog.password.text() == ""
    assert b"Geheimnis-2026" not in stored_bytes(db)

    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "Bis bald, ${Vorname}")
    qtbot.mouseClick(dialog.save_text_button, Qt.MouseButton.LeftButton)
    assert "${Vorname} gibt es nicht" in dialog.message.text()
    assert not load_template(db, "confirmation").changed
    qtbot.keyClick(dialog.body, Qt.Key.Key_Backspace)
    for _ in range(len("Vorname")):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.body, "Name}")
    qtbot.mouseClick(dialog.save_text_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Text gespeichert."
    assert load_template(db, "confirmation").body.endswith("Bis bald, ${Name}")
    dialog.resize(860, 720)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "mail-einstellungen.png"))
