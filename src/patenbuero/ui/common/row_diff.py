"""How a shown list becomes a reloaded one: rows matched by id, in few steps.

A reload (F5, a change announced by another tab) mostly brings back the same rows, with
a few changed, added or gone. Told as these steps instead of a reset, the view keeps its
selection and scroll position and redraws only what changed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

# More separate blocks than this are cheaper to show as a new list.
MAX_BLOCKS = 50


@dataclass(frozen=True)
class RowSteps:
    """Applied in this order, they turn the old ids into the new ones."""

    # (first, count) of old positions to remove, ascending; apply from the last block on.
    removed: tuple[tuple[int, int], ...]
    # The remaining rows in their new order, as their positions after the removals
    # (None when the order stays).
    order: tuple[int, ...] | None
    # (position, count) of new rows at their final positions, ascending.
    inserted: tuple[tuple[int, int], ...]


def row_steps(old: Sequence[Hashable], new: Sequence[Hashable]) -> RowSteps | None:
    """The steps from ``old`` to ``new`` (ids, unique in each); None: show ``new`` anew
    (an empty side, repeated ids, mostly other rows or too many blocks)."""
    if not old or not new:
        return None
    if list(old) == list(new):
        return RowSteps((), None, ())
    old_set, new_set = set(old), set(new)
    if len(old_set) != len(old) or len(new_set) != len(new):
        return None
    kept = [key for key in old if key in new_set]
    if len(kept) * 2 < len(new):
        return None
    removed = runs([number for number, key in enumerate(old) if key not in new_set])
    inserted = runs([number for number, key in enumerate(new) if key not in old_set])
    if len(removed) + len(inserted) > MAX_BLOCKS:
        return None
    kept_in_new_order = [key for key in new if key in old_set]
    order: tuple[int, ...] | None = None
    if kept_in_new_order != kept:
        position = {key: number for number, key in enumerate(kept)}
        order = tuple(position[key] for key in kept_in_new_order)
    return RowSteps(removed, order, inserted)


def runs(positions: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """(first, count) of each run of consecutive positions (ascending)."""
    found: list[tuple[int, int]] = []
    for position in positions:
        if found and found[-1][0] + found[-1][1] == position:
            found[-1] = (found[-1][0], found[-1][1] + 1)
        else:
            found.append((position, 1))
    return tuple(found)
