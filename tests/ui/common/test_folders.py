"""File dialogs start in the folder last used for that kind of file, else Documents."""

import os
from pathlib import Path

from patenbuero.ui.common import folders


def test_default_is_documents_or_home_never_the_working_directory(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    start = folders.start_folder(folders.PDF)
    assert start.is_dir()
    assert start != Path(os.getcwd())
    assert start in (folders.default_folder(), Path.home())


def test_each_kind_remembers_its_own_folder(qapp, tmp_path: Path) -> None:
    pdfs, backups = tmp_path / "pdf", tmp_path / "sicherung"
    pdfs.mkdir()
    backups.mkdir()
    folders.remember(folders.PDF, str(pdfs / "liste.pdf"))
    folders.remember(folders.BACKUP, str(backups / "x.sqlite3"))
    folders.remember(folders.EXPORT, "")  # cancelled: nothing remembered
    assert folders.start_path(folders.PDF, "neu.pdf") == str(pdfs / "neu.pdf")
    assert folders.start_folder(folders.BACKUP) == backups
    assert folders.start_folder(folders.EXPORT) == folders.default_folder()


def test_a_folder_that_is_gone_falls_back_to_the_default(qapp, tmp_path: Path) -> None:
    folders.remember(folders.IMPORT, str(tmp_path / "weg" / "a.csv"))
    assert folders.start_folder(folders.IMPORT) == folders.default_folder()
