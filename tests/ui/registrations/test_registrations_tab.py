"""Registering, cancelling with move-up, check-in by keyboard, duplicates, the series matrix."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from patenbuero.services.registrations.use_cases import list_registrations, register_person
from patenbuero.ui.main_window import MainWindow
from patenbuero.ui.registrations.check_in_dialog import CheckInDialog
from patenbuero.ui.registrations.duplicates_dialog import DuplicatesDialog
from patenbuero.ui.registrations.move_up_dialog import MoveUpDialog
from patenbuero.ui.registrations.register_dialog import RegisterDialog
from patenbuero.ui.registrations.series_dialog import SeriesDialog
from tests.helpers.persons import add_event, add_series, person

SOON = dt.datetime.now().replace(second=0, microsecond=0) + dt.timedelta(days=20)


def open_tab(qtbot, db, event_id):
    window = MainWindow(db)
    qtbot.addWidget(window)
    tab = window.registrations_tab
    assert tab.select_event(event_id)
    return tab


def test_register_a_new_person_through_the_dialog(qtbot, db, monkeypatch) -> None:
    event_id = add_event(db, capacity=1, starts_at=SOON, ends_at=SOON + dt.timedelta(hours=2))
    register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    tab = open_tab(qtbot, db, event_id)
    seen: list[RegisterDialog] = []

    def fill_and_accept(dialog: RegisterDialog) -> int:
        seen.append(dialog)
        # Said before saving: the event is full, the person lands on the waitlist.
        assert dialog.notice.isVisibleTo(dialog)
        assert "ausgebucht (1 von 1 Plätzen belegt)" in dialog.notice.text()
        assert "Warteliste, Platz 1" in dialog.notice.text()
        dialog.form.first_name.setText("Олена")  # QTest types Latin-1 only
        dialog.form.last_name.setText("Коваленко")
        qtbot.keyClicks(dialog.form.email, "olena@@example")
        dialog.ok_button.click()
        assert dialog.form.error.isVisibleTo(dialog) and "E-Mail" in dialog.form.error.text()
        dialog.form.email.clear()
        qtbot.keyClicks(dialog.form.email, "olena@example.org")
        qtbot.keyClicks(dialog.form.remarks, "vegetarisch")
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(RegisterDialog, "exec", fill_and_accept)
    tab.open_register()
    assert "Warteliste (Platz 1)" in tab.message.text()
    rows = {r.last_name: r for r in tab.registrations.model.rows()}
    assert rows["Коваленко"].status == "waitlisted"
    assert rows["Коваленко"].remarks == "vegetarisch"
    assert "1 auf der Warteliste" in tab.header.text()


def test_search_as_you_type_finds_a_known_person(qtbot, demo_db) -> None:
    dialog = RegisterDialog(demo_db, "Anmelden", lambda person, late: "ok")
    qtbot.addWidget(dialog)
    dialog.search.setText("коваленко")
    dialog.update_matches()
    assert dialog.matches.count() >= 1
    assert "Коваленко" in dialog.matches.item(0).text()


def test_deadline_passed_asks_and_registers_when_confirmed(qtbot, db) -> None:
    event_id = add_event(db, capacity=5, deadline=dt.date(2020, 1, 1))
    questions: list[str] = []

    def registrar(person_input, allow_late):
        from patenbuero.services.registrations.use_cases import register_person as register

        return register(db, event_id, person_input, allow_late=allow_late).message

    dialog = RegisterDialog(
        db, "Anmelden", registrar, ask=lambda parent, title, text: questions.append(text) or True
    )
    qtbot.addWidget(dialog)
    dialog.form.last_name.setText("Großmann")
    dialog.ok_button.click()
    assert questions and "abgelaufen" in questions[0]
    assert [r.last_name for r in list_registrations(db, event_id)] == ["Großmann"]


def test_likely_duplicate_is_shown_while_typing(qtbot, db) -> None:
    event_id = add_event(db, capacity=5)
    register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    dialog = RegisterDialog(db, "Anmelden", lambda person_input, late: "ok")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.first_name, "Juergen")
    qtbot.keyClicks(dialog.form.last_name, "Mueller")
    dialog.update_duplicates()
    assert dialog.duplicates.isVisibleTo(dialog)
    assert "Jürgen Müller" in dialog.duplicates.text()


def test_cancel_moves_up_and_offers_the_mail(qtbot, db, monkeypatch) -> None:
    event_id = add_event(db, capacity=1, starts_at=SOON, ends_at=SOON + dt.timedelta(hours=2))
    register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    register_person(db, event_id, person("Özlem", "Yılmaz", "oy@example.org"))
    tab = open_tab(qtbot, db, event_id)
    shown: list[MoveUpDialog] = []
    monkeypatch.setattr(tab, "confirm", lambda title, question: True)
    monkeypatch.setattr(MoveUpDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    tab.registrations.table.selectRow(0)
    tab.cancel_selected()
    assert "Nachgerückt: Özlem Yılmaz" in tab.message.text()
    assert "oy@example.org" in shown[0].mail_url().toString()
    assert "Özlem Yılmaz" in shown[0].message.toPlainText()
    statuses = {r.last_name: r.status for r in tab.registrations.model.rows()}
    assert statuses == {"Schulze": "cancelled", "Yılmaz": "confirmed"}
    tab.registrations.table.selectRow(0)
    history = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert any("nachgerückt" in line for line in history)


def test_check_in_by_keyboard_undo_and_walk_in(qtbot, db) -> None:
    event_id = add_event(db, capacity=10)
    for first, last in (("Jürgen", "Großmann"), ("Małgorzata", "Wiśniewska"), ("Eva", "Schulze")):
        register_person(db, event_id, person(first, last))
    dialog = CheckInDialog(db, event_id, "Fachtag")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "wisn")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert "Wiśniewska ist anwesend" in dialog.feedback.text()
    assert dialog.counter.text() == "1 von 3 anwesend"
    qtbot.keyClicks(dialog.search, "gross")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    dialog.undo()
    assert dialog.counter.text() == "1 von 3 anwesend"
    dialog.walk_in_first.setText("Thị Hương")
    dialog.walk_in_last.setText("Nguyễn")
    qtbot.keyClick(dialog.walk_in_last, Qt.Key.Key_Return)
    assert dialog.counter.text() == "2 von 4 anwesend"
    present = {r.last_name for r in list_registrations(db, event_id) if r.attended}
    assert present == {"Wiśniewska", "Nguyễn"}


def test_merge_duplicates_only_when_confirmed(qtbot, db) -> None:
    event_id = add_event(db, capacity=10)
    a = register_person(db, event_id, person("Jürgen", "Müller", "jm@example.org"))
    b = register_person(db, event_id, person("Müller", "Juergen", ""))
    answers = [False, True]
    dialog = DuplicatesDialog(db, ask=lambda parent, title, text: answers.pop(0))
    qtbot.addWidget(dialog)
    dialog.select_person(a.person_id)
    dialog.select_person(b.person_id)
    dialog.merge_selected()
    assert len(list_registrations(db, event_id)) == 2
    dialog.select_person(a.person_id)
    dialog.select_person(b.person_id)
    dialog.merge_selected()
    assert [r.email for r in list_registrations(db, event_id)] == ["jm@example.org"]
    assert dialog.merged == 1 and "übernommen" in dialog.message.text()


def test_series_matrix_shows_modules_and_due_certificates(qtbot, db) -> None:
    from patenbuero.services.registrations.attendance import set_attendance
    from patenbuero.services.registrations.series import register_for_series

    series_id, modules = add_series(db, required=2)
    register_for_series(db, series_id, person("Олена", "Коваленко", "ok@example.org"))
    for event_id in modules[:2]:
        (row,) = list_registrations(db, event_id)
        set_attendance(db, row.id, True)
    dialog = SeriesDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.columnCount() == 2 + 4 + 1
    assert dialog.table.item(0, 2).text() == "✓ da"
    assert dialog.table.item(0, 6).text() == "fällig"
    assert "1 fällig" in dialog.summary.text()


def test_capacity_raise_moves_up(qtbot, db, monkeypatch) -> None:
    event_id = add_event(db, capacity=1, starts_at=SOON, ends_at=SOON + dt.timedelta(hours=2))
    register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    register_person(db, event_id, person("Özlem", "Yılmaz", "oy@example.org"))
    tab = open_tab(qtbot, db, event_id)
    monkeypatch.setattr(MoveUpDialog, "exec", lambda dialog: 0)
    tab.set_capacity(2)
    assert all(r.status == "confirmed" for r in tab.registrations.model.rows())
    tab.set_capacity(1)
    assert "nicht unter 2" in tab.message.text()


def test_dialog_buttons_are_german(qtbot, db) -> None:
    dialog = RegisterDialog(db, "Anmelden", lambda person_input, late: "ok")
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_export_registrations_and_year_statistics(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from patenbuero.services.plan.use_cases import list_events

    event = max(list_events(demo_db, 2026), key=lambda e: e.confirmed)
    tab = open_tab(qtbot, demo_db, event.id)
    target = tmp_path / "anmeldungen.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.export()
    sheet = load_workbook(target).active
    assert (
        sheet["B1"].value == "Nachname" and sheet.max_row == len(tab.registrations.model.rows()) + 1
    )
    from patenbuero.ui.registrations.sachbericht_dialog import SachberichtDialog

    shown: list[SachberichtDialog] = []
    monkeypatch.setattr(SachberichtDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    qtbot.mouseClick(tab.statistics_button, Qt.MouseButton.LeftButton)
    (dialog,) = shown
    qtbot.addWidget(dialog)
    labels = {(f.section, f.label) for f in dialog.table.model.rows()}
    assert ("Veranstaltungen", "verschiedene Personen") in labels
    pdf = tmp_path / "sachbericht.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF") and "Gespeichert" in dialog.message.text()
    _ = QInputDialog


def test_import_dialog_with_the_web_form_export(qtbot, db, tmp_path) -> None:
    from pathlib import Path

    from PySide6.QtCore import Qt as QtKeys

    from patenbuero.services.registrations.importing import RegistrationImporter
    from patenbuero.ui.common.import_dialog import ImportDialog

    event_id = add_event(db, capacity=4)
    sample = Path(__file__).parents[2] / "io" / "data" / "anmeldungen_webformular.csv"
    dialog = ImportDialog(db, RegistrationImporter(event_id, dt.datetime(2026, 8, 10, 12)))
    qtbot.addWidget(dialog)
    dialog.load_file(str(sample))
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())
    assert dialog.errors.item(0).text().startswith("Zeile 9: E-Mail-Adresse ungültig")
    assert not dialog.import_button.isEnabled()
    email_column = list(dialog.preview.table.headers).index("E-Mail")
    dialog.preview = None
    dialog.set_mapping(email_column, None)  # take the rows without e-mail addresses
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.is_busy())
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, QtKeys.MouseButton.LeftButton)
    rows = list_registrations(db, event_id)
    assert sum(r.status == "confirmed" for r in rows) == 4
    assert sum(r.status == "waitlisted" for r in rows) == len(rows) - 4


def test_create_a_series_with_its_rule_in_the_dialog(qtbot, db, monkeypatch) -> None:
    from patenbuero.ui.registrations.series_edit_dialog import SeriesEditDialog

    starts = [SOON + dt.timedelta(weeks=4 * n) for n in range(4)]
    ids = [
        add_event(
            db,
            title=f"Modul {n}",
            kind="series_module",
            starts_at=s,
            ends_at=s + dt.timedelta(hours=3),
        )
        for n, s in enumerate(starts, start=1)
    ]
    dialog = SeriesDialog(db)
    qtbot.addWidget(dialog)
    assert not dialog.edit_button.isEnabled()

    def fill(edit: SeriesEditDialog) -> int:
        qtbot.addWidget(edit)
        qtbot.keyClicks(edit.title, "Reihe fuer Paten")
        for event_id in ids:
            edit.check_module(event_id)
        assert edit.of_total.text() == "von 4 Modulen" and edit.required.value() == 4
        edit.required.setFocus()
        qtbot.keyClick(edit.required, Qt.Key.Key_Down)  # 3 von 4
        qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
        return edit.result()

    monkeypatch.setattr(SeriesEditDialog, "exec", fill)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.series.currentText() == "Reihe fuer Paten"
    assert "Bescheinigung ab 3 von 4 Modulen" in dialog.summary.text()
    assert dialog.edit_button.isEnabled()


def test_register_a_known_person_by_keyboard_with_the_one_search_rule(qtbot, db) -> None:
    from patenbuero.services.registrations.persons import PersonInput

    event_id = add_event(db, capacity=1, starts_at=SOON, ends_at=SOON + dt.timedelta(hours=2))
    other = add_event(db, capacity=5, title="Vorher")
    register_person(db, other, PersonInput("Heike", "Kühn", "hk@example.org"))
    register_person(db, event_id, person("Eva", "Schulze", "eva@example.org"))
    messages: list[str] = []

    def registrar(person_input, allow_late):
        outcome = register_person(db, event_id, person_input, allow_late=allow_late)
        messages.append(outcome.message)
        return outcome.message

    dialog = RegisterDialog(db, "Anmelden", registrar, notice="ausgebucht")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "kuehn heike")
    qtbot.waitUntil(lambda: dialog.matches.count() == 1)
    assert "Heike Kühn" in dialog.matches.item(0).text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert messages == [
        "Die Veranstaltung ist ausgebucht: Heike Kühn steht auf der Warteliste (Platz 1)."
    ]


def test_sachbericht_for_one_funder_chosen_by_keyboard(qtbot, demo_db) -> None:
    from patenbuero.services.core.funders import save_funder
    from patenbuero.ui.registrations.sachbericht_dialog import SachberichtDialog

    save_funder(demo_db, None, "Stadt Halle")
    dialog = SachberichtDialog(demo_db, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    everything = {(f.label, f.value) for f in dialog.table.model.rows()}
    dialog.funder.setFocus()
    qtbot.keyClick(dialog.funder, Qt.Key.Key_Down)
    assert dialog.funder.currentText() == "Stadt Halle"
    assert dialog.note.text().startswith("Nur Veranstaltungen, die „Stadt Halle“ fördert")
    funded = {f.label: f.value for f in dialog.table.model.rows()}
    assert funded["Veranstaltungen durchgeführt"] == 0
    assert {(label, value) for label, value in funded.items()} != everything
