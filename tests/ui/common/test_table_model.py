"""The list model: a changed row is shown fresh without a reset, search still finds it."""

from dataclasses import dataclass

from PySide6.QtCore import Qt

from patenbuero.ui.common.list_view import SearchableList
from patenbuero.ui.common.table_model import Column


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
