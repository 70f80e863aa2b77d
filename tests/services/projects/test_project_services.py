"""The member register through its services: rules, leaving, safe deletion, the Verteiler."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from patenbuero.db.models import Contact, MemberProject
from patenbuero.errors import ValidationError
from patenbuero.io.tabular import read_csv_bytes
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.contacts import ContactInput, list_contacts, save_contact
from patenbuero.services.projects.editing import (
    ProjectInput,
    delete_project,
    mark_left,
    project_dependents,
    save_project,
)
from patenbuero.services.projects.mailing_list import (
    bcc_text,
    export_mailing_list,
    mail_links,
    mailing_list,
)
from patenbuero.services.projects.organisations import list_organisations


def test_new_project_with_new_traeger_and_lists(db) -> None:
    with db.unit_of_work() as session:
        from patenbuero.db.models import District, TargetGroup

        session.add_all([TargetGroup(name="Kinder"), District(name="Südstadt")])
    groups, districts = projects.list_target_groups(db), projects.list_districts(db)
    project_id = save_project(
        db,
        None,
        ProjectInput(
            name="  Lesewelt   Halle ",
            organisation_name="Lesewelt Halle e.V.",
            target_group_ids=(groups[0].id,),
            district_ids=(districts[0].id,),
            website="www.lesewelt.example.org",
            phone="0345 1234567",
        ),
    )
    detail = projects.get_project(db, project_id)
    assert detail.name == "Lesewelt Halle"
    assert detail.organisation_name == "Lesewelt Halle e.V."
    assert detail.website == "www.lesewelt.example.org"
    [row] = projects.list_projects(db)
    assert (row.target_groups, row.districts) == ("Kinder", "Südstadt")
    assert list_organisations(db)[0].projects == "Lesewelt Halle"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (ProjectInput(name=" "), "name", "Namen"),
        (ProjectInput(name="X", flyer_text="a" * 161), "flyer_text", "161 Zeichen"),
        (ProjectInput(name="X", email="kontakt@lesewelt"), "email", "Domain"),
        (ProjectInput(name="X", phone="0345 ABC"), "phone", "Buchstaben"),
        (ProjectInput(name="X", website="lesewelt"), "website", "Webadresse"),
        (
            ProjectInput(name="X", leitbild_signed_on=dt.date.today() + dt.timedelta(days=3)),
            "leitbild_signed_on",
            "Zukunft",
        ),
    ],
)
def test_broken_rules_name_the_field(db, data, field, words) -> None:
    with pytest.raises(ValidationError) as error:
        save_project(db, None, data)
    assert error.value.field == field
    assert words in error.value.message


def test_flyer_text_of_exactly_the_limit_is_fine(db) -> None:
    text = "x" * projects.FLYER_TEXT_LIMIT
    project_id = save_project(db, None, ProjectInput(name="Kurz", flyer_text=text))
    assert projects.get_project(db, project_id).flyer_text == text


def test_names_are_unique_ignoring_case(db) -> None:
    save_project(db, None, ProjectInput(name="Lernengel"))
    with pytest.raises(ValidationError, match="gibt es schon") as error:
        save_project(db, None, ProjectInput(name="LERNENGEL"))
    assert error.value.field == "name"


def test_logo_must_be_a_small_png(db) -> None:
    with pytest.raises(ValidationError, match="PNG") as error:
        save_project(db, None, ProjectInput(name="X", logo_png=b"GIF89a", replace_logo=True))
    assert error.value.field == "logo"


def test_project_with_contacts_is_not_deleted_but_can_leave(demo_db) -> None:
    row = next(r for r in projects.list_projects(demo_db) if r.status == "active" and r.contact)
    dependents = project_dependents(demo_db, row.id)
    assert dependents.contacts >= 1
    with pytest.raises(ValidationError) as error:
        delete_project(demo_db, row.id)
    assert "Ansprechpartner:in" in error.value.message
    assert "ausgeschieden" in error.value.message
    mark_left(demo_db, row.id, dt.date(2026, 11, 1))
    detail = projects.get_project(demo_db, row.id)
    assert (detail.status, detail.left_on, detail.seeks_volunteers) == (
        "left",
        dt.date(2026, 11, 1),
        False,
    )
    assert len(list_contacts(demo_db, row.id)) == dependents.contacts


def test_project_without_dependents_is_deleted(db) -> None:
    project_id = save_project(db, None, ProjectInput(name="Tippfehler"))
    assert delete_project(db, project_id) == "Tippfehler"
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(MemberProject)) == 0


def test_verteiler_needs_an_email_address(db) -> None:
    with pytest.raises(ValidationError) as error:
        save_contact(
            db,
            None,
            ContactInput(last_name="Lehmann", partner_name="Stadt Halle", on_mailing_list=True),
        )
    assert error.value.field == "email"


def test_partner_contacts_are_on_the_verteiler(db) -> None:
    contact_id = save_contact(
        db,
        None,
        ContactInput(
            first_name="Sabine",
            last_name="Lehmann",
            partner_name="Seniorenvertretung",
            email="s.lehmann@example.org",
            on_mailing_list=True,
            consent_on=dt.date(2025, 3, 1),
            consent_source="Mitgliedsantrag",
        ),
    )
    [row] = mailing_list(db, statuses=["partner"])
    assert (row.id, row.belongs_to) == (contact_id, "Seniorenvertretung")


def test_bcc_text_for_outlook_and_thunderbird(demo_db) -> None:
    rows = mailing_list(demo_db)
    assert len(rows) > 20
    outlook, thunderbird = bcc_text(rows, "outlook"), bcc_text(rows, "thunderbird")
    assert outlook.count("; ") == len(rows) - 1
    assert thunderbird.count(", ") == len(rows) - 1


def test_long_verteiler_is_split_into_several_mails(demo_db) -> None:
    rows = mailing_list(demo_db)
    links = mail_links(rows, max_length=400)
    assert links.split
    assert all(len(link) <= 400 for link in links.links)
    assert sum(link.count("@") for link in links.links) == len(rows)
    assert not mail_links(rows[:2]).split


def test_verteiler_csv_opens_in_excel_with_umlauts(demo_db) -> None:
    rows = mailing_list(demo_db)
    data = export_mailing_list(rows, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    table = read_csv_bytes(data)
    assert table.headers[:3] == ("Vorname", "Nachname", "E-Mail")
    assert len(table.rows) == len(rows)
    assert b";" in data.splitlines()[0]
    vcards = export_mailing_list(rows, "vcf").decode("utf-8")
    assert vcards.count("BEGIN:VCARD") == len(rows)
    assert "VERSION:4.0" in vcards
    assert export_mailing_list(rows, "xlsx").startswith(b"PK")


def test_contacts_of_project_and_partners_are_kept_apart(demo_db) -> None:
    partners = list_contacts(demo_db, None)
    assert partners and all(r.project_id is None for r in partners)
    with demo_db.reading() as session:
        total = session.scalar(select(func.count()).select_from(Contact))
    assert len(partners) < total
