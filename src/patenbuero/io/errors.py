"""Exceptions of the import/export layer."""

from __future__ import annotations


class FileFormatError(Exception):
    """A file cannot be read as a table.

    ``message`` is a complete German sentence meant to be shown to the user
    as it is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
