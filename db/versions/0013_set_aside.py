"""Changes a copy wrote as the original, set aside when they were re-issued under its own
identity (docs/sync.md, Histories, rule 3): kept as evidence, never exported.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)


def upgrade() -> None:
    op.create_table(
        "sync_set_aside",
        sa.Column("site_id", _ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("tbl", sa.String(length=64), nullable=False),
        sa.Column("row_id", _ID, nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("supersedes", sa.Text(), nullable=False),
        sa.Column("author", _ID, nullable=True),
        sa.Column("wall_time", sa.String(length=27), nullable=False),
        sa.Column("schema_version", sa.String(length=32), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("reissued_site", _ID, nullable=False),
        sa.Column("reissued_seq", sa.Integer(), nullable=False),
        sa.Column("set_aside_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "seq", "entry_hash", name=op.f("pk_sync_set_aside")),
    )


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
