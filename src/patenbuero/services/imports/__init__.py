"""Importe: the list of past imports and undoing one as a whole.

Other areas of the services use only the names exported here.
"""

from patenbuero.services.imports.runs import ImportRunRow, list_runs
from patenbuero.services.imports.undo import UndoRefused, UndoResult, undo_import

__all__ = ["ImportRunRow", "UndoRefused", "UndoResult", "list_runs", "undo_import"]
