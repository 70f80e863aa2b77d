"""Alembic environment: runs on the connection and transaction the app hands over."""

from alembic import context

import patenbuero.db.models  # noqa: F401  (registers every table)
from patenbuero.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
