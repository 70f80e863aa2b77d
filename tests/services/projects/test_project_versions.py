"""Two PCs edit the same project: no change is silently lost (optimistic locking)."""

from dataclasses import replace

import pytest

from patenbuero.errors import ConflictError
from patenbuero.services.core.database import open_database
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.editing import input_from_detail, save_project
from tests.helpers.databases import target_of


@pytest.fixture
def two_pcs(demo_db):
    """PC A and PC B on the same database file."""
    other = open_database(target_of(demo_db))
    yield demo_db, other
    other.dispose()


def _some_project(db) -> int:
    return next(row.id for row in projects.list_projects(db) if row.name == "Lesewelt Halle")


def test_lost_update_is_caught_and_merged(two_pcs) -> None:
    pc_a, pc_b = two_pcs
    project_id = _some_project(pc_a)
    seen_by_a = projects.get_project(pc_a, project_id)
    seen_by_b = projects.get_project(pc_b, project_id)
    save_project(pc_b, project_id, replace(input_from_detail(seen_by_b), phone="0345 1111111"))
    mine = replace(input_from_detail(seen_by_a), email="neu@lesewelt-halle.de")
    with pytest.raises(ConflictError) as raised:
        save_project(pc_a, project_id, mine)
    conflict = raised.value
    assert "anderen Arbeitsplatz" in conflict.message
    assert conflict.theirs.phone == "0345 1111111"
    assert conflict.mine.email == "neu@lesewelt-halle.de"
    assert conflict.version == seen_by_a.version + 1
    merged = replace(conflict.mine, phone=conflict.theirs.phone, expected_version=conflict.version)
    save_project(pc_a, project_id, merged)
    stored = projects.get_project(pc_b, project_id)
    assert (stored.phone, stored.email) == ("0345 1111111", "neu@lesewelt-halle.de")
    assert stored.version == seen_by_a.version + 2


def test_negative_control_without_the_version_check_the_phone_is_lost(two_pcs) -> None:
    """What the office measured before: the second save silently wins."""
    pc_a, pc_b = two_pcs
    project_id = _some_project(pc_a)
    seen_by_a = projects.get_project(pc_a, project_id)
    save_project(pc_b, project_id, replace(input_from_detail(seen_by_a), phone="0345 1111111"))
    unchecked = replace(input_from_detail(seen_by_a), email="x@y.de", expected_version=None)
    save_project(pc_a, project_id, unchecked)
    assert projects.get_project(pc_b, project_id).phone != "0345 1111111"


def test_saving_twice_from_one_pc_is_no_conflict(demo_db) -> None:
    project_id = _some_project(demo_db)
    detail = projects.get_project(demo_db, project_id)
    save_project(demo_db, project_id, replace(input_from_detail(detail), phone="0345 2222222"))
    again = projects.get_project(demo_db, project_id)
    save_project(demo_db, project_id, replace(input_from_detail(again), phone="0345 3333333"))
    assert projects.get_project(demo_db, project_id).version == detail.version + 2
