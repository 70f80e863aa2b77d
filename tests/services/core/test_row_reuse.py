"""Rows read again from the same values are the same objects; changed values make new ones."""

from patenbuero.services.core.row_reuse import RowReuse


def test_same_values_give_the_same_row_changed_values_a_new_one() -> None:
    made: list[tuple[int, str]] = []

    def make(source: tuple[int, str]) -> list[object]:
        made.append(source)
        return [source]

    reuse = RowReuse(make)
    first = reuse.rows([(1, "Anna"), (2, "Ben"), (3, "Cem")])
    second = reuse.rows([(3, "Cem"), (1, "Anna"), (2, "Bernd")])

    assert second[0] is first[2] and second[1] is first[0]
    assert second[2] == [(2, "Bernd")] and second[2] is not first[1]
    assert made == [(1, "Anna"), (2, "Ben"), (3, "Cem"), (2, "Bernd")]
    # Only the last read is kept: "Ben" is made anew when it comes back.
    assert reuse.rows([(2, "Ben")])[0] is not first[1]
