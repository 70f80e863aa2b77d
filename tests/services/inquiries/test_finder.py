"""Projektfinder: what a visitor can choose, fitting projects, the visit as an inquiry."""

import datetime as dt

import pytest

from patenbuero.db.models import MemberProject
from patenbuero.errors import ValidationError
from patenbuero.services.inquiries.finder import (
    FinderChoice,
    Visitor,
    find_projects,
    finder_options,
    handout_pdf,
    record_visit,
)
from patenbuero.services.inquiries.use_cases import get_inquiry, list_inquiries
from patenbuero.services.privacy import SubjectRef, has_basis
from tests.pdf.pdf_readback import page_count, pdftotext_pages

NOW = dt.datetime(2026, 11, 28, 11, 30)


@pytest.fixture
def stand(db, network):
    with db.unit_of_work() as session:
        for project in session.query(MemberProject):
            if project.name == "Lernengel":
                project.seeks_volunteers = True
                project.languages = "Arabisch, Türkisch"
                project.time_commitment = "2 Stunden pro Woche"
                project.flyer_text = "Lernhilfe für Grundschulkinder in Glaucha."
            if project.name == "Lesewelt Halle":
                project.languages = "Englisch"
    return network


def test_only_active_projects_and_their_offers_can_be_chosen(db, stand):
    options = finder_options(db)
    assert "Arabisch" in options.languages and "Englisch" in options.languages
    assert options.times == ("2 Stunden pro Woche",)
    names = [name for _id, name in options.target_groups]
    assert "Kinder" in names


def test_fitting_projects_seeking_volunteers_first(db, stand):
    choice = FinderChoice(target_group_ids=(stand["Kinder"],), languages=("Arabisch",))
    names = [p.name for p in find_projects(db, choice)]
    assert names[0] == "Lernengel"
    assert "Alte Kinderpaten" not in names and "Pausierte Kinderpaten" not in names
    assert "Besuchspatenschaften" not in names
    in_neustadt = find_projects(
        db, FinderChoice(target_group_ids=(stand["Kinder"],), district_id=stand["Neustadt"])
    )
    assert "Lernengel" not in [p.name for p in in_neustadt]


def test_handout_is_one_page_with_exactly_the_chosen_projects(db, stand):
    choice = FinderChoice(target_group_ids=(stand["Kinder"],), languages=("Arabisch",))
    projects = find_projects(db, choice)
    pdf = handout_pdf(db, choice, projects)
    assert page_count(pdf) == 1
    text = pdftotext_pages(pdf)[0]
    assert "Ihre passenden Patenschaftsprojekte" in text
    assert "Lernengel" in text and "Lernhilfe für Grundschulkinder" in text
    assert "Besuchspatenschaften" not in text
    assert "Sprachen: Arabisch" in text


def test_visit_is_stored_only_with_consent(db, stand):
    choice = FinderChoice(target_group_ids=(stand["Kinder"],), district_id=stand["Glaucha"])
    visitor = Visitor("Şebnem Öztürk", "sebnem@example.org")
    with pytest.raises(ValidationError) as error:
        record_visit(db, choice, visitor, ["Lernengel"], consent=False, now=NOW)
    assert error.value.field == "consent" and list_inquiries(db, today=NOW.date()) == []
    with pytest.raises(ValidationError) as error:
        record_visit(db, choice, Visitor("Şebnem Öztürk"), [], consent=True, now=NOW)
    assert error.value.field == "email"
    inquiry_id = record_visit(db, choice, visitor, ["Lernengel"], consent=True, now=NOW)
    detail = get_inquiry(db, inquiry_id)
    assert (detail.channel, detail.kind, detail.target_group, detail.district) == (
        "info_stand",
        "become_volunteer",
        "Kinder",
        "Glaucha",
    )
    assert "Passende Projekte: Lernengel" in detail.message
    with db.reading() as session:
        assert has_basis(session, SubjectRef("inquiry", inquiry_id), "pass_on")
