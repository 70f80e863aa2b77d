"""Consents per purpose, erasure and restriction, retention, and the rules where data leave."""

import datetime as dt
from dataclasses import replace

import pytest

from patenbuero.db.models import ConsentRecord, Contact, MemberProject
from patenbuero.errors import ValidationError
from patenbuero.services.inquiries.forwarding import forwarding_mail
from patenbuero.services.inquiries.use_cases import InquiryInput, close_inquiry, save_inquiry
from patenbuero.services.privacy.consents import (
    ConsentInput,
    record_consent,
    withdraw_consent,
)
from patenbuero.services.privacy.deletion_log import deletion_log
from patenbuero.services.privacy.directory import list_people
from patenbuero.services.privacy.erasure import erase_subject, plan_erasure
from patenbuero.services.privacy.page import person_page
from patenbuero.services.privacy.refs import SubjectRef, parse_ref
from patenbuero.services.privacy.retention import due_items, purge
from patenbuero.services.projects.mailing_list import mailing_list, without_basis_count
from patenbuero.services.registrations.person_merge import merge_persons
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.databases import stored_bytes
from tests.helpers.persons import add_event, fund, person

PAST = dt.datetime(2024, 3, 5, 17, 0)
NOW = dt.datetime(2026, 11, 25, 10, 0)


def P(pid: int) -> SubjectRef:
    return SubjectRef("person", pid)


def test_refs_are_parsed_and_bad_ones_refused() -> None:
    assert parse_ref("P12") == P(12) and parse_ref("12") == P(12)
    assert parse_ref("a3") == SubjectRef("inquiry", 3) and str(parse_ref("K5")) == "K5"
    with pytest.raises(ValidationError, match="keine Personennummer"):
        parse_ref("Müller")


def test_consent_needs_date_and_source_and_keeps_its_history(db) -> None:
    event_id = add_event(db)
    pid = register_person(db, event_id, person("Zoë", "Weiß", "zw@example.org")).person_id
    with pytest.raises(ValidationError, match="wann"):
        record_consent(db, P(pid), ConsentInput("photos", "consent", None, "Papier"))
    with pytest.raises(ValidationError, match="Einwilligung"):
        record_consent(db, P(pid), ConsentInput("photos", "contract"))
    record_consent(
        db,
        P(pid),
        ConsentInput("photos", "consent", dt.date(2026, 1, 2), "Papier", "v2", "Mutter Anna Weiß"),
        now=NOW,
    )
    withdraw_consent(db, P(pid), "photos", dt.date(2026, 3, 1), now=NOW + dt.timedelta(hours=1))
    page = person_page(db, P(pid))
    assert not page.consents["photos"].active
    assert [c.withdrawn_on for c in page.history] == [dt.date(2026, 3, 1), None]
    assert page.history[1].given_by == "Mutter Anna Weiß"


def test_umlaut_tolerant_search_over_every_kind_of_person(db) -> None:
    event_id = add_event(db)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    save_inquiry(
        db,
        None,
        InquiryInput(name="Anna Mueller", email="am@example.org", received_on=dt.date(2026, 1, 5)),
    )
    with db.unit_of_work() as session:
        session.add(Contact(first_name="Hans", last_name="Muller", email="hm@example.org"))
    found = list_people(db, "mueller")
    assert {e.kind_label for e in found} == {"Teilnehmer:in", "Anfrage", "Ansprechpartner:in"}


def test_verteiler_exports_only_contacts_with_a_basis(db) -> None:
    with db.unit_of_work() as session:
        contacts = [
            Contact(last_name="Ohne", email="ohne@example.org", on_mailing_list=True),
            Contact(last_name="Mit", email="mit@example.org", on_mailing_list=True),
            Contact(last_name="Interesse", email="bi@example.org", on_mailing_list=True),
        ]
        session.add_all(contacts)
        session.flush()
        ids = [c.id for c in contacts]
    record_consent(
        db,
        SubjectRef("contact", ids[1]),
        ConsentInput("mailing_list", "consent", dt.date(2026, 1, 1), "E-Mail"),
    )
    record_consent(
        db, SubjectRef("contact", ids[2]), ConsentInput("mailing_list", "legitimate_interest")
    )
    assert {r.email for r in mailing_list(db)} == {"mit@example.org", "bi@example.org"}
    assert without_basis_count(db) == 1
    withdraw_consent(db, SubjectRef("contact", ids[1]), "mailing_list", dt.date.today())
    assert {r.email for r in mailing_list(db)} == {"bi@example.org"}


def test_forwarding_without_consent_carries_no_personal_data(db, network) -> None:
    inquiry_id = save_inquiry(
        db,
        None,
        InquiryInput(
            name="Friederike Thiele",
            email="ft@example.org",
            phone="0345 6851234",
            message="Ich heiße Friederike und möchte vorlesen.",
            received_on=dt.date(2026, 11, 2),
        ),
    )
    mail = forwarding_mail(db, inquiry_id, network["Stadtweite Paten"])
    text = mail.subject + mail.body
    for secret in ("Friederike", "Thiele", "ft@example.org", "6851234"):
        assert secret not in text
    assert "keine personenbezogenen Angaben" in mail.body
    record_consent(
        db,
        SubjectRef("inquiry", inquiry_id),
        ConsentInput("pass_on", "consent", dt.date(2026, 11, 2), "Webformular"),
    )
    assert "Friederike Thiele" in forwarding_mail(db, inquiry_id, network["Stadtweite Paten"]).body


def test_erasure_without_duty_anonymises_past_and_frees_future_places(db) -> None:
    past = add_event(db, title="Fachtag 2024", starts_at=PAST, ends_at=PAST + dt.timedelta(hours=2))
    future = add_event(
        db,
        title="Fachtag 2027",
        capacity=1,
        starts_at=dt.datetime(2027, 3, 1, 9),
        ends_at=dt.datetime(2027, 3, 1, 12),
    )
    pid = register_person(
        db, past, person("Łukasz", "Wiśniewski", "lw@example.org"), now=PAST
    ).person_id
    register_person(db, future, pid, now=NOW)
    waiting = register_person(db, future, person("Olena", "Kowalenko", "ok@example.org"), now=NOW)
    assert waiting.status == "waitlisted"
    plan = plan_erasure(db, P(pid), today=NOW.date())
    assert plan.restricted_until is None and any("storniert" in g for g in plan.goes)
    result = erase_subject(db, P(pid), "Antrag per E-Mail", now=NOW, user="buero")
    assert result.action == "erased"
    assert [m.last_name for m in result.moved_up] == ["Kowalenko"]
    rows = list_registrations(db, past)
    assert len(rows) == 1 and rows[0].last_name == ""  # still counted, anonymous
    assert not list_people(db, "Wiśniewski")
    log = deletion_log(db)
    assert log[0].record == f"P{pid}" and log[0].user_name == "buero"
    assert "Wiśniewski" not in repr(log) and "lw@example.org" not in repr(log)


def test_erased_bytes_are_gone_from_the_database_file_and_wal(db) -> None:
    past = add_event(db, starts_at=PAST, ends_at=PAST + dt.timedelta(hours=2))
    name, email = "Xaverius-Quendolin", "xaverius.quendolin@example.org"
    pid = register_person(db, past, person("Bartholomäus", name, email), now=PAST).person_id
    erase_subject(db, P(pid), "Antrag", now=NOW)
    raw = stored_bytes(db)
    assert b"Fachtag Patenschaften" in raw  # the check sees what is stored
    for secret in (name, email, "Bartholom"):
        assert secret.encode() not in raw


def test_funded_event_restricts_until_proof_period_then_purge_erases(db) -> None:
    funded = add_event(
        db, title="Geförderte Fortbildung", starts_at=PAST, ends_at=PAST + dt.timedelta(hours=3)
    )
    fund(db, funded, "Stadt Halle (Saale)")
    pid = register_person(
        db, funded, person("Nguyễn", "Thị Lan", "ntl@example.org"), now=PAST
    ).person_id
    plan = plan_erasure(db, P(pid), today=NOW.date())
    assert plan.restricted_until == dt.date(2029, 12, 31)
    result = erase_subject(db, P(pid), "Antrag", now=NOW)
    assert result.action == "restricted" and "01.01.2030" in result.message()
    assert not list_people(db, "Nguyen")  # hidden from lists and searches
    assert [f"{r.first_name} {r.last_name}".strip() for r in list_registrations(db, funded)] == [
        "Nguyễn Thị Lan"
    ]  # proof
    from patenbuero.services.registrations.reports import export_registrations

    assert "Nguy" not in export_registrations(db, funded, "csv").decode("utf-8-sig")
    assert not due_items(db, today=dt.date(2029, 12, 31))
    due = due_items(db, today=dt.date(2030, 1, 2))
    assert [item.ref for item in due] == [P(pid)]
    calls = []
    assert (
        purge(db, due, today=dt.date(2030, 1, 2), progress=lambda d, t: calls.append(d) or True)
        == 1
    )
    assert calls == [1]
    assert [f"{r.first_name} {r.last_name}".strip() for r in list_registrations(db, funded)] == [""]


def test_retention_lists_old_participants_and_closed_inquiries(db) -> None:
    past = add_event(db, starts_at=PAST, ends_at=PAST + dt.timedelta(hours=2))
    pid = register_person(db, past, person("Ahmad", "Rahimi"), now=PAST).person_id
    inquiry = save_inquiry(
        db, None, InquiryInput(name="Mehmet Yılmaz", received_on=dt.date(2024, 1, 3))
    )
    close_inquiry(db, inquiry)
    due = {item.ref for item in due_items(db, today=dt.date(2026, 3, 6))}
    assert P(pid) in due and SubjectRef("inquiry", inquiry) not in due  # closed today
    later = {item.ref for item in due_items(db, today=dt.date.today() + dt.timedelta(days=370))}
    assert SubjectRef("inquiry", inquiry) in later


def test_merge_keeps_attendance_consents_and_moves_up_the_waitlist(db) -> None:
    event_id = add_event(
        db,
        capacity=2,
        starts_at=dt.datetime(2027, 5, 1, 9),
        ends_at=dt.datetime(2027, 5, 1, 12),
    )
    keep = register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"), now=NOW)
    dup = register_person(db, event_id, person("Juergen", "Mueller", "j.m@example.org"), now=NOW)
    waiting = register_person(db, event_id, person("Ayşe", "Demir", "ad@example.org"), now=NOW)
    assert waiting.status == "waitlisted"
    from patenbuero.services.registrations.attendance import set_attendance

    set_attendance(db, dup.registration_id, True)
    record_consent(db, P(dup.person_id), ConsentInput("photos", "refused"), now=NOW)
    merge_persons(db, keep.person_id, dup.person_id, now=NOW)
    rows = {f"{r.first_name} {r.last_name}": r for r in list_registrations(db, event_id)}
    assert rows["Jürgen Müller"].attended is True
    assert rows["Ayşe Demir"].status == "confirmed"
    assert "photos" in person_page(db, P(keep.person_id)).consents


def test_restricted_and_erased_persons_are_not_found_when_registering(db) -> None:
    from patenbuero.services.registrations.persons import likely_duplicates, search_persons

    funded = add_event(db, starts_at=PAST, ends_at=PAST + dt.timedelta(hours=3))
    fund(db, funded, "ESF Plus")
    pid = register_person(
        db, funded, person("Renée", "Großmann", "rg@example.org"), now=PAST
    ).person_id
    assert search_persons(db, "Grossmann")
    erase_subject(db, P(pid), "Antrag", now=NOW, wipe=False)
    assert not search_persons(db, "Grossmann")
    assert not likely_duplicates(db, "Renee", "Grossmann")


def test_contacts_of_projects_that_left_are_due_and_erased_with_their_consents(db) -> None:
    with db.unit_of_work() as session:
        project = MemberProject(
            name="Alte Kinderpaten", status="left", left_on=dt.date(2026, 6, 30)
        )
        contact = Contact(project=project, last_name="Schreiber", email="s@example.org")
        session.add_all([project, contact])
        session.flush()
        ref = SubjectRef("contact", contact.id)
    record_consent(db, ref, ConsentInput("mailing_list", "legitimate_interest"))
    due = [item for item in due_items(db, today=NOW.date()) if item.ref == ref]
    assert due and due[0].due_since == dt.date(2026, 6, 30)
    assert purge(db, due, today=NOW.date()) == 1
    assert not list_people(db, "Schreiber")
    with pytest.raises(Exception, match="keine Ansprechperson"):
        person_page(db, ref)
    with db.reading() as session:
        assert session.query(ConsentRecord).filter_by(subject_kind="contact").count() == 0


def test_restriction_ends_by_itself_when_the_proof_period_is_over(db) -> None:
    from patenbuero.services.privacy.retention import erase_expired_restrictions

    funded = add_event(db, starts_at=PAST, ends_at=PAST + dt.timedelta(hours=3))
    fund(db, funded, "Stadt Halle (Saale)")
    pid = register_person(db, funded, person("Ali", "Rezaei", "ar@example.org"), now=PAST).person_id
    assert erase_subject(db, P(pid), "Antrag", now=NOW).action == "restricted"
    assert erase_expired_restrictions(db, today=dt.date(2029, 12, 31)) == 0
    assert erase_expired_restrictions(db, today=dt.date(2030, 1, 1)) == 1
    assert [r.last_name for r in list_registrations(db, funded)] == [""]
    actions = [line.action_label for line in deletion_log(db)]
    assert actions == ["anonymisiert", "eingeschränkt"]


def test_inquiry_form_tick_gives_and_withdraws_consent_to_pass_on(db, network) -> None:
    values = InquiryInput(
        name="Friederike Thiele",
        email="ft@example.org",
        received_on=dt.date(2026, 11, 2),
        pass_on_consent=True,
        consent_source="Papier",
    )
    inquiry_id = save_inquiry(db, None, values)
    from patenbuero.services.inquiries.use_cases import get_inquiry

    assert get_inquiry(db, inquiry_id).pass_on_consent
    assert "Friederike Thiele" in forwarding_mail(db, inquiry_id, network["Stadtweite Paten"]).body
    history = person_page(db, SubjectRef("inquiry", inquiry_id)).history
    assert history[0].source == "Papier" and history[0].given_on == dt.date(2026, 11, 2)
    save_inquiry(db, inquiry_id, replace(values, pass_on_consent=False))
    assert not get_inquiry(db, inquiry_id).pass_on_consent
    assert "Thiele" not in forwarding_mail(db, inquiry_id, network["Stadtweite Paten"]).body
    assert len(person_page(db, SubjectRef("inquiry", inquiry_id)).history) == 2  # kept as proof
