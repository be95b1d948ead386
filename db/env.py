"""Alembic environment: always run from console.store.migrate with an open connection."""

from __future__ import annotations

from alembic import context

from console.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` CLI use is not supported: open the database with the console
    raise SystemExit("run migrations through the console (console.store.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
