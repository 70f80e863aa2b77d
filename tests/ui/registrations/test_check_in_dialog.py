"""Einlass by keyboard alone, as at a busy door: type, Enter, next."""

from PySide6.QtCore import Qt

from patenbuero.services.registrations.persons import PersonInput
from patenbuero.services.registrations.use_cases import list_registrations, register_person
from patenbuero.ui.registrations.check_in_dialog import CheckInDialog
from tests.helpers.persons import add_event, person


def open_door(qtbot, db):
    event_id = add_event(db, capacity=20)
    for first, last, email, latin in [
        ("Agnieszka", "Wiśniewska", "aw@example.org", ""),
        ("Jürgen", "Großmann", "jg@example.org", ""),
        ("Jörg", "Grossmann", "jo@example.org", ""),
        ("Олена", "Коваленко", "ok@example.org", "Olena Kovalenko"),
        ("Özlem", "Yılmaz", "oy@example.org", ""),
    ]:
        register_person(
            db,
            event_id,
            PersonInput(first_name=first, last_name=last, email=email, latin_name=latin),
        )
    dialog = CheckInDialog(db, event_id, "Fachtag")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return event_id, dialog


def present(db, event_id) -> set[str]:
    return {r.last_name for r in list_registrations(db, event_id) if r.attended}


def test_enter_checks_in_and_stays_checked_in(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClicks(dialog.search, "wisn")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "✓ Agnieszka Wiśniewska ist anwesend." in dialog.feedback.text()
    assert "Zurückgenommen" not in dialog.feedback.text()
    assert dialog.counter.text() == "1 von 5 anwesend"
    assert present(db, event_id) == {"Wiśniewska"}
    assert dialog.search.text() == "" and dialog.focusWidget() is dialog.search
    # The keypad's Enter too, and the next guest right after.
    qtbot.keyClicks(dialog.search, "ozlem")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Enter)
    assert present(db, event_id) == {"Wiśniewska", "Yılmaz"}


def test_arrow_keys_choose_another_match(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClicks(dialog.search, "grossmann")
    assert dialog.people.count() == 2
    second = dialog.people.item(1).text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    checked_in = [r for r in list_registrations(db, event_id) if r.attended]
    assert len(checked_in) == 1 and checked_in[0].first_name in second


def test_latin_spelling_finds_the_cyrillic_name(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClicks(dialog.search, "Kovalenko")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert present(db, event_id) == {"Коваленко"}
    assert "Олена Коваленко" in dialog.feedback.text()


def test_undo_only_by_its_own_key(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    assert not dialog.undo_button.isDefault() and not dialog.undo_button.autoDefault()
    qtbot.keyClicks(dialog.search, "wisn")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # Enter on an empty field undoes nothing
    assert present(db, event_id) == {"Wiśniewska"}
    qtbot.keyClick(dialog.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert present(db, event_id) == set()
    assert "Zurückgenommen: Agnieszka Wiśniewska" in dialog.feedback.text()
    assert dialog.counter.text() == "0 von 5 anwesend"


def test_walk_in_by_keyboard_ends_registered_and_present(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClicks(dialog.walk_in_first, "Heike")
    qtbot.keyClick(dialog.walk_in_first, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.walk_in_last, "Schmidt")
    qtbot.keyClick(dialog.walk_in_last, Qt.Key.Key_Return)
    rows = {r.last_name: r for r in list_registrations(db, event_id)}
    assert rows["Schmidt"].status == "confirmed" and rows["Schmidt"].attended is True
    assert "Heike Schmidt ist vor Ort angemeldet und anwesend" in dialog.feedback.text()
    assert dialog.counter.text() == "1 von 6 anwesend"


def test_nobody_found_says_so(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClicks(dialog.search, "zzz")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "Niemand gefunden" in dialog.feedback.text()
    assert present(db, event_id) == set()


def test_walk_in_without_name_is_refused(qtbot, db) -> None:
    event_id, dialog = open_door(qtbot, db)
    qtbot.keyClick(dialog.walk_in_last, Qt.Key.Key_Return)
    assert "Namen" in dialog.feedback.text()
    assert len(list_registrations(db, event_id)) == 5
    _ = person
