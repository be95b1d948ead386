"""The incident's life as events: task force activated, stood down, report schedule set.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_event",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", sa.String(length=27), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("schedule", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.String(length=27), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("workstation_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_incident_event_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_event")),
    )
    with op.batch_alter_table("incident_event") as batch:
        batch.create_index(batch.f("ix_incident_event_incident_id"), ["incident_id"])


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
