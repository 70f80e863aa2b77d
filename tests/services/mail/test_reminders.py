"""The reminder is due a chosen number of days before, once per event."""

import datetime as dt

import pytest

from patenbuero.errors import ValidationError
from patenbuero.services.mail.compose import compose
from patenbuero.services.mail.reminders import reminders_due
from patenbuero.services.mail.sending import write_drafts
from tests.helpers.mail_setup import mail_event

STARTS = dt.date(2026, 12, 9)


def test_due_from_n_days_before_until_a_reminder_went_out(db, tmp_path):
    ids = mail_event(db)
    assert reminders_due(db, 3, today=STARTS - dt.timedelta(days=4)) == []
    (due,) = reminders_due(db, 3, today=STARTS - dt.timedelta(days=3))
    assert (due.event_id, due.confirmed) == (ids["event"], 4)
    assert [d.event_id for d in reminders_due(db, 7, today=STARTS - dt.timedelta(days=6))] == [
        ids["event"]
    ]
    assert reminders_due(db, 3, today=STARTS + dt.timedelta(days=1)) == []
    write_drafts(db, compose(db, "reminder", ids["event"], today=STARTS), tmp_path)
    assert reminders_due(db, 3, today=STARTS - dt.timedelta(days=2)) == []


def test_days_out_of_range_are_refused(db):
    with pytest.raises(ValidationError):
        reminders_due(db, -1)
