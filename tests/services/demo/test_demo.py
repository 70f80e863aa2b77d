"""The demo data: what a new user sees must look alive and keep the office's rules."""

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from patenbuero.db.models import (
    Contact,
    Event,
    Inquiry,
    MemberProject,
    Person,
    Registration,
    RegistrationHistory,
    Series,
    Task,
)
from patenbuero.errors import UserError
from patenbuero.services import demo
from patenbuero.services.core.info import database_info, is_empty
from patenbuero.services.core.network_texts import load_texts
from patenbuero.services.demo import large
from patenbuero.services.plan.use_cases import list_events
from patenbuero.services.registrations.series import series_matrix
from patenbuero.services.registrations.use_cases import list_registrations

TODAY = dt.date(2026, 5, 14)
NOW = dt.datetime.combine(TODAY, dt.time(8, 0))
CYRILLIC = re.compile("[\u0400-\u04ff]")
ARABIC = re.compile("[\u0600-\u06ff]")
# Days of the year that move relative dates across month and year ends.
AWKWARD_DAYS = [dt.date(2026, 1, 2), dt.date(2028, 2, 29), dt.date(2026, 12, 30)]


@pytest.fixture
def small(db):
    demo.fill_demo_data(db, today=TODAY)
    return db


def test_small_network_has_projects_of_every_status_and_its_texts(small) -> None:
    with small.reading() as session:
        projects = session.scalars(select(MemberProject)).all()
        partners = session.scalars(select(Contact).where(Contact.project_id.is_(None))).all()
    assert len(projects) >= 30
    assert {"Lesewelt Halle", "Max geht in die Oper", "Seelenpaten"} <= {p.name for p in projects}
    statuses = [p.status for p in projects]
    assert statuses.count("paused") == 2
    assert [p.left_on is not None for p in projects if p.status == "left"] == [True]
    assert all(len(p.flyer_text) <= 160 for p in projects)
    assert any(p.serves_whole_city for p in projects)
    assert {p.partner_name or p.organisation_id for p in partners} >= {
        "Seniorenvertretung der Stadt Halle"
    }
    texts = load_texts(small)
    assert "06108 Halle (Saale)" in texts.office_address
    assert texts.website == "www.patenschaften-halle.de"
    assert "Pat:innen" in texts.introduction
    assert texts.office_name.startswith("Koordinierungsstelle Patenschaftsnetzwerk Halle")


def test_events_cover_this_year_and_the_next(small) -> None:
    this_year = list_events(small, TODAY.year)
    next_year = list_events(small, TODAY.year + 1)
    assert len(this_year) >= 15 and next_year
    kinds = {row.kind for row in this_year + next_year}
    assert kinds >= {"network_meeting", "specialist_day", "coordinator_training", "info_stand"}
    assert kinds >= {"series_module", "online", "other"}
    meetings = [r for r in this_year if r.kind == "network_meeting"]
    assert [r.starts_at.month for r in meetings] == [3, 6, 9, 12]
    assert all(r.starts_at.weekday() == 2 and 8 <= r.starts_at.day <= 14 for r in meetings)
    assert all(r.starts_at.hour == 16 for r in meetings)
    with small.reading() as session:
        online = session.scalars(select(Event).where(Event.kind == "online")).all()
        overdue = session.scalar(
            select(func.count()).where(Task.done.is_(False), Task.due_on < TODAY)
        )
    assert all(e.online_url.startswith("https://") for e in online)
    assert overdue == 1


@pytest.mark.parametrize("today", [TODAY, *AWKWARD_DAYS])
def test_a_coming_event_is_full_and_has_a_waitlist(db, today) -> None:
    demo.fill_demo_data(db, today=today)
    now = dt.datetime.combine(today, dt.time(8))
    rows = [r for y in (today.year, today.year + 1) for r in list_events(db, y)]
    full = [
        r
        for r in rows
        if r.starts_at > now and r.capacity and r.confirmed == r.capacity and 3 <= r.waitlisted <= 5
    ]
    assert full
    waitlist = [r for r in list_registrations(db, full[0].id) if r.status == "waitlisted"]
    assert [r.waitlist_position for r in waitlist] == list(range(1, len(waitlist) + 1))
    assert _overbooked_events(db) == 0
    assert _waitlisted_before_confirmed(db) == 0


def test_past_events_are_done_with_attendance_and_coming_ones_open(small) -> None:
    with small.reading() as session:
        events = session.scalars(select(Event)).all()
        registrations = session.scalars(select(Registration)).all()
    starts = {e.id: e.starts_at for e in events}
    assert all(e.status == "done" for e in events if e.starts_at < NOW)
    assert all(e.status in ("idea", "planned", "confirmed") for e in events if e.starts_at > NOW)
    assert [e.status for e in events].count("idea") == 1
    past = [r for r in registrations if starts[r.event_id] < NOW and r.status == "confirmed"]
    future = [r for r in registrations if starts[r.event_id] > NOW]
    assert past and all(r.attended is not None for r in past)
    assert 0.7 < sum(r.attended for r in past) / len(past) < 0.97
    assert future and all(r.attended is None for r in future)
    assert any(r.status == "cancelled" for r in registrations)
    assert all(r.registered_at <= r.status_changed_at <= NOW for r in registrations)


def test_every_registration_has_its_history(small) -> None:
    with small.reading() as session:
        without = session.scalar(
            select(func.count()).select_from(Registration).where(~Registration.history.any())
        )
        changes = set(session.scalars(select(RegistrationHistory.change).distinct()))
    assert without == 0
    assert changes >= {"registered", "waitlisted", "cancelled", "moved_up", "attended", "absent"}


def test_series_has_four_modules_with_attendance_on_the_past_ones(small) -> None:
    with small.reading() as session:
        series = session.scalars(select(Series).order_by(Series.id.desc())).first()
    assert (series.module_count, series.required_modules) == (4, 4)
    matrix = series_matrix(small, series.id)
    assert [m.number for m in matrix.modules] == [1, 2, 3, 4]
    past = [i for i, m in enumerate(matrix.modules) if m.starts_at < NOW]
    coming = [i for i, m in enumerate(matrix.modules) if m.starts_at > NOW]
    assert past and coming
    assert 14 <= len(matrix.rows) <= 20
    assert sum(all(row.registered) for row in matrix.rows) >= len(matrix.rows) - 1
    assert all(row.attendance[i] is not None for row in matrix.rows for i in past)
    assert any(row.attendance[i] is False for row in matrix.rows for i in past)
    assert all(row.attendance[i] is None for row in matrix.rows for i in coming)


def test_persons_look_like_halle_today(small) -> None:
    with small.reading() as session:
        persons = session.scalars(select(Person)).all()
    assert len(persons) >= 100
    cyrillic = [p for p in persons if CYRILLIC.search(p.first_name + p.last_name)]
    arabic = [p for p in persons if ARABIC.search(p.first_name + p.last_name)]
    assert cyrillic and arabic
    assert all(p.latin_name for p in cyrillic + arabic)
    names = {p.full_name for p in persons}
    assert {"Jürgen Großmann", "Özlem Yılmaz", "Małgorzata Wiśniewska", "محمد الحسن"} <= names
    assert any("-" in p.last_name for p in persons)
    assert all(p.email_key == (p.email.casefold() or None) for p in persons)
    assert all(p.email.endswith("@example.org") for p in persons if p.email)
    by_key = {}
    for p in persons:
        by_key.setdefault(p.name_key, []).append(p.full_name)
    assert ["Jürgen Großmann", "Juergen Grossmann"] in by_key.values()


def test_inquiries_of_every_kind_some_forwarded(small) -> None:
    with small.reading() as session:
        inquiries = session.scalars(select(Inquiry)).all()
        kinds = {i.kind for i in inquiries}
        forwarded = [i for i in inquiries if i.forwardings]
    assert len(inquiries) >= 10
    assert kinds == {"become_volunteer", "seek_mentorship", "join_network", "other"}
    assert {i.status for i in inquiries} == {"open", "forwarded", "closed"}
    assert forwarded
    assert all(i.received_on <= f.forwarded_on <= TODAY for i in forwarded for f in i.forwardings)


def test_refuses_a_database_with_data_unless_forced(small) -> None:
    before = database_info(small).counts
    with pytest.raises(UserError, match="--force"):
        demo.fill_demo_data(small, today=TODAY)
    assert database_info(small).counts == before
    summary = demo.fill_demo_data(small, force=True, today=TODAY, seed=7)
    after = dict(database_info(small).counts)
    assert summary.projects == after["Mitgliedsprojekte"] == dict(before)["Mitgliedsprojekte"]
    assert summary.persons == after["Teilnehmer:innen"]


def test_unknown_scale_is_refused(db) -> None:
    with pytest.raises(UserError, match="Unbekannter Umfang"):
        demo.fill_demo_data(db, "riesig")
    assert is_empty(db)


def test_same_seed_and_day_give_the_same_data(tmp_path) -> None:
    from patenbuero.services.core.database import open_database

    def names(seed: int, file_name: str) -> list[tuple[str, str, str | None]]:
        db = open_database(str(tmp_path / file_name))
        demo.fill_demo_data(db, today=TODAY, seed=seed)
        with db.reading() as session:
            rows = session.execute(select(Person.first_name, Person.last_name, Person.email_key))
            result = [tuple(row) for row in rows]
        db.dispose()
        return result

    first = names(2026, "a.sqlite3")
    assert first == names(2026, "b.sqlite3")
    assert first != names(1, "c.sqlite3")


def test_summary_counts_what_is_in_the_database(small) -> None:
    summary = demo.fill_demo_data(small, force=True, today=TODAY)
    counts = dict(database_info(small).counts)
    assert summary.projects == counts["Mitgliedsprojekte"]
    assert summary.events == counts["Veranstaltungen"]
    assert summary.persons == counts["Teilnehmer:innen"]
    assert summary.registrations == counts["Anmeldungen"]
    assert summary.inquiries == counts["Anfragen"]


def test_large_data_in_reduced_size_keeps_the_rules(db, monkeypatch) -> None:
    size = large.LargeSize(
        years=3,
        extra_projects=6,
        events=120,
        persons=900,
        registrations=4000,
        inquiries=90,
        big_event=200,
    )
    monkeypatch.setattr(large, "DEFAULT_SIZE", size)
    summary = demo.fill_demo_data(db, "large", today=TODAY)
    assert summary.projects == 38
    assert summary.events == 120
    assert summary.persons == 900
    assert 3000 <= summary.registrations <= 5000
    assert summary.history_entries > summary.registrations
    assert summary.inquiries == 90
    assert _overbooked_events(db) == 0
    assert _waitlisted_before_confirmed(db) == 0
    with db.reading() as session:
        years = {start.year for start in session.scalars(select(Event.starts_at))}
    assert sorted(years) == [2025, 2026, 2027]


def _overbooked_events(db) -> int:
    """Events with more confirmed registrations than places."""
    with db.reading() as session:
        confirmed = (
            select(Registration.event_id, func.count().label("n"))
            .where(Registration.status == "confirmed")
            .group_by(Registration.event_id)
            .subquery()
        )
        return session.scalar(
            select(func.count())
            .select_from(Event)
            .join(confirmed, confirmed.c.event_id == Event.id)
            .where(Event.capacity.is_not(None), confirmed.c.n > Event.capacity)
        )


def _waitlisted_before_confirmed(db) -> int:
    """First come, first served: nobody still waiting arrived before someone confirmed."""
    with db.reading() as session:
        rows = session.execute(
            select(Registration.event_id, Registration.status, Registration.registered_at)
        ).all()
    last_confirmed: dict[int, dt.datetime] = {}
    for event_id, status, at in rows:
        if status == "confirmed":
            last_confirmed[event_id] = max(at, last_confirmed.get(event_id, at))
    return sum(
        1
        for event_id, status, at in rows
        if status == "waitlisted" and at < last_confirmed.get(event_id, at)
    )


def test_stopped_demo_writes_nothing(db) -> None:
    from patenbuero.errors import Cancelled

    reports: list[tuple[int, int]] = []

    def stop_halfway(done: int, total: int) -> bool:
        reports.append((done, total))
        return done < total / 2

    with pytest.raises(Cancelled):
        demo.fill_demo_data(db, "small", progress=stop_halfway)
    assert is_empty(db)
    assert reports[-1][0] >= reports[-1][1] / 2 and len(reports) > 2
