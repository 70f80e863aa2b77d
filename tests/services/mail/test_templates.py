"""The office's mail texts: placeholders checked when saved, filled in as plain text."""

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.mail.templates import (
    fill,
    load_template,
    reset_template,
    save_template,
)


def test_default_text_until_the_office_saves_its_own(db):
    template = load_template(db, "waitlist")
    assert "${Wartelistenplatz}" in template.body and not template.changed
    save_template(db, "waitlist", "  Warteliste   ${Veranstaltung} ", "Hallo ${Name}!\n")
    template = load_template(db, "waitlist")
    assert (template.subject, template.body, template.changed) == (
        "Warteliste ${Veranstaltung}",
        "Hallo ${Name}!",
        True,
    )
    reset_template(db, "waitlist")
    assert not load_template(db, "waitlist").changed


@pytest.mark.parametrize(
    ("subject", "body", "field", "text"),
    [
        ("Betreff", "Hallo ${Vorname}", "body", "${Vorname} gibt es nicht"),
        ("Betreff", "Kosten: 5 $ pro Person", "body", "$-Zeichen"),
        ("${__class__}", "Text", "subject", "gibt es nicht"),
        ("   ", "Text", "subject", "Betreff"),
        ("Betreff", "  \n", "body", "Text"),
    ],
)
def test_unusable_text_is_refused_and_nothing_changes(db, subject, body, field, text):
    with pytest.raises(ValidationError) as error:
        save_template(db, "confirmation", subject, body)
    assert error.value.field == field and text in error.value.message
    assert not load_template(db, "confirmation").changed


def test_unknown_kind_is_refused(db):
    with pytest.raises(ValidationError) as error:
        save_template(db, "spam", "a", "b")
    assert "Mail-Art" in error.value.message


def test_values_are_text_never_code():
    filled = fill("${Name} zahlt $$5; ${Ort}", {"Name": "${Ort} {0.__class__}", "Ort": "Halle"})
    assert filled == "${Ort} {0.__class__} zahlt $5; Halle"
