"""`patenbuero info` counts the tables of the models, through plain connections."""

from patenbuero.db import models
from patenbuero.db.base import Base
from patenbuero.services.core.info import COUNTED, database_info


def test_every_counted_table_is_a_model_table() -> None:
    tables = {mapper.class_.__tablename__ for mapper in Base.registry.mappers}
    assert {name for _label, name in COUNTED} <= tables
    for name in ("member_project", "event", "person", "registration", "inquiry"):
        assert name in {n for _label, n in COUNTED}


def test_counts_are_the_rows_of_the_demo(demo_db) -> None:
    info = dict(database_info(demo_db).counts)
    with demo_db.reading() as session:
        assert info["Anmeldungen"] == session.query(models.Registration).count() > 0
        assert info["Mitgliedsprojekte"] == session.query(models.MemberProject).count() > 0
