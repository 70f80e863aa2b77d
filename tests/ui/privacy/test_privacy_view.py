"""The Datenschutz view: funded events, what is due, purge with progress, Art. 30."""

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from patenbuero.services.privacy.funding import funded_events
from patenbuero.services.registrations.use_cases import register_person
from patenbuero.ui.common.funding import FundersDialog, FundingDialog
from patenbuero.ui.privacy.view import PrivacyView
from tests.helpers.persons import add_event, fund, person


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

    assert view.funded.model.rowCount() == 0
    assert not hasattr(view, "set_funder")  # no second place to mark an event funded

    fund(db, event_id, "Stadt Halle (Saale)")  # as in the event's funding
    view.reload()
    model = view.funded.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "04.05.2020",
        "Fachtag 2020",
        "Stadt Halle (Saale)",
        "31.12.2025",
    ]
    assert view.due_model.rowCount() == 3  # 5 years after 2020 ended on 31.12.2025
    view.funded_years.setValue(7)
    qtbot.mouseClick(view.save_settings, Qt.MouseButton.LeftButton)
    assert view.message.text() == "Fristen gespeichert."
    assert view.due_model.rowCount() == 0  # now kept as proof until 31.12.2027
    assert model.index(0, 3).data() == "31.12.2027"

    # the Fördermittelgeber button opens the list on this event's funder
    seen: list[str] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FundersDialog)
        seen.append(dialog.name.text())
        dialog.accept()

    view.funded.table.selectRow(0)
    QTimer.singleShot(0, look_and_close)
    qtbot.mouseClick(view.funded.edit_funders, Qt.MouseButton.LeftButton)
    assert seen == ["Stadt Halle (Saale)"]

    # Förderung bearbeiten: taking the funder away ends the proof period
    def remove_funder() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FundingDialog)
        dialog.fields.funder.setCurrentIndex(0)  # "keiner"
        box = dialog.findChild(QDialogButtonBox)
        save = box.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    view.funded.table.selectRow(0)
    QTimer.singleShot(0, remove_funder)
    qtbot.mouseClick(view.funded.edit_funding, Qt.MouseButton.LeftButton)
    assert funded_events(db) == [] and view.funded.model.rowCount() == 0
    assert view.due_model.rowCount() == 3
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
