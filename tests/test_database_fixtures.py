"""The run uses the database it says: PostgreSQL when PATENBUERO_TEST_DB is set."""

from patenbuero.services.core.info import database_info
from tests.helpers.postgres import on_postgres


def test_db_and_demo_db_live_where_the_run_says(db, demo_db) -> None:
    wanted = "postgresql" if on_postgres() else "sqlite"
    assert db.location.url.get_backend_name() == wanted
    assert demo_db.location.url.get_backend_name() == wanted
    assert db.location.url != demo_db.location.url
    assert all(count == 0 for _label, count in database_info(db).counts)
    assert dict(database_info(demo_db).counts)["Mitgliedsprojekte"] >= 30


def test_sqlite_db_stays_a_file_in_every_run(sqlite_db) -> None:
    assert sqlite_db.location.path is not None
