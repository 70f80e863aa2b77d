"""Bad field values for a project: one German line naming field and limit, nothing stored."""

from dataclasses import replace

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.projects import use_cases as projects
from patenbuero.services.projects.editing import ProjectInput, save_project

BAD_VALUES = [
    ("name", "x" * 201, "höchstens 200", "name"),
    ("name", "x" * 100_000, "höchstens 200", "name"),
    ("name", "Lese\x00welt", "Steuerzeichen (U+0000)", "name"),
    ("name", "Lese\x1b[31mwelt", "Steuerzeichen (U+001B)", "name"),
    ("name", "\u202eLesewelt", "Steuerzeichen (U+202E)", "name"),
    ("organisation_name", "Träger\x07", "Steuerzeichen (U+0007)", "organisation_name"),
    ("organisation_name", "T" * 201, "höchstens 200", "organisation_name"),
    ("languages", "deutsch\u2066", "Steuerzeichen (U+2066)", "languages"),
    ("time_commitment", "z" * 250, "höchstens 200", "time_commitment"),
    ("notes", "n" * 10_001, "höchstens 10000", "notes"),
    ("notes", "Zeile 1\nZeile\x002", "Steuerzeichen (U+0000)", "notes"),
    ("address", "a" * 2_001, "höchstens 2000", "address"),
    ("portrait_text", "Text\x9b", "Steuerzeichen (U+009B)", "portrait_text"),
    ("flyer_text", "Wir\x00lesen", "Steuerzeichen (U+0000)", "flyer_text"),
]


@pytest.mark.parametrize(
    ("field", "value", "words", "named"),
    BAD_VALUES,
    ids=[f"{v[0]}-{n}" for n, v in enumerate(BAD_VALUES)],
)
def test_bad_field_value_is_refused_and_nothing_changes(db, field, value, words, named) -> None:
    data = replace(ProjectInput(name="Lesewelt Halle"), **{field: value})
    with pytest.raises(ValidationError) as raised:
        save_project(db, None, data)
    message = raised.value.message
    assert words in message and raised.value.field == named
    assert "\n" not in message and "\x00" not in message and "\x1b" not in message
    assert projects.list_projects(db) == []


def test_lines_and_tabs_in_long_texts_stay_allowed(db) -> None:
    project_id = save_project(
        db, None, ProjectInput(name="Lesewelt Halle", notes="Zeile 1\nZeile 2\tmit Tab")
    )
    assert projects.get_project(db, project_id).notes == "Zeile 1\nZeile 2\tmit Tab"
