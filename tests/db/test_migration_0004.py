"""0004 adds the inquiry channel and the forwarding outcome; existing rows keep their data."""

from pathlib import Path

from sqlalchemy import create_engine, text

from patenbuero.db import migrate


def test_existing_inquiries_and_forwardings_survive(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'alt.sqlite3'}")
    migrate._upgrade(engine, target="0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO member_project (id, name, status, serves_whole_city, flyer_text, "
                "portrait_text, logo_mime, seeks_volunteers, time_commitment, languages, "
                "website, email, phone, address, notes) VALUES (1, 'Lesewelt Halle', 'active', "
                "0, '', '', '', 1, '', '', '', '', '', '', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO inquiry (id, kind, status, received_on, name, email, phone, "
                "message, notes) VALUES (1, 'become_volunteer', 'forwarded', '2026-03-02', "
                "'Özlem Yılmaz', '', '', '', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO forwarding (id, inquiry_id, project_id, forwarded_on, note) "
                "VALUES (1, 1, 1, '2026-03-03', 'per Telefon')"
            )
        )
    migrate._upgrade(engine)
    with engine.connect() as connection:
        inquiry = connection.execute(text("SELECT name, channel FROM inquiry")).one()
        forwarding = connection.execute(text("SELECT note, outcome FROM forwarding")).one()
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert tuple(inquiry) == ("Özlem Yılmaz", "unknown")
    assert tuple(forwarding) == ("per Telefon", "unknown")
    assert revision == migrate.HEAD_REVISION
