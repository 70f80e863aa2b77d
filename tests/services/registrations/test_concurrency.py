"""Two office PCs register for the last places at the same moment: nobody is overbooked."""

import multiprocessing

from patenbuero.services.registrations.use_cases import list_registrations, register_person
from tests.helpers.databases import target_of
from tests.helpers.persons import add_event, person
from tests.services.registrations.concurrent_worker import register_many


def test_two_processes_never_overbook_the_last_places(db) -> None:
    event_id = add_event(db, capacity=8)
    for n in range(5):
        register_person(db, event_id, person("Vorab", f"Person{n}", f"vorab{n}@example.org"))
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    workers = [
        context.Process(
            target=register_many,
            args=(target_of(db), event_id, prefix, 12, start, results),
        )
        for prefix in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    start.set()
    outcomes = dict(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    rows = list_registrations(db, event_id)
    confirmed = [r for r in rows if r.status == "confirmed"]
    waiting = [r for r in rows if r.status == "waitlisted"]
    assert len(rows) == 5 + 24
    assert len(confirmed) == 8
    assert len(waiting) == 21
    assert [r.waitlist_position for r in waiting] == list(range(1, 22))
    confirmed_by_workers = sum(s == "confirmed" for statuses in outcomes.values() for s in statuses)
    assert confirmed_by_workers == 3
