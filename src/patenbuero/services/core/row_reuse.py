"""Rows read again from the same values are the same row objects.

A reload (F5, a change announced elsewhere) mostly brings back what was shown. Making
3,000 row objects anew costs more than reading them, and a list must then compare each
with the one it shows. Keyed by the plain values a row is made from, the last read's
rows are handed out again: unchanged rows cost a dictionary look-up, and a list sees
at once (``old is new``) that they did not change. Only the last read is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

Row = TypeVar("Row")
Source = TypeVar("Source", bound=Hashable)


class RowReuse(Generic[Source, Row]):
    def __init__(self, make: Callable[[Source], Row]) -> None:
        self._make = make
        self._last: dict[Source, Row] = {}

    def rows(self, sources: Iterable[Source]) -> list[Row]:
        """One row per source, in order: the last read's row where the values are the
        same, a new one made where they are not."""
        last, kept, make = self._last, {}, self._make
        rows = []
        for source in sources:
            row = last.get(source)
            if row is None:
                row = make(source)
            kept[source] = row
            rows.append(row)
        self._last = kept
        return rows
