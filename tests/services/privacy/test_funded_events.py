"""Funded events for data protection come from the funding of events and series."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.core.funders import Funding, list_funders, save_funder, set_series_funding
from patenbuero.services.privacy.erasure import plan_erasure
from patenbuero.services.privacy.funding import funded_events
from patenbuero.services.privacy.processing_record import processing_record_pdf
from patenbuero.services.privacy.refs import SubjectRef
from patenbuero.services.privacy.retention import due_items
from patenbuero.services.privacy.retention_settings import (
    RetentionSettings,
    retention_settings,
    save_retention,
)
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, add_series, fund, person
from tests.pdf.pdf_readback import pdftotext_pages

PAST = dt.datetime(2024, 3, 5, 17, 0)
NOW = dt.datetime(2026, 11, 25, 10, 0)


def test_series_funder_makes_its_modules_funded_and_the_own_funder_wins(db) -> None:
    series_id, modules = add_series(db, modules=2, required=2)
    series_funder = save_funder(db, None, "Aktion Mensch")
    set_series_funding(db, series_id, Funding(funder_id=series_funder))
    fund(db, modules[1], "ESF Plus", proof_years=10)
    add_event(db, title="Ohne Förderung")
    rows = {row.event_id: row for row in funded_events(db)}
    assert set(rows) == set(modules)
    assert rows[modules[0]].funder == "Aktion Mensch"
    assert rows[modules[1]].funder == "ESF Plus"
    year = rows[modules[0]].starts_at.year
    assert rows[modules[0]].proof_until == dt.date(year + 5, 12, 31)  # the default
    assert rows[modules[1]].proof_until == dt.date(year + 10, 12, 31)  # the funder's own


def test_funder_proof_years_decide_restriction_and_what_is_due(db) -> None:
    funded = add_event(db, starts_at=PAST, ends_at=PAST + dt.timedelta(hours=3))
    fund(db, funded, "ESF Plus", proof_years=8)
    pid = register_person(db, funded, person("Ali", "Rezaei", "ar@example.org"), now=PAST)
    ref = SubjectRef("person", pid.person_id)
    assert plan_erasure(db, ref, today=NOW.date()).restricted_until == dt.date(2032, 12, 31)
    assert not [i for i in due_items(db, today=dt.date(2032, 12, 31)) if i.ref == ref]
    due = [i for i in due_items(db, today=dt.date(2033, 1, 1)) if i.ref == ref]
    assert due and due[0].reason == "Nachweisfrist des Fördermittelgebers"

    funder_id = list_funders(db)[0].id
    save_funder(db, funder_id, "ESF Plus", proof_years=None)  # back to the default
    save_retention(db, RetentionSettings(funded_years=6))
    assert plan_erasure(db, ref, today=NOW.date()).restricted_until == dt.date(2030, 12, 31)
    assert retention_settings(db).years_for(None) == 6


def test_processing_record_lists_funders_with_their_own_proof_period(db) -> None:
    save_funder(db, None, "Europäischer Sozialfonds Plus", proof_years=10)
    save_funder(db, None, "Stadt Halle (Saale)")
    text = " ".join(" ".join(pdftotext_pages(processing_record_pdf(db))).split())
    assert "Europäischer Sozialfonds Plus 10 Jahre" in text
    assert "Stadt Halle (Saale) 5" not in text


@pytest.mark.parametrize("years", [0, 31])
def test_proof_years_out_of_range_are_refused_and_nothing_changes(db, years) -> None:
    funder_id = save_funder(db, None, "Stadt Halle (Saale)", proof_years=7)
    with pytest.raises(ValidationError, match="1 bis 30 Jahre"):
        save_funder(db, funder_id, "Stadt Halle (Saale)", proof_years=years)
    assert list_funders(db)[0].proof_years == 7
