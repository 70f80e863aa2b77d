"""„Vorlage speichern“ writes an empty table whose headers the import understands."""

import pytest
from PySide6.QtCore import Qt

from patenbuero.services.core.importing import default_mapping, read_import_file
from patenbuero.services.projects.importing import ProjectImporter
from patenbuero.ui.common import prompts
from patenbuero.ui.common.import_dialog import ImportDialog


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_template_has_every_field_as_header(qtbot, db, tmp_path, monkeypatch, suffix) -> None:
    target = tmp_path / f"vorlage.{suffix}"
    monkeypatch.setattr(prompts, "save_file", lambda *_args, **_kw: str(target))
    dialog = ImportDialog(db, ProjectImporter())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    table = read_import_file(target)
    importer = ProjectImporter()
    assert list(table.headers) == [spec.label_de for spec in importer.fields]
    assert not table.rows
    mapping = default_mapping(table, importer.fields)
    assert sorted(mapping.values()) == sorted(spec.key for spec in importer.fields)
    assert "Vorlage gespeichert" in dialog.file_label.text()
