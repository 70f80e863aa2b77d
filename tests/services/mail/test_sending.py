"""Sending through a real local SMTP server, and drafts the mail program opens."""

import datetime as dt
import stat
import sys
from email import message_from_bytes, policy

import pytest

from patenbuero.io.smtp_send import SendError, SmtpConnection
from patenbuero.services.mail.account import (
    AccountSettings,
    has_password,
    load_account,
    save_account,
    smtp_account,
)
from patenbuero.services.mail.compose import compose
from patenbuero.services.mail.sending import list_records, send_batch, write_drafts
from tests.helpers.databases import stored_bytes
from tests.helpers.mail_setup import NOW, mail_event
from tests.helpers.smtp_server import PASSWORD, USER, smtp_server


@pytest.fixture
def ids(db):
    return mail_event(db)


def _account(db, port, security="starttls", password=PASSWORD):
    save_account(
        db,
        AccountSettings(host="127.0.0.1", port=port, security=security, user=USER),
        password,
    )
    return smtp_account(db)


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_personal_mails_arrive_with_encoded_names_and_short_lines(db, ids, security):
    with smtp_server(security) as server:
        account, password = _account(db, server.port, security)
        batch = compose(db, "confirmation", ids["event"], today=NOW.date())
        steps = []
        report = send_batch(
            db,
            batch,
            account,
            lambda: SmtpConnection(account, password, context=server.client_context),
            pause=0.5,
            progress=lambda done, total, name: steps.append((done, total, name)) or True,
            sleep=lambda seconds: steps.append(("Pause", seconds, "")),
        )
    assert report.sent == ("Zoë Müller-Lüdenscheidt", "Αλέξανδρος Παπαδόπουλος")
    assert steps[1] == ("Pause", 0.5, "") and steps[-1] == (2, 2, "")
    raw = [envelope[2] for envelope in server.received.envelopes]
    assert [envelope[1] for envelope in server.received.envelopes] == [
        ["zoe@example.org"],
        ["alex@example.org"],
    ]
    for data in raw:
        head = data.split(b"\r\n\r\n", 1)[0]
        assert head.isascii(), "non-ASCII header text is encoded per RFC 2047"
        assert max(len(line) for line in data.split(b"\r\n")) <= 998
    first = message_from_bytes(raw[0], policy=policy.default)
    assert b"=?utf-8?" in raw[0].split(b"\r\n\r\n", 1)[0]
    assert str(first["To"]) == "Zoë Müller-Lüdenscheidt <zoe@example.org>"
    assert str(first["From"]) == "Koordinierungsstelle Patenschaften <buero@example.org>"
    assert first["Subject"] == "Anmeldebestätigung: Netzwerktreffen im Stadthaus"
    assert "Guten Tag Zoë Müller-Lüdenscheidt," in first.get_content()
    records = list_records(db, ids["event"])
    assert {(r.recipient, r.way, r.ok) for r in records} == {
        ("Zoë Müller-Lüdenscheidt", "smtp", True),
        ("Αλέξανδρος Παπαδόπουλος", "smtp", True),
    }


def test_wrong_password_sends_nothing_and_records_nothing(db, ids):
    with smtp_server() as server:
        account, _ = _account(db, server.port)
        batch = compose(db, "confirmation", ids["event"], today=NOW.date())
        with pytest.raises(SendError) as error:
            send_batch(
                db,
                batch,
                account,
                lambda: SmtpConnection(account, "falsch", context=server.client_context),
                pause=0,
            )
    assert "Passwort" in str(error.value)
    assert server.received.envelopes == [] and list_records(db) == []


def test_untrusted_certificate_is_refused(db, ids):
    with smtp_server() as server:
        account, password = _account(db, server.port)
        with pytest.raises(SendError) as error, SmtpConnection(account, password):
            pass
    assert "verschlüsselte Verbindung" in str(error.value)


def test_password_lives_in_the_keyring_only(db, memory_keyring):
    save_account(db, AccountSettings(host="mail.example.org", user=USER), PASSWORD)
    assert has_password(db)
    assert list(memory_keyring.passwords.values()) == [PASSWORD]
    assert load_account(db).host == "mail.example.org"
    database_bytes = stored_bytes(db)
    assert b"mail.example.org" in database_bytes  # the check sees what is stored
    assert PASSWORD.encode() not in database_bytes


def test_stopping_keeps_what_was_sent(db, ids):
    with smtp_server() as server:
        account, password = _account(db, server.port)
        batch = compose(db, "cancelled", ids["event"], today=NOW.date())
        report = send_batch(
            db,
            batch,
            account,
            lambda: SmtpConnection(account, password, context=server.client_context),
            pause=0,
            progress=lambda done, total, name: done < 2,
        )
    assert report.stopped and len(report.sent) == 2
    assert len(server.received.envelopes) == 2 and len(list_records(db)) == 2


def test_group_mail_goes_in_bcc_to_the_sender(db, ids):
    with smtp_server() as server:
        account, password = _account(db, server.port)
        batch = compose(db, "invitation", ids["event"], today=NOW.date())
        send_batch(
            db,
            batch,
            account,
            lambda: SmtpConnection(account, password, context=server.client_context),
            pause=0,
        )
    ((_sender, recipients, raw),) = server.received.envelopes
    assert recipients == ["buero@example.org", "anna@example.org"]
    message = message_from_bytes(raw, policy=policy.default)
    assert message["Bcc"] is None, "the Verteiler must not see each other"


def test_drafts_are_unsent_eml_files_outlook_opens(db, ids, tmp_path):
    batch = compose(db, "waitlist", ids["event"], today=NOW.date())
    report = write_drafts(db, batch, tmp_path / "Entwürfe")
    assert [p.name for p in report.files] == [
        "001 Nguyễn Thị Minh Khai.eml",
        "002 Ольга Кузнецова.eml",
    ]
    message = message_from_bytes(report.files[1].read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert str(message["To"]) == "Ольга Кузнецова <olga@example.org>"
    assert "Platz 2 der Warteliste" in message.get_content()
    if sys.platform != "win32":
        assert stat.S_IMODE(report.files[0].stat().st_mode) == 0o600
    assert [(r.way, r.recipient) for r in list_records(db)][-1][0] == "draft"


def test_group_drafts_are_bcc_batches_below_the_mailto_limit(db, ids, tmp_path):
    from patenbuero.db.models import Contact

    with db.unit_of_work() as session:
        for number in range(120):
            session.add(
                Contact(
                    first_name="Mitglied",
                    last_name=f"Nummer {number}",
                    email=f"mitglied.mit.langer.adresse.{number}@beispiel-verein.example.org",
                    on_mailing_list=True,
                    consent_on=dt.date(2025, 1, 1),
                )
            )
    batch = compose(db, "invitation", ids["event"], today=NOW.date())
    report = write_drafts(db, batch, tmp_path)
    assert len(report.files) == len(report.mailto_links) > 1
    assert all(len(link) <= 2000 for link in report.mailto_links)
    bcc = []
    for path in report.files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        assert message["X-Unsent"] == "1"
        bcc += [a.strip() for a in str(message["Bcc"]).split(",")]
    assert len(bcc) == len(set(bcc)) == 121
