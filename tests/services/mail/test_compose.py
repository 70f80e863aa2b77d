"""Who gets which mail: legal basis, waitlist position, phone list, the real text."""

import datetime as dt

import pytest

from patenbuero.errors import NotFoundError, ValidationError
from patenbuero.services.inquiries.forwarding import forward_inquiry
from patenbuero.services.inquiries.use_cases import InquiryInput, save_inquiry
from patenbuero.services.mail.compose import compose
from tests.helpers.mail_setup import NOW, mail_event


@pytest.fixture
def ids(db):
    return mail_event(db)


def test_confirmation_goes_to_confirmed_with_the_real_text(db, ids):
    batch = compose(db, "confirmation", ids["event"], today=NOW.date())
    assert [m.recipient for m in batch.mails] == [
        "Zoë Müller-Lüdenscheidt",
        "Αλέξανδρος Παπαδόπουλος",
    ]
    mail = batch.mails[0]
    assert mail.subject == "Anmeldebestätigung: Netzwerktreffen im Stadthaus"
    assert mail.body.startswith("Guten Tag Zoë Müller-Lüdenscheidt,")
    assert "Wann: Mittwoch, 09.12.2026, 17:00–19:00 Uhr" in mail.body
    assert "Wo: Stadthaus, Festsaal, Marktplatz 2, 06108 Halle (Saale)" in mail.body
    assert "https://paten-halle.example.org/datenschutz" in mail.body
    assert "$" not in mail.body
    # No address: on the phone list; restricted: left out, with the reason.
    assert [(n.name, n.phone) for n in batch.phone_list] == [("Ömer Yıldırım", "0345 222")]
    assert [(n.name, n.reason) for n in batch.left_out] == [
        ("Gesperrt Person", "Verarbeitung eingeschränkt")
    ]
    assert not batch.group


def test_waitlist_mail_says_the_position(db, ids):
    batch = compose(db, "waitlist", ids["event"], today=NOW.date())
    assert [
        (m.recipient, "Platz 1 der" in m.body, "Platz 2 der" in m.body) for m in batch.mails
    ] == [
        ("Nguyễn Thị Minh Khai", True, False),
        ("Ольга Кузнецова", False, True),
    ]


def test_cancellation_goes_to_everyone_registered(db, ids):
    batch = compose(db, "cancelled", ids["event"], today=NOW.date())
    assert len(batch.mails) == 4 and len(batch.phone_list) == 1


def test_invitation_goes_to_the_verteiler_with_consent_only(db, ids):
    batch = compose(db, "invitation", ids["event"], today=NOW.date())
    assert batch.group
    assert [m.address for m in batch.mails] == ["anna@example.org"]
    assert sorted((n.name, n.reason) for n in batch.left_out) == [
        ("Bernd Ohne", "keine Einwilligung für den Verteiler"),
        ("Carla Zurück", "keine Einwilligung für den Verteiler"),
    ]
    assert (
        "1. 17:00 Uhr  Begrüßung\n2. 17:15 Uhr  Berichte aus den Projekten" in batch.mails[0].body
    )


def test_task_reminder_goes_to_the_member_who_took_it(db, ids):
    batch = compose(db, "task_reminder", ids["event"], today=NOW.date())
    assert [(m.address, m.subject) for m in batch.mails] == [
        ("anna@example.org", "Erinnerung: Raum aufschließen (bis 09.12.2026)")
    ]


def test_follow_up_to_the_project_without_personal_data_unless_consented(db, ids):
    inquiry_id = save_inquiry(
        db,
        None,
        InquiryInput(name="Friederike Thiele", received_on=NOW.date(), email="f@example.org"),
        today=NOW.date(),
    )
    forward_inquiry(db, inquiry_id, [ids["project"]], NOW.date(), today=NOW.date())
    # Not yet due: nothing to ask about.
    with pytest.raises(ValidationError) as error:
        compose(db, "follow_up", today=NOW.date() + dt.timedelta(days=10))
    assert error.value.field == "forwardings"
    batch = compose(db, "follow_up", today=NOW.date() + dt.timedelta(days=15))
    (mail,) = batch.mails
    assert mail.address == "lesewelt@example.org"
    assert "am 20.11.2026 haben wir Ihnen eine Anfrage" in mail.body
    assert "Friederike" not in mail.body and "ohne Personendaten" in mail.body


def test_event_kinds_need_an_event(db, ids):
    with pytest.raises(ValidationError) as error:
        compose(db, "reminder", None)
    assert error.value.field == "event"
    with pytest.raises(NotFoundError):
        compose(db, "reminder", 999)


def test_moved_up_mail_goes_only_to_those_who_moved_up(db, ids):
    from patenbuero.db.models import Registration
    from patenbuero.services.registrations import cancel

    with db.unit_of_work() as session:
        zoe = session.query(Registration).filter_by(person_id=ids["Zoë"]).one()
        moved = cancel(session, zoe, NOW)
    assert [m.first_name for m in moved] == ["Nguyễn"]
    batch = compose(db, "moved_up", ids["event"], today=NOW.date())
    assert [m.recipient for m in batch.mails] == ["Nguyễn Thị Minh Khai"]
    assert "ist jetzt bestätigt" in batch.mails[0].body
