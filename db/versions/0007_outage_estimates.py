"""Outage estimates: a team's estimated time of restoration (ETR) and next-update time,
append-only (a revision is a new row).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outage_estimate",
        sa.Column("outage_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=27), nullable=False),
        sa.Column("restore_by", sa.String(length=27), nullable=False),
        sa.Column("next_update_at", sa.String(length=27), nullable=True),
        sa.Column("team", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.String(length=27), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("workstation_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["outage_id"], ["outage.id"],
                                name=op.f("fk_outage_estimate_outage_id_outage")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outage_estimate")),
    )
    with op.batch_alter_table("outage_estimate") as batch:
        batch.create_index(batch.f("ix_outage_estimate_outage_id"), ["outage_id"])


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
