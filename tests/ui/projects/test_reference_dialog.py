"""Bearbeiten → Listen: the office merges two spellings of a target group in the window."""

from PySide6.QtCore import Qt

from patenbuero.services.projects import reference_data as ref
from patenbuero.services.projects.editing import ProjectInput, save_project
from patenbuero.services.projects.use_cases import get_project
from patenbuero.ui.projects.reference_dialog import ReferenceDialog


def test_add_then_merge_two_spellings(qtbot, db, tmp_path) -> None:
    seniors = ref.add_reference(db, ref.TARGET_GROUPS, "Senior:innen")
    dialog = ReferenceDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.target_groups
    qtbot.keyClicks(page.name, "Seniorinnen")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    typo = next(r.id for r in page.list.model.rows() if r.name == "Seniorinnen")
    project = save_project(db, None, ProjectInput(name="Besuchspaten", target_group_ids=(typo,)))
    page.refresh(select=typo)
    page.merge_target.setCurrentIndex(page.merge_target.findData(seniors))
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in page.list.model.rows()] == ["Senior:innen"]
    assert "1 Projekt neu zugeordnet" in page.message.text()
    assert get_project(db, project).target_group_ids == (seniors,)
    dialog.tabs.setCurrentWidget(dialog.districts)
    qtbot.mouseClick(dialog.districts.add_button, Qt.MouseButton.LeftButton)
    assert "Namen" in dialog.districts.message.text()
    assert dialog.grab().save(str(tmp_path / "listen.png"))
    dialog.grab().save("/tmp/s14/listen.png")
