"""Errors a user can cause or fix, each with a German message ready to show.

Anything else that goes wrong is a bug: it reaches the crash dialog and the log.
"""

from __future__ import annotations

from collections.abc import Callable


class UserError(Exception):
    """An expected problem; ``str(error)`` is a complete German sentence."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class Cancelled(UserError):
    """The user stopped a long job; nothing of it was kept."""

    def __init__(self, message: str = "Abgebrochen; es wurde nichts geändert.") -> None:
        super().__init__(message)


# A long job's report: (done, total) -> go on? (False stops it; see ui/common/background.py)
Progress = Callable[[int, int], bool]


class DatabaseOpenError(UserError):
    """The database cannot be opened or used; nothing in it was changed."""


class DatabaseDamagedError(DatabaseOpenError):
    """The database file is damaged; a backup can take its place."""


class NotFoundError(UserError):
    """A record named by the user does not exist."""


class ValidationError(UserError):
    """Input breaks a rule; ``field`` names the form field when there is one."""


class ConflictError(UserError):
    """Someone saved the same record meanwhile (another PC or window).

    ``mine`` is what this user wanted to save (checked), ``theirs`` what is stored
    now, both of the same input type; ``version`` is the stored version to save
    against after the user chose.
    """

    def __init__(self, message: str, *, mine: object, theirs: object, version: int) -> None:
        super().__init__(message)
        self.mine = mine
        self.theirs = theirs
        self.version = version
