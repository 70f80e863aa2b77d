"""The import preview: header line found and choosable, the queue order explained,
cancelled persons kept cancelled unless the box is ticked."""

import datetime as dt

from PySide6.QtCore import Qt

from patenbuero.services.registrations.importing import RegistrationImporter
from patenbuero.services.registrations.use_cases import (
    cancel_registration,
    list_registrations,
    register_person,
)
from patenbuero.ui.common.import_dialog import ImportDialog
from tests.helpers.persons import add_event, person
from tests.services.registrations.test_import_order_and_headers import two_row_header_xlsx


def wait_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())


def test_two_row_header_preview_and_import(qtbot, db, tmp_path) -> None:
    event_id = add_event(db, capacity=1)
    dialog = ImportDialog(db, RegistrationImporter(event_id, dt.datetime(2026, 8, 10, 12)))
    qtbot.addWidget(dialog)
    dialog.load_file(str(two_row_header_xlsx(tmp_path / "liste.xlsx")))
    wait_preview(qtbot, dialog)
    assert dialog.header_choice.currentData() == 3
    assert dialog.header_choice.isEnabled()
    assert "Eingangsdatum" in dialog.notes.text()
    assert dialog.table.horizontalHeaderItem(2).text() == "Nachname"
    result = dialog.table.columnCount() - 1
    assert dialog.table.horizontalHeaderItem(result).text() == "Ergebnis der Prüfung"
    # Row 2 of the table is line 5 (Schulze, earliest): confirmed, with its Eingangsdatum.
    assert dialog.table.item(2, result).text() == "neu: bestätigt; eingegangen 03.08.2026 08:00"
    assert dialog.table.item(1, result).text().startswith("neu: Warteliste")
    # Choosing the title line as header shows the hint and blocks the import.
    dialog.preview = None
    dialog.header_choice.setCurrentIndex(dialog.header_choice.findData(1))
    wait_preview(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    assert "Kopfzeile" in dialog.errors.item(0).text()
    dialog.preview = None
    dialog.header_choice.setCurrentIndex(dialog.header_choice.findData(3))
    wait_preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    status = {r.last_name: r.status for r in list_registrations(db, event_id)}
    assert status == {"Schulze": "confirmed", "Kühn": "waitlisted"}
    dialog.grab().save(str(tmp_path / "import.png"))


def test_cancelled_rebooked_only_when_ticked(qtbot, db, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    outcome = register_person(db, event_id, person("Heike", "Kühn", "heike@example.org"))
    cancel_registration(db, outcome.registration_id)
    path = tmp_path / "export.csv"
    path.write_text("Vorname;Nachname;E-Mail\nHeike;Kühn;heike@example.org\n", "utf-8")
    dialog = ImportDialog(db, RegistrationImporter(event_id, dt.datetime(2026, 8, 10, 12)))
    qtbot.addWidget(dialog)
    dialog.load_file(str(path))
    wait_preview(qtbot, dialog)
    assert not dialog.import_button.isEnabled()  # nothing to do: stays cancelled
    box = dialog.options["rebook_cancelled"]
    dialog.preview = None
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, dialog)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [r.status for r in list_registrations(db, event_id)] == ["confirmed"]
