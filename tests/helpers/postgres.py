"""A scratch PostgreSQL schema per test, on the server named by PATENBUERO_TEST_DB.

Each test gets its own schema (the connection's search_path points at it), so tests
never see each other's tables and need only the CREATE right on the database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV_VARIABLE = "PATENBUERO_TEST_DB"
SKIP_REASON = (
    f"{ENV_VARIABLE} is not set (a postgresql+psycopg:// URL of a scratch database); "
    "the PostgreSQL tests of the transfer are skipped"
)


def scratch_server_url() -> str:
    url = os.environ.get(ENV_VARIABLE, "")
    if not url:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty schema; dropped with everything in it after the test."""
    base = make_url(scratch_server_url())
    schema = f"transfer_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
