"""Träger kinds and event kinds as the office's lists; retired entries of every list."""

import datetime as dt
from dataclasses import replace

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.core import kinds
from patenbuero.services.core.database import open_database
from patenbuero.services.inquiries.finder import finder_options
from patenbuero.services.inquiries.use_cases import InquiryInput, get_inquiry, save_inquiry
from patenbuero.services.plan.events import EventInput, create_event, get_event, update_event
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.projects import reference_data as ref
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.services.projects.organisations import (
    OrganisationInput,
    list_organisations,
    save_organisation,
)
from patenbuero.services.projects.use_cases import get_project, list_districts
from tests.helpers.databases import target_of

START = dt.datetime(2026, 5, 6, 16)


def _entry(db, kind: str, name: str) -> ref.ReferenceRow:
    return next(r for r in ref.list_reference(db, kind) if r.name == name)


def _event(db, kind: str, title: str = "Lesung im Park") -> int:
    return create_event(db, EventInput(title, kind, START, START + dt.timedelta(hours=2)))


def test_a_new_database_has_the_builtin_kinds_and_halles_stadtteile(new_db) -> None:
    events = kinds.event_kinds(new_db)
    assert [k.name for k in events][:2] == ["Vernetzungstreffen", "Fachtag"]
    assert {k.key for k in kinds.organisation_kinds(new_db)} >= {"verein", "kirche"}
    districts = {c.name for c in list_districts(new_db)}
    assert len(districts) == 42 and {"Silberhöhe", "Paulusviertel", "Kröllwitz"} <= districts
    assert "Senior:innen" in {r.name for r in ref.list_reference(new_db, ref.TARGET_GROUPS)}


def test_renamed_builtin_kind_keeps_its_key_and_shows_the_new_name(db) -> None:
    stand = _event(db, "info_stand", "Infostand Marktplatz")
    row = _entry(db, ref.EVENT_KINDS, "Infostand")
    assert row.builtin and row.uses == 1
    ref.rename_reference(db, ref.EVENT_KINDS, row.id, "Stand in der Stadt")
    assert get_event(db, stand).kind == "info_stand"  # behaviour keeps its key
    [listed] = list_events(db, 2026)
    assert listed.kind_label == "Stand in der Stadt"
    with pytest.raises(ValidationError, match="gehört zum Programm"):
        ref.delete_reference(db, ref.EVENT_KINDS, row.id)
    with pytest.raises(ValidationError, match="gehört zum Programm"):
        ref.merge_reference(db, ref.EVENT_KINDS, row.id, _entry(db, ref.EVENT_KINDS, "Fachtag").id)


def test_merging_an_own_event_kind_retags_every_event(db) -> None:
    reading = ref.add_reference(db, ref.EVENT_KINDS, "Lesung")
    typo = ref.add_reference(db, ref.EVENT_KINDS, "Lesungen")
    key = next(k.key for k in kinds.event_kinds(db) if k.name == "Lesungen")
    first, second = _event(db, key, "Lesung 1"), _event(db, key, "Lesung 2")
    assert ref.merge_reference(db, ref.EVENT_KINDS, typo, reading) == 2
    kept = next(k.key for k in kinds.event_kinds(db) if k.name == "Lesung")
    assert get_event(db, first).kind == get_event(db, second).kind == kept
    assert "Lesungen" not in {k.name for k in kinds.event_kinds(db)}
    assert _entry(db, ref.EVENT_KINDS, "Lesung").uses == 2
    # An own kind nobody uses any more can be removed.
    spare = ref.add_reference(db, ref.EVENT_KINDS, "Spaziergang")
    ref.delete_reference(db, ref.EVENT_KINDS, spare)


def test_own_trager_kind_merged_into_a_builtin_one(db) -> None:
    coop = ref.add_reference(db, ref.ORGANISATION_KINDS, "Genossenschaft")
    key = next(k.key for k in kinds.organisation_kinds(db) if k.name == "Genossenschaft")
    organisation = save_organisation(db, None, OrganisationInput("Wohnen eG", kind=key))
    assert [o.kind_label for o in list_organisations(db)] == ["Genossenschaft"]
    with pytest.raises(ValidationError, match="bei 1 Träger eingetragen"):
        ref.delete_reference(db, ref.ORGANISATION_KINDS, coop)
    other = _entry(db, ref.ORGANISATION_KINDS, "Sonstige").id
    assert ref.merge_reference(db, ref.ORGANISATION_KINDS, coop, other) == 1
    [row] = list_organisations(db)
    assert (row.id, row.kind, row.kind_label) == (organisation, "sonstige", "Sonstige")
    with pytest.raises(ValidationError, match="Unbekannte Art"):
        save_organisation(db, organisation, OrganisationInput("Wohnen eG", kind=key))


def test_retired_event_kind_stays_on_its_events_but_is_not_chosen_anew(db, tmp_path) -> None:
    meeting = _event(db, "network_meeting", "Vernetzungstreffen März")
    row = _entry(db, ref.EVENT_KINDS, "Vernetzungstreffen")
    ref.set_retired(db, ref.EVENT_KINDS, row.id, True)
    with pytest.raises(ValidationError, match="nicht mehr verwendet") as refused:
        _event(db, "network_meeting")
    assert refused.value.field == "kind"
    # The event keeps it and can still be saved with it.
    data = get_event(db, meeting)
    update_event(db, meeting, replace(data, title="Vernetzungstreffen April"))
    assert get_event(db, meeting).kind == "network_meeting"
    # Retired survives a restart (it is stored), and can be taken back.
    again = open_database(target_of(db))
    assert [k.retired for k in kinds.event_kinds(again) if k.key == "network_meeting"] == [True]
    ref.set_retired(again, ref.EVENT_KINDS, row.id, False)
    again.dispose()
    _event(db, "network_meeting")


def test_the_last_kind_in_use_cannot_be_retired(db) -> None:
    rows = ref.list_reference(db, ref.ORGANISATION_KINDS)
    for row in rows[:-1]:
        ref.set_retired(db, ref.ORGANISATION_KINDS, row.id, True)
    with pytest.raises(ValidationError, match="mindestens einer"):
        ref.set_retired(db, ref.ORGANISATION_KINDS, rows[-1].id, True)


def test_retired_district_and_target_group_stay_on_records(db) -> None:
    glaucha = ref.add_reference(db, ref.DISTRICTS, "Glaucha")
    altstadt = ref.add_reference(db, ref.DISTRICTS, "Altstadt")
    kids = ref.add_reference(db, ref.TARGET_GROUPS, "Kinder")
    project = save_project(
        db,
        None,
        ProjectInput(
            name="Lesewelt",
            district_ids=(glaucha,),
            target_group_ids=(kids,),
            seeks_volunteers=True,
        ),
    )
    inquiry = save_inquiry(
        db, None, InquiryInput("Anna Schütz", received_on=dt.date(2026, 11, 2), district_id=glaucha)
    )
    ref.set_retired(db, ref.DISTRICTS, glaucha, True)
    ref.set_retired(db, ref.TARGET_GROUPS, kids, True)
    assert {c.name: c.retired for c in list_districts(db)} == {"Altstadt": False, "Glaucha": True}
    assert get_project(db, project).district_ids == (glaucha,)
    assert _entry(db, ref.DISTRICTS, "Glaucha").uses == 1
    # The records keep it when saved again …
    detail = get_project(db, project)
    save_project(
        db,
        project,
        ProjectInput(name="Lesewelt", district_ids=(glaucha, altstadt), target_group_ids=(kids,)),
    )
    assert set(get_project(db, project).district_ids) == {glaucha, altstadt}
    assert detail.district_ids == (glaucha,)
    save_inquiry(
        db,
        inquiry,
        InquiryInput("Anna Schütz", received_on=dt.date(2026, 11, 2), district_id=glaucha),
    )
    assert get_inquiry(db, inquiry).district_id == glaucha
    # … but it is no longer chosen anew, and the Projektfinder does not offer it.
    with pytest.raises(ValidationError, match="„Glaucha“ wird nicht mehr verwendet"):
        save_project(db, None, ProjectInput(name="Lernengel", district_ids=(glaucha,)))
    with pytest.raises(ValidationError, match="„Kinder“ wird nicht mehr verwendet"):
        save_inquiry(
            db,
            None,
            InquiryInput("Jan Nowak", received_on=dt.date(2026, 11, 3), target_group_id=kids),
        )
    options = finder_options(db)
    assert [name for _id, name in options.districts] == ["Altstadt"]
    assert options.target_groups == ()
