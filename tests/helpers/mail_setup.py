"""A small event with registrations and a Verteiler for the mail tests."""

from __future__ import annotations

import datetime as dt

from patenbuero.db.enums import ConsentPurpose, LegalBasis, SubjectKind
from patenbuero.db.models import (
    AgendaItem,
    ConsentRecord,
    Contact,
    Event,
    MemberProject,
    Person,
    Registration,
    Task,
)
from patenbuero.services.core.database import Database
from patenbuero.services.core.network_texts import NetworkTexts, save_texts

NOW = dt.datetime(2026, 11, 20, 9, 0)
# Long names in several scripts: RFC 2047 encoding and line lengths are tested with them.
PEOPLE = [
    ("Zoë", "Müller-Lüdenscheidt", "zoe@example.org", "0345 111", "confirmed"),
    ("Αλέξανδρος", "Παπαδόπουλος", "alex@example.org", "", "confirmed"),
    ("Ömer", "Yıldırım", "", "0345 222", "confirmed"),  # no e-mail: phone list
    ("Nguyễn", "Thị Minh Khai", "khai@example.org", "", "waitlisted"),
    ("Ольга", "Кузнецова", "olga@example.org", "", "waitlisted"),
    ("Gesperrt", "Person", "gesperrt@example.org", "", "confirmed"),  # restricted
]


def mail_event(db: Database) -> dict[str, int]:
    save_texts(
        db,
        NetworkTexts(
            network_name="Patenschaftsnetzwerk Halle",
            office_name="Koordinierungsstelle Patenschaften",
            office_email="buero@example.org",
            website="https://paten-halle.example.org",
            privacy_url="https://paten-halle.example.org/datenschutz",
        ),
    )
    with db.unit_of_work() as session:
        event = Event(
            title="Netzwerktreffen im Stadthaus",
            kind="network_meeting",
            status="confirmed",
            starts_at=dt.datetime(2026, 12, 9, 17, 0),
            ends_at=dt.datetime(2026, 12, 9, 19, 0),
            location="Stadthaus, Festsaal",
            address="Marktplatz 2\n06108 Halle (Saale)",
            capacity=4,
        )
        event.agenda_items = [
            AgendaItem(position=1, title="Begrüßung", duration_minutes=15),
            AgendaItem(position=2, title="Berichte aus den Projekten", duration_minutes=45),
        ]
        session.add(event)
        ids: dict[str, int] = {}
        for number, (first, last, email, phone, status) in enumerate(PEOPLE):
            person = Person(
                first_name=first,
                last_name=last,
                email=email,
                email_key=email or None,
                phone=phone,
                created_at=NOW,
                restricted_until=dt.date(2030, 1, 1) if first == "Gesperrt" else None,
            )
            at = NOW + dt.timedelta(minutes=number)
            session.add(
                Registration(
                    person=person,
                    event=event,
                    status=status,
                    registered_at=at,
                    status_changed_at=at,
                )
            )
            session.flush()
            ids[first] = person.id
        project = MemberProject(name="Lesewelt Halle", email="lesewelt@example.org")
        session.add(project)
        with_consent = Contact(
            first_name="Anna",
            last_name="Weiß",
            email="anna@example.org",
            on_mailing_list=True,
            consent_on=dt.date(2025, 1, 1),
            project=project,
        )
        without = Contact(
            first_name="Bernd", last_name="Ohne", email="bernd@example.org", on_mailing_list=True
        )
        withdrawn = Contact(
            first_name="Carla",
            last_name="Zurück",
            email="carla@example.org",
            on_mailing_list=True,
            consent_on=dt.date(2025, 1, 1),
        )
        session.add_all([with_consent, without, withdrawn])
        session.flush()
        session.add(
            ConsentRecord(
                subject_kind=SubjectKind.CONTACT.value,
                subject_id=withdrawn.id,
                purpose=ConsentPurpose.MAILING_LIST.value,
                basis=LegalBasis.REFUSED.value,
                given_on=dt.date(2026, 1, 1),
                source="E-Mail",
                text_version="",
                given_by="",
                recorded_at=NOW,
            )
        )
        session.add(
            Task(
                event=event,
                title="Raum aufschließen",
                contact=with_consent,
                due_on=dt.date(2026, 12, 9),
            )
        )
        session.flush()
        ids["event"] = event.id
        ids["project"] = project.id
    return ids
