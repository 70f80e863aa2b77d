"""Recording, suggesting, forwarding and closing inquiries through the services."""

import dataclasses
import datetime as dt
from urllib.parse import unquote

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.inquiries.forwarding import forward_inquiry, forwarding_mail
from patenbuero.services.inquiries.matching import suggest_projects
from patenbuero.services.inquiries.use_cases import (
    InquiryInput,
    close_inquiry,
    get_inquiry,
    list_inquiries,
    reopen_inquiry,
    save_inquiry,
)
from tests.helpers.inquiry_network import TODAY


def child_inquiry(db, network, **changes) -> int:
    values = InquiryInput(
        name="Friederike Thiele",
        kind="become_volunteer",
        received_on=TODAY - dt.timedelta(days=3),
        email="f.thiele@example.org",
        target_group_id=network["Kinder"],
        district_id=network["Neustadt"],
        message="Ich würde gern Kindern vorlesen.",
    )
    return save_inquiry(db, None, dataclasses.replace(values, **changes), today=TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"name": "  "}, "name", "Namen"),
        ({"email": "thiele(at)example.org"}, "email", "E-Mail-Adresse ungültig"),
        ({"phone": "0345 abc"}, "phone", "Telefonnummer ungültig"),
        ({"received_on": TODAY + dt.timedelta(days=1)}, "received_on", "in der Zukunft"),
        ({"received_on": None}, "received_on", "wann die Anfrage einging"),
        ({"status": "forwarded"}, "status", "weitergeleitet"),
    ],
)
def test_invalid_input_names_the_field_and_stores_nothing(db, network, changes, field, text):
    with pytest.raises(ValidationError) as error:
        child_inquiry(db, network, **changes)
    assert error.value.field == field
    assert text in error.value.message
    assert list_inquiries(db, today=TODAY) == []


def test_new_inquiry_is_open_and_tidied_and_can_be_edited(db, network):
    inquiry_id = child_inquiry(db, network, name="  Emre   Doğan ", phone="0345 6851234")
    row = list_inquiries(db, today=TODAY)[0]
    assert (row.name, row.status_label, row.target_group, row.district) == (
        "Emre Doğan",
        "offen",
        "Kinder",
        "Neustadt",
    )
    assert row.phone == "0345 6851234" and row.days_open == 3 and not row.waiting
    changed = InquiryInput(
        name="Emre Doğan", kind="seek_mentorship", received_on=TODAY, notes="rief zurück"
    )
    assert save_inquiry(db, inquiry_id, changed, today=TODAY) == inquiry_id
    detail = get_inquiry(db, inquiry_id)
    assert (detail.kind_label, detail.target_group, detail.notes) == (
        "sucht eine Patenschaft",
        "",
        "rief zurück",
    )


def test_same_group_and_district_ranks_above_district_only_and_left_never_shows(db, network):
    inquiry_id = child_inquiry(db, network)
    matches = suggest_projects(db, inquiry_id)
    names = [m.name for m in matches]
    assert names == ["Lesewelt Halle", "Lernengel", "Besuchspatenschaften"]
    assert matches[0].reason_text == "Zielgruppe Kinder · Stadtteil Neustadt"
    assert matches[2].reason_text == "Stadtteil Neustadt"
    everything = suggest_projects(db, inquiry_id, include_all=True)
    assert [(m.name, m.fits) for m in everything[2:]] == [
        ("Stadtweite Paten", False),  # another target group: shown only on request
        ("Besuchspatenschaften", True),
        ("Familienpaten", False),
    ]
    assert everything[2].reason_text == "ganz Halle · sucht Pat:innen"
    assert not {"Alte Kinderpaten", "Pausierte Kinderpaten"} & {m.name for m in everything}


def test_seeking_volunteers_counts_only_for_future_paten(db, network):
    inquiry_id = child_inquiry(db, network, kind="seek_mentorship", target_group_id=None)
    matches = suggest_projects(db, inquiry_id)
    assert [m.reason_text for m in matches] == ["Stadtteil Neustadt"] * 2 + ["ganz Halle"]


def test_forwarding_records_date_sets_status_and_never_forwards_twice(db, network):
    inquiry_id = child_inquiry(db, network)
    on = TODAY - dt.timedelta(days=1)
    result = forward_inquiry(
        db, inquiry_id, [network["Lesewelt Halle"]], on, "mit Einverständnis", today=TODAY
    )
    assert result.message() == "Weitergeleitet an „Lesewelt Halle“."
    detail = get_inquiry(db, inquiry_id)
    assert detail.status_label == "weitergeleitet"
    assert [(f.project_name, f.forwarded_on, f.note) for f in detail.forwardings] == [
        ("Lesewelt Halle", on, "mit Einverständnis")
    ]
    again = forward_inquiry(
        db, inquiry_id, [network["Lesewelt Halle"], network["Lernengel"]], TODAY, today=TODAY
    )
    assert [f.project_name for f in again.forwarded] == ["Lernengel"]
    assert "„Lesewelt Halle“ hat diese Anfrage schon am 24.11.2026 bekommen." in again.message()
    with pytest.raises(ValidationError, match=r"schon am 24\.11\.2026") as error:
        forward_inquiry(db, inquiry_id, [network["Lesewelt Halle"]], TODAY, today=TODAY)
    assert error.value.field == "projects"
    assert len(get_inquiry(db, inquiry_id).forwardings) == 2
    suggested = {m.name: m.forwarded_on for m in suggest_projects(db, inquiry_id)}
    assert suggested["Lesewelt Halle"] == on
    assert list_inquiries(db, today=TODAY)[0].forwarded_to == "Lesewelt Halle, Lernengel"


@pytest.mark.parametrize(
    ("projects", "day", "field"),
    [
        ([], TODAY, "projects"),
        (["Alte Kinderpaten"], TODAY, "projects"),
        (["Lesewelt Halle"], TODAY + dt.timedelta(days=1), "forwarded_on"),
        (["Lesewelt Halle"], TODAY - dt.timedelta(days=30), "forwarded_on"),
    ],
)
def test_forwarding_refuses_wrong_choices(db, network, projects, day, field):
    inquiry_id = child_inquiry(db, network)
    with pytest.raises(ValidationError) as error:
        forward_inquiry(db, inquiry_id, [network[p] for p in projects], day, today=TODAY)
    assert error.value.field == field
    detail = get_inquiry(db, inquiry_id)
    assert detail.status == "open" and detail.forwardings == ()


def test_close_and_reopen(db, network):
    plain = child_inquiry(db, network)
    sent = child_inquiry(db, network, name="Lea Fröhlich")
    forward_inquiry(db, sent, [network["Lernengel"]], TODAY, today=TODAY)
    for inquiry_id in (plain, sent):
        close_inquiry(db, inquiry_id)
    assert {r.status for r in list_inquiries(db, today=TODAY)} == {"closed"}
    assert len(list_inquiries(db, status="closed", today=TODAY)) == 2
    with pytest.raises(ValidationError, match="erledigt"):
        forward_inquiry(db, plain, [network["Lernengel"]], TODAY, today=TODAY)
    assert reopen_inquiry(db, plain) == "open"
    assert reopen_inquiry(db, sent) == "forwarded"


def test_open_inquiry_waiting_over_two_weeks_is_marked(db, network):
    child_inquiry(db, network, received_on=TODAY - dt.timedelta(days=15))
    child_inquiry(db, network, name="Lea Fröhlich", received_on=TODAY - dt.timedelta(days=14))
    rows = {r.name: r for r in list_inquiries(db, today=TODAY)}
    assert rows["Friederike Thiele"].waiting and rows["Friederike Thiele"].days_open == 15
    assert not rows["Lea Fröhlich"].waiting


def consent_to_pass_on(db, inquiry_id: int) -> None:
    from patenbuero.services.privacy.consents import ConsentInput, record_consent
    from patenbuero.services.privacy.refs import SubjectRef

    record_consent(
        db,
        SubjectRef("inquiry", inquiry_id),
        ConsentInput("pass_on", "consent", dt.date(2026, 1, 5), "Webformular"),
    )


def test_mail_goes_to_project_or_first_contact_with_the_inquiry(db, network):
    inquiry_id = child_inquiry(db, network, phone="0345 6851234")
    consent_to_pass_on(db, inquiry_id)
    mail = forwarding_mail(db, inquiry_id, network["Stadtweite Paten"])
    assert mail.to == "stadt@example.org"
    assert "Name: Friederike Thiele" in mail.body and "Telefon: 0345 6851234" in mail.body
    assert "Ich würde gern Kindern vorlesen." in mail.body
    url = mail.mailto_url
    assert url.startswith("mailto:stadt@example.org?subject=")
    assert "Friederike Thiele" in unquote(url) and mail.body_in_link
    assert forwarding_mail(db, inquiry_id, network["Familienpaten"]).to == "ayse@example.org"
    assert forwarding_mail(db, inquiry_id, network["Lernengel"]).to == ""
    long = child_inquiry(db, network, message="Sehr lang. " * 300)
    consent_to_pass_on(db, long)
    long_mail = forwarding_mail(db, long, network["Stadtweite Paten"])
    assert len(long_mail.mailto_url) < 2000 and not long_mail.body_in_link


def test_reading_the_list_again_gives_unchanged_rows_back_and_fresh_ones_for_changes(db, network):
    first_id = child_inquiry(db, network, name="Anna Alt")
    second_id = child_inquiry(db, network, name="Bernd Neu")
    before = {row.id: row for row in list_inquiries(db, today=TODAY)}
    forward_inquiry(db, second_id, [network["Lernengel"]], TODAY, today=TODAY)

    after = {row.id: row for row in list_inquiries(db, today=TODAY)}

    assert after[first_id] is before[first_id]
    assert after[second_id] is not before[second_id]
    assert (after[second_id].forwarded_to, after[second_id].status) == ("Lernengel", "forwarded")
    # A day later the open inquiry has waited one day longer.
    later = {row.id: row for row in list_inquiries(db, today=TODAY + dt.timedelta(days=1))}
    assert later[first_id].days_open == before[first_id].days_open + 1
