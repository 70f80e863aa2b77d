"""Bugs reach the user as a German dialog that says where the log is."""


def test_crash_dialog_names_the_log_folder(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from patenbuero.app_logging import log_dir
    from patenbuero.ui import crash_dialog

    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise RuntimeError("kaputt")
    except RuntimeError as error:
        crash_dialog._handle_exception(RuntimeError, error, error.__traceback__)
    (box,) = shown
    assert str(log_dir()) in box.informativeText()
    assert "RuntimeError: kaputt" in box.detailedText()
