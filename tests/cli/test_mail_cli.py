"""`patenbuero mail preview|drafts|phones|send` on a small event."""

import os
import stat
from email import message_from_bytes, policy

from patenbuero.launcher import main
from tests.helpers.databases import target_of
from tests.helpers.mail_setup import mail_event
from tests.pdf.pdf_readback import pdftotext_pages


def test_preview_drafts_and_phone_list(db, tmp_path, capsys) -> None:
    ids = mail_event(db)
    path = target_of(db)
    db.dispose()
    event = str(ids["event"])
    assert main(["--db", path, "mail", "preview", "--kind", "waitlist", "--event", event]) == 0
    out = capsys.readouterr().out
    assert "An: Nguyễn Thị Minh Khai <khai@example.org>" in out
    assert "Platz 2 der Warteliste" in out
    folder = tmp_path / "Entwürfe"
    args = ["--db", path, "mail", "drafts", "--kind", "cancelled", "--event", event]
    assert main([*args, "-o", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "4 Entwürfe" in out and "Ömer Yıldırım" in out and "Gesperrt Person" in out
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 4
    message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["Subject"].startswith("Abgesagt:")
    assert main(["--db", path, "mail", "records", "--event", event]) == 0
    out = capsys.readouterr().out
    assert out.count("Entwurf") == 4 and "Absage der Veranstaltung" in out
    pdf = tmp_path / "telefon.pdf"
    args = ["--db", path, "mail", "phones", "--kind", "cancelled", "--event", event]
    assert main([*args, "-o", str(pdf)]) == 0
    text = "\n".join(pdftotext_pages(pdf.read_bytes()))
    assert "Telefonliste" in text and "Ömer" in text and "0345 222" in text
    if os.name == "posix":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


def test_due_reminders(db, capsys) -> None:
    ids = mail_event(db)
    path = target_of(db)
    db.dispose()
    assert main(["--db", path, "mail", "due", "--days", "400"]) != 0
    assert "0 bis 60 Tage" in capsys.readouterr().err
    assert main(["--db", path, "mail", "due"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Keine Erinnerung fällig.") or f"--event {ids['event']}" in out


def test_bad_input_is_one_german_line(db, capsys) -> None:
    ids = mail_event(db)
    path = target_of(db)
    db.dispose()
    assert main(["--db", path, "mail", "preview", "--kind", "reminder"]) != 0
    assert "wählen Sie bitte eine Veranstaltung" in capsys.readouterr().err
    assert (
        main(["--db", path, "mail", "send", "--kind", "reminder", "--event", str(ids["event"])])
        != 0
    )
    err = capsys.readouterr().err
    assert "kein Mailkonto eingerichtet" in err and "Traceback" not in err
    assert main(["--db", path, "mail", "preview", "--kind", "reminder", "--event", "999"]) != 0
    assert "keine Veranstaltung mit der ID 999" in capsys.readouterr().err
