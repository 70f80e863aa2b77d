from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def isolated_settings(tmp_path: Path, qapp):
    """Window state goes to a temporary INI file, never to the user's settings."""
    from patenbuero.ui.app import create_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    create_application()
    yield
    QSettings().clear()
