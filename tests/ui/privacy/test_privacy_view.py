"""The Datenschutz view: mark a funded event, see what is due, purge with progress, Art. 30."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from patenbuero.services.privacy.funding import funded_events
from patenbuero.services.registrations.use_cases import register_person
from patenbuero.ui.privacy.view import PrivacyView
from tests.helpers.persons import add_event, person


def test_funding_purge_and_record(qtbot, db, tmp_path, monkeypatch) -> None:
    old = dt.datetime(2020, 5, 4, 17, 0)
    event_id = add_event(db, title="Fachtag 2020", starts_at=old, ends_at=old.replace(hour=20))
    for n, (first, last) in enumerate(
        [("Jürgen", "Müller"), ("Оксана", "Бондаренко"), ("محمد", "الحسن")]
    ):
        register_person(db, event_id, person(first, last, f"p{n}@example.org"), now=old)
    view = PrivacyView(db)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    assert view.due_model.rowCount() == 3

    qtbot.keyClicks(view.funder, "Stadt Halle (Saale)")
    qtbot.mouseClick(view.set_funder, Qt.MouseButton.LeftButton)
    assert [f.funder for f in funded_events(db)] == ["Stadt Halle (Saale)"]
    assert view.due_model.rowCount() == 3  # 5 years after 2020 ended on 31.12.2025
    view.funded_years.setValue(7)
    qtbot.mouseClick(view.save_settings, Qt.MouseButton.LeftButton)
    assert view.message.text() == "Fristen gespeichert."
    assert view.due_model.rowCount() == 0  # now kept as proof until 31.12.2027
    view.funded_years.setValue(5)
    qtbot.mouseClick(view.save_settings, Qt.MouseButton.LeftButton)
    assert view.due_model.rowCount() == 3

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.purge_button, Qt.MouseButton.LeftButton)
    assert view.due_model.rowCount() == 0
    assert view.log_model.rowCount() == 3
    assert "3 Einträge gelöscht." in view.message.text()

    target = tmp_path / "verzeichnis.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
