"""The network's texts are edited in the app and reach the printed flyer."""

import pytest

from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.printing.catalog import build_document
from patenbuero.services.printing.request import PrintRequest
from patenbuero.ui.settings_dialog import SettingsDialog
from tests.pdf.pdf_readback import pdftotext_pages


def test_texts_edited_in_settings_survive_and_are_printed(qtbot, demo_db) -> None:
    dialog = SettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.editors["opening_hours"].setPlainText("Di und Do 10–16 Uhr, Mi nach Vereinbarung")
    dialog.editors["website"].setText("www.patenschaften-halle.de")
    dialog.save()
    assert load_texts(demo_db).opening_hours.startswith("Di und Do 10–16 Uhr")
    flyer = build_document(demo_db, PrintRequest("handzettel"))
    assert "Di und Do 10–16 Uhr" in " ".join(pdftotext_pages(flyer.pdf))
    again = SettingsDialog(demo_db)
    qtbot.addWidget(again)
    assert again.editors["opening_hours"].toPlainText().startswith("Di und Do")


@pytest.mark.sqlite_only("the backup folder of a SQLite file")
def test_backup_folder_of_this_pc_is_chosen_in_settings(
    qtbot, demo_db, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt

    from patenbuero.services.core.backup import backup_database
    from patenbuero.services.core.local_settings import configured_backup_folder

    dialog = SettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    warnings: list[str] = []
    monkeypatch.setattr(
        "patenbuero.ui.settings_dialog.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    qtbot.keyClicks(dialog.backup_folder, str(tmp_path / "fehlt"))
    qtbot.keyClick(dialog.backup_folder, Qt.Key.Key_Return)
    assert warnings and "existiert nicht" in warnings[0] and dialog.isVisible()
    assert configured_backup_folder() is None
    (tmp_path / "nas").mkdir()
    dialog.backup_folder.clear()
    qtbot.keyClicks(dialog.backup_folder, str(tmp_path / "nas"))
    qtbot.keyClick(dialog.backup_folder, Qt.Key.Key_Return)
    assert configured_backup_folder() == (tmp_path / "nas").resolve()
    assert backup_database(demo_db).path.parent == (tmp_path / "nas").resolve()
