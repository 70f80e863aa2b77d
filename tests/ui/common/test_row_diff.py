"""The steps from a shown list of ids to a reloaded one."""

from patenbuero.ui.common.row_diff import MAX_BLOCKS, RowSteps, row_steps


def _apply(old: list[int], new: list[int], steps: RowSteps) -> list[int]:
    rows = list(old)
    for first, count in reversed(steps.removed):
        del rows[first : first + count]
    if steps.order is not None:
        rows = [rows[position] for position in steps.order]
    for position, count in steps.inserted:
        rows[position:position] = new[position : position + count]
    return rows


def test_same_ids_need_no_steps() -> None:
    assert row_steps([1, 2, 3], [1, 2, 3]) == RowSteps((), None, ())


def test_removed_and_inserted_blocks() -> None:
    old, new = [1, 2, 3, 4, 5, 6], [9, 1, 2, 5, 6, 7, 8]
    steps = row_steps(old, new)
    assert steps == RowSteps(((2, 2),), None, ((0, 1), (5, 2)))
    assert _apply(old, new, steps) == new


def test_moved_rows_give_the_new_order() -> None:
    old, new = [1, 2, 3, 4], [4, 1, 2, 5, 3]
    steps = row_steps(old, new)
    assert steps is not None and steps.order == (3, 0, 1, 2)
    assert _apply(old, new, steps) == new


def test_lists_too_different_are_shown_anew() -> None:
    assert row_steps([], [1]) is None
    assert row_steps([1], []) is None
    assert row_steps([1, 1], [1]) is None
    assert row_steps([1, 2, 3], [1, 7, 8, 9]) is None  # mostly other rows
    many = list(range(0, 4 * MAX_BLOCKS, 2))
    assert row_steps(many, list(range(4 * MAX_BLOCKS))) is None  # too many blocks
