"""Situation reports (상황보고 제N보): frozen snapshots and their PDF hashes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "situation_report",
        sa.Column("incident_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("as_of", sa.String(length=27), nullable=False),
        sa.Column("issued_at", sa.String(length=27), nullable=True),
        sa.Column("prepared_by", sa.String(length=36), nullable=True),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.String(length=27), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("workstation_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_situation_report_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_report")),
    )
    with op.batch_alter_table("situation_report") as batch:
        batch.create_index(batch.f("ix_situation_report_incident_id"), ["incident_id"])


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
