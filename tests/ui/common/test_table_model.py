"""The list model: a changed row is shown fresh without a reset, search still finds it."""

from dataclasses import dataclass

from PySide6.QtCore import Qt

from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column, RowTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    places: int


COLUMNS = [Column("Name", lambda r: r.name), Column("Plätze", lambda r: r.places)]


def _list(qtbot) -> SearchableList:
    view = SearchableList(COLUMNS, search_hint="Suchen", empty_hint="leer")
    qtbot.addWidget(view)
    view.set_rows([Row(1, "Müller", 3), Row(2, "Şahin", 5)])
    return view


def test_replace_row_updates_one_row_and_keeps_the_selection(qtbot) -> None:
    view = _list(qtbot)
    assert view.select_row_id(2)
    resets: list[object] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    assert view.model.replace_row(Row(2, "Şahin-Öztürk", 4))
    assert not resets
    assert view.current_row() == Row(2, "Şahin-Öztürk", 4)
    assert view.model.index(1, 1).data(Qt.ItemDataRole.DisplayRole) == "4"
    assert not view.model.replace_row(Row(9, "Niemand", 0))


def test_search_finds_the_fresh_text_of_a_replaced_row(qtbot) -> None:
    view = _list(qtbot)
    qtbot.keyClicks(view.search_field, "mueller")
    assert view.visible_row_count() == 1
    view.search_field.clear()
    view.model.replace_row(Row(2, "Öztürk", 5))
    qtbot.keyClicks(view.search_field, "ozturk")
    assert [row.id for row in view.visible_rows()] == [2]


class Signals:
    """What the model told its views while a list was reloaded."""

    def __init__(self, model) -> None:
        self.seen: list[tuple] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.layoutChanged.connect(lambda *_a: self.seen.append(("layout",)))
        model.dataChanged.connect(
            lambda first, last, *_a: self.seen.append(("changed", first.row(), last.row()))
        )
        model.rowsInserted.connect(lambda _p, a, b: self.seen.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.seen.append(("removed", a, b)))


def _long_list(qtbot, count: int = 40) -> SearchableList:
    view = SearchableList(COLUMNS, search_hint="Suchen", empty_hint="leer")
    qtbot.addWidget(view)
    view.set_rows([Row(n, f"Person {n}", n) for n in range(count)])
    return view


def test_reload_with_one_changed_row_updates_only_that_row(qtbot) -> None:
    view = _long_list(qtbot)
    assert view.select_row_id(30)
    signals = Signals(view.model)
    rows = [Row(n, f"Person {n}", n) for n in range(40)]
    rows[7] = Row(7, "Özdemir", 7)
    view.set_rows(rows)
    assert signals.seen == [("changed", 7, 7)]
    assert view.model.rows() == rows
    assert view.current_row() == Row(30, "Person 30", 30)
    view.set_rows(rows)  # nothing changed: nothing to tell
    assert signals.seen == [("changed", 7, 7)]
    qtbot.keyClicks(view.search_field, "oezdemir")
    assert [row.id for row in view.visible_rows()] == [7]


def test_reload_inserts_and_removes_rows_by_id_and_keeps_the_selection(qtbot) -> None:
    view = _long_list(qtbot)
    assert view.select_row_id(20)
    signals = Signals(view.model)
    rows = [Row(100, "Neu", 1)] + [Row(n, f"Person {n}", n) for n in range(40) if n not in (3, 4)]
    view.set_rows(rows)
    assert signals.seen == [("removed", 3, 4), ("inserted", 0, 0)]
    assert view.model.rows() == rows
    assert view.current_row() == Row(20, "Person 20", 20)
    assert view.selected_rows() == [Row(20, "Person 20", 20)]
    assert view.count_label.text() == "39 Einträge"
    qtbot.keyClicks(view.search_field, "neu")
    assert [row.id for row in view.visible_rows()] == [100]


def test_reload_in_another_order_moves_the_selection_along(qtbot) -> None:
    view = _long_list(qtbot, 10)
    assert view.select_row_id(2)
    signals = Signals(view.model)
    rows = [Row(n, f"Person {n}", n) for n in reversed(range(10))]
    view.set_rows(rows)
    assert signals.seen == [("layout",)]
    assert view.model.rows() == rows
    assert view.current_row().id == 2
    assert view.table.currentIndex().row() == 7


def test_a_chosen_row_that_is_gone_leaves_nothing_chosen(qtbot) -> None:
    view = _long_list(qtbot, 10)
    chosen: list[object] = []
    view.selection_changed.connect(chosen.append)
    assert view.select_row_id(5)
    view.set_rows([Row(n, f"Person {n}", n) for n in range(10) if n != 5])
    assert view.current_row() is None
    assert chosen[-1] is None


def test_other_rows_or_rows_without_id_are_shown_anew(qtbot) -> None:
    view = _long_list(qtbot, 10)
    signals = Signals(view.model)
    view.set_rows([Row(n, f"Person {n}", n) for n in range(50, 60)])
    assert signals.seen == [("reset",)]
    model = RowTableModel([Column("Name", lambda name: name)])
    model.set_rows(["Anna", "Ben"])
    signals = Signals(model)
    model.set_rows(["Anna", "Ben"])
    assert signals.seen == [("reset",)]
