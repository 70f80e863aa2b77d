"""The e-mail invitation: date, place, link, agenda; BCC to the Verteiler only."""

import datetime as dt

from patenbuero.db.models import Contact
from patenbuero.services.plan import events
from patenbuero.services.plan.agenda import AgendaInput
from patenbuero.services.plan.invitation_mail import invitation_mail
from tests.helpers.plan_builders import NOW, meeting


def test_invitation_text_and_verteiler(db) -> None:
    with db.unit_of_work() as session:
        session.add_all(
            [
                Contact(
                    last_name="Şahin",
                    first_name="Elif",
                    email="elif@example.org",
                    on_mailing_list=True,
                ),
                Contact(last_name="Krause", email="ELIF@example.org", on_mailing_list=True),
                Contact(last_name="Ohne", email="", on_mailing_list=True),
                Contact(last_name="Nicht", email="nicht@example.org", on_mailing_list=False),
            ]
        )
    event_id = events.create_event(
        db,
        meeting(
            online_url="https://meet.example.org/vt", registration_deadline=dt.date(2026, 3, 4)
        ),
        agenda_items=[AgendaInput("Begrüßung", 15), AgendaInput("Kinderschutz", 40, "U. Zöllner")],
        now=NOW,
    )
    mail = invitation_mail(db, event_id)
    assert mail.subject == "Einladung: Vernetzungstreffen März 2026 am 11.03.2026"
    assert "Mittwoch, 11.03.2026, 16:00–18:00 Uhr" in mail.body
    assert "Wo: Freiwilligen-Agentur Halle, Leipziger Straße 82" in mail.body
    assert "Online: https://meet.example.org/vt" in mail.body
    assert "2. 16:15 Uhr  Kinderschutz (U. Zöllner)" in mail.body
    # the deadline (04.03.2026) lies before today: not announced, the office is warned
    assert "04.03.2026" not in mail.body and "04.03.2026" in mail.warning
    assert [a.casefold() for a in mail.addresses] == ["elif@example.org"]  # once, no others
    assert mail.mailto_links[0].startswith("mailto:?subject=Einladung")
    assert "bcc=" in mail.mailto_links[0] and "nicht@" not in mail.mailto_links[0]
