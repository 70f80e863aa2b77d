"""Two workplaces save projects at once, on SQLite and on PostgreSQL.

Each race has a negative control (PATENBUERO_TEST_DISABLE_LOCKS): with the safeguard
off, the failure it guards against happens, so the test has power.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from patenbuero.db.models import MemberProject, Organisation
from patenbuero.errors import ConflictError, UserError
from patenbuero.services.projects import editing, organisations
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.editing import ProjectInput, input_from_detail, save_project
from tests.helpers.two_pcs import Rendezvous, race


@pytest.mark.parametrize("control", [False, True], ids=["versions", "control-unchecked"])
def test_lost_update_phone_then_email(two_pcs, control) -> None:
    """A saves a new phone number, then B (who opened the project before) a new e-mail."""
    pc_a, pc_b = two_pcs.open(disable="versions" if control else "")
    project_id = save_project(pc_a, None, ProjectInput(name="Lesewelt Halle", phone="0345 1111111"))
    seen_by_a = projects.get_project(pc_a, project_id)
    seen_by_b = projects.get_project(pc_b, project_id)

    save_project(pc_a, project_id, replace(input_from_detail(seen_by_a), phone="0345 2222222"))
    b_wants = replace(input_from_detail(seen_by_b), email="info@lesewelt-halle.de")
    if control:
        save_project(pc_b, project_id, b_wants)
        stored = projects.get_project(pc_a, project_id)
        assert stored.phone == "0345 1111111"  # A's phone is silently gone: the lost update
        return
    with pytest.raises(ConflictError) as raised:
        save_project(pc_b, project_id, b_wants)
    stored = projects.get_project(pc_a, project_id)
    assert (stored.phone, stored.email) == ("0345 2222222", "")  # nothing overwritten
    conflict = raised.value
    assert conflict.theirs.phone == "0345 2222222"
    assert conflict.mine.email == "info@lesewelt-halle.de"  # B's e-mail is offered again
    merged = replace(conflict.mine, phone=conflict.theirs.phone, expected_version=conflict.version)
    save_project(pc_b, project_id, merged)
    stored = projects.get_project(pc_a, project_id)
    assert (stored.phone, stored.email) == ("0345 2222222", "info@lesewelt-halle.de")


def test_two_saves_at_the_same_moment_one_wins_one_is_told(two_pcs, monkeypatch) -> None:
    pc_a, pc_b = two_pcs.open()
    project_id = save_project(pc_a, None, ProjectInput(name="Lernengel", phone="0345 1111111"))
    seen = projects.get_project(pc_a, project_id)
    meeting = Rendezvous()
    check = editing._check_version

    def checked_then_meet(project, data):
        check(project, data)
        meeting.wait()

    monkeypatch.setattr(editing, "_check_version", checked_then_meet)
    first, second = race(
        lambda: save_project(
            pc_a, project_id, replace(input_from_detail(seen), phone="0345 9999999")
        ),
        lambda: save_project(pc_b, project_id, replace(input_from_detail(seen), email="x@y.de")),
    )

    outcomes = [first.error, second.error]
    assert outcomes.count(None) == 1
    refused = next(error for error in outcomes if error is not None)
    assert isinstance(refused, UserError) and "anderen Arbeitsplatz" in str(refused)
    stored = projects.get_project(pc_a, project_id)
    assert (stored.phone, stored.email) in {("0345 9999999", ""), ("0345 1111111", "x@y.de")}
    assert stored.version == seen.version + 1


def _meet_after_missing_traeger(monkeypatch) -> Rendezvous:
    meeting = Rendezvous()
    by_name = organisations.organisation_by_name

    def looked_up_then_meet(session, name):
        found = by_name(session, name)
        if found is None:
            meeting.wait()
        return found

    monkeypatch.setattr(organisations, "organisation_by_name", looked_up_then_meet)
    return meeting


def _traeger(db) -> tuple[int, set[int | None]]:
    with db.reading() as session:
        count = session.scalar(select(func.count()).select_from(Organisation)) or 0
        return count, set(session.scalars(select(MemberProject.organisation_id)))


@pytest.mark.parametrize("control", [False, True], ids=["locked", "control-unlocked"])
def test_same_new_traeger_entered_on_two_workplaces(two_pcs, monkeypatch, control) -> None:
    """Both add the Bürgerstiftung as a new Träger at once, written a little differently."""
    pc_a, pc_b = two_pcs.open(disable="serialisation" if control else "")
    meeting = _meet_after_missing_traeger(monkeypatch)
    first, second = race(
        lambda: organisations.save_organisation(
            pc_a, None, organisations.OrganisationInput("Bürgerstiftung Halle")
        ),
        lambda: organisations.save_organisation(
            pc_b, None, organisations.OrganisationInput("bürgerstiftung  Halle")
        ),
    )
    count, _runs = _traeger(pc_a)
    if control:
        assert sorted(meeting.met) == ["PC A", "PC B"]
        assert first.error is None and second.error is None
        assert count == 2  # the same Träger twice: the duplicate the lock prevents
        return
    assert meeting.met == []
    assert count == 1
    refused = [o.error for o in (first, second) if o.error is not None]
    assert len(refused) == 1 and "gibt es schon" in str(refused[0])


def test_two_new_projects_of_one_new_traeger_at_once(two_pcs, monkeypatch) -> None:
    """Both projects are saved and run by one Träger (PostgreSQL failed or doubled it)."""
    pc_a, pc_b = two_pcs.open()
    meeting = _meet_after_missing_traeger(monkeypatch)
    first, second = race(
        lambda: save_project(
            pc_a,
            None,
            ProjectInput(name="Max geht in die Oper", organisation_name="Bürgerstiftung Halle"),
        ),
        lambda: save_project(
            pc_b,
            None,
            ProjectInput(name="Familienpaten", organisation_name="bürgerstiftung  Halle"),
        ),
    )
    assert first.error is None and second.error is None
    assert meeting.met == []
    count, runs = _traeger(pc_a)
    assert count == 1 and len(runs) == 1 and None not in runs
