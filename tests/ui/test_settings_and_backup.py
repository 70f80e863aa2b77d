"""The network's texts are edited in the app and reach the printed flyer; backups work."""

import sqlite3

import pytest

from patenbuero.errors import UserError
from patenbuero.launcher import main
from patenbuero.services.core.backup import backup_database
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


def test_backup_is_a_complete_database(demo_db, tmp_path) -> None:
    target = backup_database(demo_db, tmp_path)
    with sqlite3.connect(target) as connection:
        projects = connection.execute("SELECT count(*) FROM member_project").fetchone()[0]
    assert projects >= 30
    with pytest.raises(UserError, match="nicht die Datenbank selbst"):
        backup_database(demo_db, demo_db.location.path)


def test_backup_command(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "sicherung.sqlite3"
    assert main(["--db", str(demo_db.location.path), "backup", "-o", str(target)]) == 0
    assert "Gesichert" in capsys.readouterr().out and target.stat().st_size > 10000
    code = main(["--db", str(demo_db.location.path), "backup", "-o", str(tmp_path / "x" / "y")])
    assert code == 1
