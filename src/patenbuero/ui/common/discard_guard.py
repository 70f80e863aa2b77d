"""Dialogs with edits ask before they throw them away (Esc, Abbrechen, the window's X).

QDialog routes all three through ``reject()``; a dialog overrides it and calls
``may_discard``. What the dialog showed when it opened is kept as a snapshot, so
"changed" means "differs from what was loaded", not "a key was pressed".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from patenbuero.ui.common import prompts


def may_discard(
    parent: QWidget, what: str, changed: Callable[[], bool], save: Callable[[], object]
) -> bool:
    """True when the dialog may close now: nothing changed, or the user discards.

    "Speichern" runs ``save`` (which closes the dialog itself when it succeeds) and
    returns False, so the caller does not close a dialog whose save failed.
    """
    if not changed():
        return True
    answer = prompts.ask_unsaved(parent, what)
    if answer == prompts.SAVE:
        save()
        return False
    return answer == prompts.DISCARD
