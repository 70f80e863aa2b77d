"""The log says what the user did (kind, id, outcome) and never whom it was about."""

import logging
import os
from pathlib import Path

import pytest

from patenbuero.app_logging import log_dir
from patenbuero.errors import UserError
from patenbuero.services.projects.editing import ProjectInput, delete_project, save_project


def test_saving_and_a_refused_delete_are_logged_without_names(db, caplog) -> None:
    caplog.set_level(logging.INFO, logger="patenbuero.actions")
    project_id = save_project(db, None, ProjectInput(name="Lesepat:innen Jürgen Müller-Öztürk"))
    with pytest.raises(UserError):
        save_project(db, None, ProjectInput(name=""))
    delete_project(db, project_id)
    lines = [r.getMessage() for r in caplog.records if r.name == "patenbuero.actions"]
    assert lines == [
        f"project.save id={project_id} ok",
        "project.save id=- abgelehnt (ValidationError)",
        f"project.delete id={project_id} ok",
    ]
    assert not any("Müller" in line or "Jürgen" in line for line in caplog.messages)


def test_tests_log_into_a_temporary_folder(tmp_path: Path, monkeypatch) -> None:
    assert "patenbuero-test-log-" in str(log_dir())
    monkeypatch.setenv("PATENBUERO_LOG_DIR", str(tmp_path))
    assert log_dir() == tmp_path
    monkeypatch.delenv("PATENBUERO_LOG_DIR")
    assert log_dir() != tmp_path and os.path.isabs(log_dir())
