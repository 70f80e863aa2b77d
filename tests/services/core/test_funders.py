"""Fördermittelgeber and the funding of events and series, down to the printed list."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.core.funders import (
    Funding,
    delete_funder,
    funding_summary,
    get_event_funding,
    list_funders,
    save_funder,
    set_event_funding,
    set_series_funding,
)
from patenbuero.services.plan import events
from patenbuero.services.printing.catalog import build_document
from patenbuero.services.printing.request import PrintRequest
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, add_series, person
from tests.pdf.pdf_readback import normalised, pdftotext_pages


def png(width: int = 60, height: int = 20) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (29, 92, 110)).save(buffer, "PNG")
    return buffer.getvalue()


def test_funders_are_saved_renamed_and_removed(db) -> None:
    city = save_funder(db, None, "  Stadt   Halle (Saale) ", png())
    save_funder(db, None, "Aktion Mensch")
    assert [(r.name, r.has_logo) for r in list_funders(db)] == [
        ("Aktion Mensch", False),
        ("Stadt Halle (Saale)", True),
    ]
    with pytest.raises(ValidationError, match="schon als Fördermittelgeber"):
        save_funder(db, None, "stadt halle (saale)")
    with pytest.raises(ValidationError, match="PNG"):
        save_funder(db, city, "Stadt Halle (Saale)", b"GIF89a...")
    with pytest.raises(ValidationError, match="Namen"):
        save_funder(db, None, "   ")
    save_funder(db, city, "Stadt Halle", keep_logo=False)
    assert ("Stadt Halle", False) in [(r.name, r.has_logo) for r in list_funders(db)]
    event_id = add_event(db)
    set_event_funding(db, event_id, Funding(city, "Netzwerk", "FK-1", 4))
    delete_funder(db, city)
    assert get_event_funding(db, event_id) == Funding(None, "Netzwerk", "FK-1", 4)


def test_bad_units_and_unknown_funder_are_refused(db) -> None:
    event_id = add_event(db)
    with pytest.raises(ValidationError, match="zwischen 0 und 200") as error:
        set_event_funding(db, event_id, Funding(None, "", "", -1))
    assert error.value.field == "teaching_units"
    with pytest.raises(ValidationError, match="gibt es nicht mehr"):
        set_event_funding(db, event_id, Funding(999, "", "", None))
    assert get_event_funding(db, event_id) == Funding()


def test_event_dialog_values_carry_funding_and_internal_note(db) -> None:
    funder = save_funder(db, None, "Stadt Halle (Saale)")
    event_id = add_event(db)
    stored = events.get_event(db, event_id)
    changed = dataclass_replace(
        stored,
        internal_note="Schlüssel bei Frau Weber abholen",
        funder_id=funder,
        funding_measure=" Qualifizierung ",
        funding_code="FB-2026-0417",
        teaching_units=2.5,
    )
    events.update_event(db, event_id, changed)
    again = events.get_event(db, event_id)
    assert (again.funder_id, again.funding_measure, again.teaching_units) == (
        funder,
        "Qualifizierung",
        2.5,
    )
    assert again.internal_note == "Schlüssel bei Frau Weber abholen"
    with pytest.raises(ValidationError, match="Unterrichtseinheiten"):
        events.update_event(db, event_id, dataclass_replace(changed, teaching_units=500))


def dataclass_replace(value, **changes):
    from dataclasses import replace

    return replace(value, **changes)


def test_stored_funder_printed_on_every_page_series_funding_inherited(db) -> None:
    funder = save_funder(db, None, "Stadt Halle (Saale)", png())
    series_id, module_ids = add_series(db, modules=2, required=1, capacity=200)
    set_series_funding(db, series_id, Funding(funder, "Qualifizierung", "FB-2026-0417", 4))
    for n in range(70):
        register_person(db, module_ids[0], person("Ina", f"Teilnehmerin{n:02d}"))
    result = build_document(db, PrintRequest("teilnehmerliste", event_id=module_ids[0]))
    pages = pdftotext_pages(result.pdf)
    assert len(pages) >= 2
    for page in pages:
        text = normalised(page)
        assert "Gefördert durch: Stadt Halle (Saale)" in text
        assert "Förderkennzeichen: FB-2026-0417" in text and "Unterrichtseinheiten: 4" in text
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(result.pdf))
    assert all(page.images for page in reader.pages)  # the logo on every page
    assert "Stadt Halle (Saale)" in funding_summary(db, module_ids[0], None)
    # an event's own funding wins over the series'
    set_event_funding(db, module_ids[0], Funding(funder, "Einzelmodul", "FK-9", 2))
    text = " ".join(
        pdftotext_pages(
            build_document(db, PrintRequest("teilnehmerliste", event_id=module_ids[0])).pdf
        )
    )
    assert "FK-9" in text and "FB-2026-0417" not in text


def test_invitation_follows_what_exists_and_warns_on_a_past_deadline(db) -> None:
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=20), dt.time(17))
    event_id = add_event(
        db,
        title="Vernetzungstreffen",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        deadline=dt.date.today() - dt.timedelta(days=1),
        description="Wir stellen die neuen Projekte vor.",
        internal_note="Raum nur bis 19 Uhr gebucht – nicht weitersagen",
    )
    result = build_document(db, PrintRequest("einladung", event_id=event_id))
    text = normalised(" ".join(pdftotext_pages(result.pdf)))
    assert "Tagesordnung" not in text  # there is none
    assert "Wir stellen die neuen Projekte vor." in text
    assert "nicht weitersagen" not in text  # the internal note is never printed
    assert "Bitte melden Sie sich bis" not in text
    assert any("Anmeldefrist" in w and "vorbei" in w for w in result.warnings)
