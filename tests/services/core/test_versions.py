"""Optimistic locking and field limits behave the same on SQLite and PostgreSQL.

PC A reads a record, PC B saves it, A saves against the version it read: a
ConflictError with both sides, and nothing of A stored. Bad field values are refused
with the same German line on both databases (PostgreSQL would refuse NUL bytes and
long values with English errors of its own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest

from patenbuero.errors import ConflictError, ValidationError
from patenbuero.services.core.database import Database, open_database
from patenbuero.services.core.network_texts import load_texts_for_editing, save_texts
from patenbuero.services.inquiries.use_cases import (
    InquiryInput,
    get_inquiry,
    input_from_detail,
    save_inquiry,
)
from patenbuero.services.privacy.editing import PersonFields, update_subject
from patenbuero.services.privacy.page import person_page
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.projects.contacts import (
    ContactInput,
    get_contact,
    input_from_row,
    save_contact,
)
from patenbuero.services.projects.organisations import (
    OrganisationInput,
    list_organisations,
    save_organisation,
)
from patenbuero.services.projects.organisations import input_from_row as organisation_input
from patenbuero.services.registrations.persons import PersonInput, find_or_create_person


@pytest.fixture(params=["sqlite", "postgresql"])
def two_pcs(request, tmp_path) -> Iterator[tuple[Database, Database]]:
    """Two connections (two PCs) to one new database of each kind."""
    if request.param == "sqlite":
        target = str(tmp_path / "büro.sqlite3")
    else:
        target = request.getfixturevalue("pg_url")
    first = open_database(target)
    second = open_database(target)
    yield first, second
    first.dispose()
    second.dispose()


def _organisation(db: Database, organisation_id: int):
    return next(r for r in list_organisations(db) if r.id == organisation_id)


def test_trager_conflict(two_pcs) -> None:
    a, b = two_pcs
    organisation_id = save_organisation(a, None, OrganisationInput("Bürgerstiftung Halle"))
    seen = organisation_input(_organisation(a, organisation_id))
    save_organisation(b, organisation_id, replace(seen, address="Markt 1"))
    with pytest.raises(ConflictError) as raised:
        save_organisation(a, organisation_id, replace(seen, website="www.buergerstiftung.de"))
    assert raised.value.theirs.address == "Markt 1" and raised.value.theirs.website == ""
    assert raised.value.mine.website == "www.buergerstiftung.de"
    assert _organisation(a, organisation_id).website == ""  # nothing of A stored
    chosen = replace(raised.value.mine, address="Markt 1", expected_version=raised.value.version)
    save_organisation(a, organisation_id, chosen)
    stored = _organisation(b, organisation_id)
    assert (stored.address, stored.website) == ("Markt 1", "www.buergerstiftung.de")


def test_contact_person_inquiry_and_texts_conflicts(two_pcs) -> None:
    a, b = two_pcs
    contact_id = save_contact(a, None, ContactInput("Becker", "Emil", partner_name="Stadt Halle"))
    seen_contact = input_from_row(get_contact(a, contact_id))
    save_contact(b, contact_id, replace(seen_contact, phone="0345 1111111"))
    with pytest.raises(ConflictError) as contact:
        save_contact(a, contact_id, replace(seen_contact, role="Sachgebiet"))
    assert contact.value.theirs.phone == "0345 1111111"

    with a.unit_of_work() as session:
        person, _ = find_or_create_person(
            session, PersonInput("Heike", "Thiele"), dt.datetime(2026, 11, 2, 9)
        )
        ref = SubjectRef("person", person.id)
    page = person_page(a, ref)
    seen_person = PersonFields("Heike", "Thiele", expected_version=page.version)
    update_subject(b, ref, replace(seen_person, phone="0345 2222222"))
    with pytest.raises(ConflictError) as person_conflict:
        update_subject(a, ref, replace(seen_person, remarks="kommt später"))
    assert person_conflict.value.theirs.phone == "0345 2222222"
    assert person_page(a, ref).remarks == ""

    inquiry_id = save_inquiry(
        a, None, InquiryInput("Anna Schmidt", received_on=dt.date(2026, 11, 2))
    )
    seen_inquiry = input_from_detail(get_inquiry(a, inquiry_id))
    save_inquiry(b, inquiry_id, replace(seen_inquiry, notes="Rückruf"))
    with pytest.raises(ConflictError) as inquiry:
        save_inquiry(a, inquiry_id, replace(seen_inquiry, message="Möchte vorlesen."))
    assert inquiry.value.theirs.notes == "Rückruf"

    texts, version = load_texts_for_editing(a)
    save_texts(b, replace(texts, opening_hours="Mo 9–12 Uhr"), version)
    with pytest.raises(ConflictError) as settings:
        save_texts(a, replace(texts, website="www.patenschaften-halle.de"), version)
    assert settings.value.theirs.opening_hours == "Mo 9–12 Uhr"
    assert settings.value.version > version


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("Kr\x00use", "Nachname enthält ein unzulässiges Steuerzeichen (U+0000)"),
        ("\x1b[31mRot", "(U+001B)"),
        ("x" * 101, "Der Nachname ist 101 Zeichen lang; erlaubt sind höchstens 100."),
    ],
)
def test_same_german_line_on_both_databases(two_pcs, value, words) -> None:
    a, _b = two_pcs
    with a.unit_of_work() as session, pytest.raises(ValidationError) as refused:
        find_or_create_person(session, PersonInput("Ben", value), dt.datetime(2026, 11, 2, 9))
    assert words in str(refused.value) and refused.value.field == "last_name"
    with pytest.raises(ValidationError) as again:
        save_contact(a, None, ContactInput(value, partner_name="Stadt Halle"))
    assert words in str(again.value)


def _race(a: Database, b: Database, organisation_id: int, monkeypatch) -> list[str]:
    """Both PCs save from the same version at once; each pauses after its version check."""
    import threading
    import time

    from patenbuero.errors import UserError
    from patenbuero.services.projects import organisations

    real_check = organisations.check_version

    def slow_check(*args, **kwargs) -> None:
        real_check(*args, **kwargs)
        time.sleep(0.5)  # the other PC's save runs now

    monkeypatch.setattr(organisations, "check_version", slow_check)
    seen = organisation_input(_organisation(a, organisation_id))
    outcomes: list[str] = []

    def save(db: Database, address: str) -> None:
        try:
            save_organisation(db, organisation_id, replace(seen, address=address))
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")
        except UserError:
            outcomes.append("error")

    threads = [
        threading.Thread(target=save, args=(a, "Markt 1")),
        threading.Thread(target=save, args=(b, "Markt 2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


def test_simultaneous_saves_end_in_one_save_and_one_conflict(two_pcs, monkeypatch) -> None:
    """The row lock makes the second save wait, then see the new version: the conflict
    dialog, not a "bitte neu laden" message."""
    a, b = two_pcs
    organisation_id = save_organisation(a, None, OrganisationInput("Verein Lesen e. V."))
    assert _race(a, b, organisation_id, monkeypatch) == ["conflict", "saved"]


def test_without_the_row_lock_postgresql_would_not_show_the_dialog(pg_url, monkeypatch) -> None:
    """Negative control: without FOR UPDATE both saves pass the check on PostgreSQL."""
    from patenbuero.db import safety_switches
    from patenbuero.services.core import versions

    def unlocked(session, model, record_id, gone):
        return session.get(model, record_id)

    monkeypatch.setattr(versions, "load_for_update", unlocked)
    monkeypatch.setattr("patenbuero.services.projects.organisations.load_for_update", unlocked)
    # The Träger creation lock would serialise the two saves as well: off too.
    monkeypatch.setenv(safety_switches.ENV_VARIABLE, safety_switches.SERIALISATION)
    a, b = open_database(pg_url), open_database(pg_url)
    try:
        organisation_id = save_organisation(a, None, OrganisationInput("Verein Lesen e. V."))
        assert _race(a, b, organisation_id, monkeypatch) == ["error", "saved"]
    finally:
        a.dispose()
        b.dispose()
