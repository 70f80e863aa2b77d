"""Runs in a separate process: registers people as fast as it can once the start flag is set."""

import datetime as dt


def register_many(db_path: str, event_id: int, prefix: str, count: int, start, results) -> None:
    from patenbuero.services.core.database import open_database
    from patenbuero.services.registrations.persons import PersonInput
    from patenbuero.services.registrations.use_cases import register_person

    db = open_database(db_path)
    start.wait(10)
    statuses = []
    for n in range(count):
        outcome = register_person(
            db,
            event_id,
            PersonInput(
                first_name=f"{prefix}{n}",
                last_name="Paralleltest",
                email=f"{prefix}{n}@example.org",
            ),
            now=dt.datetime.now(),
        )
        statuses.append(outcome.status)
    db.dispose()
    results.put((prefix, statuses))
