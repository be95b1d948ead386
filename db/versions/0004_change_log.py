"""Offline sync: the change log, the persisted hybrid logical clock and sync bookkeeping.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)


def upgrade() -> None:
    op.create_table(
        "change_log",
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
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log") as batch:
        batch.create_index("ix_change_log_row_field", ["row_id", "field"])
    op.create_table(
        "sync_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_clock")),
    )
    op.execute("INSERT INTO sync_clock (id, hlc, seq, head_hash) VALUES (1, 0, 0, '')")
    op.create_table(
        "sync_superseded",
        sa.Column("site_id", _ID, nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "hlc", "field", name=op.f("pk_sync_superseded")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("tbl", sa.String(length=64), nullable=False),
        sa.Column("row_id", _ID, nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", "field", name=op.f("pk_sync_conflict")),
    )
    op.create_table(
        "sync_pending_row",
        sa.Column("tbl", sa.String(length=64), nullable=False),
        sa.Column("row_id", _ID, nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", name=op.f("pk_sync_pending_row")),
    )
    op.create_table(
        "sync_pending_bundle",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("schema_version", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.String(length=27), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_pending_bundle")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("site_id", _ID, nullable=False),
        sa.Column("have_json", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
