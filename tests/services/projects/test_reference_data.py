"""The office's lists: two spellings of a target group become one, nothing is lost."""

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.projects import reference_data as ref
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.services.projects.use_cases import get_project


def test_merge_retags_every_project_and_removes_the_other_spelling(db) -> None:
    seniors = ref.add_reference(db, ref.TARGET_GROUPS, "Senior:innen")
    typo = ref.add_reference(db, ref.TARGET_GROUPS, "Seniorinnen")
    youth = ref.add_reference(db, ref.TARGET_GROUPS, "Jugendliche")
    only_typo = save_project(db, None, ProjectInput(name="Besuchspaten", target_group_ids=(typo,)))
    both = save_project(
        db, None, ProjectInput(name="Konzertpaten", target_group_ids=(seniors, typo, youth))
    )
    moved = ref.merge_reference(db, ref.TARGET_GROUPS, typo, seniors)
    assert moved == 2
    assert get_project(db, only_typo).target_group_ids == (seniors,)
    assert set(get_project(db, both).target_group_ids) == {seniors, youth}
    rows = {row.name: row.uses for row in ref.list_reference(db, ref.TARGET_GROUPS)}
    assert rows == {"Senior:innen": 2, "Jugendliche": 1}


def test_rename_add_and_delete_check_their_input(db) -> None:
    altstadt = ref.add_reference(db, ref.DISTRICTS, "  Altstadt ")
    with pytest.raises(ValidationError, match="gibt es schon"):
        ref.add_reference(db, ref.DISTRICTS, "altstadt")
    with pytest.raises(ValidationError, match="Namen"):
        ref.rename_reference(db, ref.DISTRICTS, altstadt, "  ")
    ref.rename_reference(db, ref.DISTRICTS, altstadt, "Altstadt (Halle)")
    save_project(db, None, ProjectInput(name="Lesewelt", district_ids=(altstadt,)))
    with pytest.raises(ValidationError, match="bei 1 Projekt eingetragen"):
        ref.delete_reference(db, ref.DISTRICTS, altstadt)
    spare = ref.add_reference(db, ref.DISTRICTS, "Dölau")
    ref.delete_reference(db, ref.DISTRICTS, spare)
    assert [r.name for r in ref.list_reference(db, ref.DISTRICTS)] == ["Altstadt (Halle)"]
    with pytest.raises(ValidationError):
        ref.merge_reference(db, ref.DISTRICTS, altstadt, altstadt)
