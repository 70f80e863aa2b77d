"""Undo of a registration import: as before (waitlist too), refused after edits, once only."""

import datetime as dt

import pytest

from patenbuero.services.core.import_journal import forget_old_runs
from patenbuero.services.imports import UndoRefused, list_runs, undo_import
from patenbuero.services.registrations.use_cases import (
    cancel_by_email,
    list_registrations,
    register_person,
)
from tests.helpers.import_journal import NOW, clean_sample, everything, import_registrations
from tests.helpers.persons import add_event, person

LATER = NOW + dt.timedelta(hours=2)


def _statuses(db, event_id):
    return [(r.last_name, r.status) for r in list_registrations(db, event_id)]


def test_undo_leaves_the_database_as_before_with_waitlist_and_known_person(db, tmp_path) -> None:
    event_id = add_event(db, capacity=3)
    # Jürgen is known from another event without phone (the import registers him here
    # and fills his phone), Karin takes one place: the import's rows queue behind her.
    register_person(db, event_id, person("Karin", "Vogel", "karin@example.org"))
    other = add_event(db, capacity=None, title="Vernetzungstreffen")
    register_person(db, other, person("Jürgen", "Großmann", "j.grossmann@example.org"))
    before = everything(db)
    done = import_registrations(db, event_id, clean_sample(tmp_path))
    assert done.summary().startswith("9 neu")
    after_import = _statuses(db, event_id)
    assert ("Yılmaz", "confirmed") in after_import
    assert sum(status == "waitlisted" for _name, status in after_import) == 7
    [run] = list_runs(db)
    assert run.kind == "registrations" and run.file_name == "anmeldungen.csv"
    assert run.description == "Fachtag Patenschaften (17.09.2026)"
    assert "9 Anmeldungen neu" in run.summary and "1 Person geändert" in run.summary

    result = undo_import(db, run.id, now=LATER)

    assert everything(db) == before
    assert result.moved_up == ()
    assert "entfernt 9 Anmeldungen, 8 Personen" in result.message()
    assert "wiederhergestellt 1 Person" in result.message()
    [run] = list_runs(db)
    assert run.undone_at == LATER and not run.can_undo


def test_undo_of_booked_registrations_moves_the_waitlist_up(db, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    import_registrations(db, event_id, clean_sample(tmp_path))
    late = register_person(db, event_id, person("Hanna", "Späth", "hanna@example.org"), now=LATER)
    assert late.status == "waitlisted"
    result = undo_import(db, list_runs(db)[0].id, now=LATER + dt.timedelta(hours=1))
    assert _statuses(db, event_id) == [("Späth", "confirmed")]
    assert [m.last_name for m in result.moved_up] == ["Späth"]
    assert "1 Person ist von der Warteliste nachgerückt" in result.message()


def test_undo_is_refused_after_a_later_cancellation_and_changes_nothing(db, tmp_path) -> None:
    event_id = add_event(db, capacity=5)
    import_registrations(db, event_id, clean_sample(tmp_path))
    cancel_by_email(db, event_id, "oezlem.yilmaz@example.org", now=LATER)
    kept = everything(db)
    with pytest.raises(UndoRefused) as refused:
        undo_import(db, list_runs(db)[0].id)
    # The cancellation and the move-up it caused: two registrations changed since.
    assert str(refused.value) == (
        "Der Import kann nicht rückgängig gemacht werden: 2 Datensätze wurden seitdem "
        "geändert oder gelöscht (2 Anmeldungen). Es wurde nichts geändert."
    )
    assert everything(db) == kept
    assert list_runs(db)[0].can_undo


def test_undo_twice_is_refused(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    import_registrations(db, event_id, clean_sample(tmp_path))
    run_id = list_runs(db)[0].id
    undo_import(db, run_id, now=LATER)
    with pytest.raises(UndoRefused, match=r"schon am 10\.08\.2026 um 14:00 Uhr"):
        undo_import(db, run_id)


def test_rebooked_cancellation_is_cancelled_again_with_a_note(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    register_person(db, event_id, person("Zoë", "Weiß", "zoe.weiss@example.org"))
    cancel_by_email(db, event_id, "zoe.weiss@example.org", now=NOW - dt.timedelta(days=1))
    import_registrations(db, event_id, clean_sample(tmp_path), rebook=True)
    assert ("Weiß", "confirmed") in _statuses(db, event_id)
    undo_import(db, list_runs(db)[0].id, now=LATER)
    assert _statuses(db, event_id) == [("Weiß", "cancelled")]


def test_a_person_registered_elsewhere_since_stays(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    import_registrations(db, event_id, clean_sample(tmp_path))
    other = add_event(db, title="Vernetzungstreffen")
    register_person(db, other, person("Thi Lan", "Nguyễn", "lan.nguyen@example.org"))
    result = undo_import(db, list_runs(db)[0].id, now=LATER)
    assert list_registrations(db, event_id) == []
    assert [r.last_name for r in list_registrations(db, other)] == ["Nguyễn"]
    assert result.kept == "1 Person"


def test_journal_entries_are_deleted_after_ninety_days(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    import_registrations(db, event_id, clean_sample(tmp_path))
    today = dt.date.today()
    assert forget_old_runs(db, today + dt.timedelta(days=89)) == 0
    assert forget_old_runs(db, today + dt.timedelta(days=91)) == 1
    assert list_runs(db) == []


def test_an_import_that_changes_nothing_is_not_listed(db, tmp_path) -> None:
    event_id = add_event(db, capacity=None)
    path = clean_sample(tmp_path)
    import_registrations(db, event_id, path)
    import_registrations(db, event_id, path)  # everyone is registered already
    assert len(list_runs(db)) == 1


def test_a_refused_import_leaves_no_journal_entry(db) -> None:
    from patenbuero.services.core.importing import ImportRefused
    from tests.helpers.import_journal import SAMPLE

    event_id = add_event(db, capacity=None)
    with pytest.raises(ImportRefused):
        import_registrations(db, event_id, SAMPLE, check=False)
    assert list_runs(db) == []


def test_undo_restores_a_known_person_whose_address_came_with_a_name(db, tmp_path) -> None:
    """A web form exports "Name <address>": the import fills the known person's empty
    phone by the checked address, and the journal keeps the person as before under
    that same address, so the undo empties the phone again."""
    event_id = add_event(db, capacity=None)
    other = add_event(db, title="Vernetzungstreffen")
    register_person(db, other, person("Jürgen", "Großmann", "j.grossmann@example.org"))
    before = everything(db)
    path = tmp_path / "liste.csv"
    path.write_text(
        "Vorname;Nachname;E-Mail;Telefon\n"
        "Jürgen;Großmann;Jürgen Großmann <J.Grossmann@example.org>;0345 1234567\n",
        encoding="utf-8",
    )
    import_registrations(db, event_id, path)
    [run] = list_runs(db)
    assert "1 Person geändert" in run.summary
    undo_import(db, run.id, now=LATER)
    assert everything(db) == before
