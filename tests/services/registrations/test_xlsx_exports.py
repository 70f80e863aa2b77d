"""XLSX exports carry dates as dates and numbers as numbers, with number formats."""

import datetime as dt
import io

from openpyxl import load_workbook

from patenbuero.services.registrations.reports import export_registrations
from patenbuero.services.registrations.use_cases import register_person
from tests.helpers.persons import add_event, person


def test_registration_list_has_typed_cells(db) -> None:
    event_id = add_event(db, capacity=1)
    at = dt.datetime(2026, 8, 3, 9, 14)
    register_person(db, event_id, person("Heike", "Kühn", "hk@example.org"), now=at)
    register_person(db, event_id, person("Özlem", "Yılmaz", "oy@example.org"), now=at)
    sheet = load_workbook(io.BytesIO(export_registrations(db, event_id, "xlsx"))).active
    headers = [cell.value for cell in sheet[1]]
    first, second = sheet[2], sheet[3]
    registered = first[headers.index("angemeldet am")]
    assert registered.is_date and registered.value == at
    assert registered.number_format == "DD.MM.YYYY HH:MM"
    identifier = first[headers.index("ID")]
    assert identifier.data_type == "n" and identifier.number_format == "0"
    place = second[headers.index("Wartelistenplatz")]
    assert place.value == 1 and place.data_type == "n"


def test_csv_keeps_german_dates(db) -> None:
    event_id = add_event(db, capacity=1)
    at = dt.datetime(2026, 8, 3, 9, 14)
    register_person(db, event_id, person("Heike", "Kühn", "hk@example.org"), now=at)
    text = export_registrations(db, event_id, "csv").decode("utf-8-sig")
    assert "03.08.2026 09:14" in text
