"""Transcriptions from paper and an incident's lessons: the sheet a log entry was typed in
from (log_entry.paper_ref; its written time is ``at``, its entry time ``recorded_at``), and
the lessons and 재발방지 대책 the 최종(결과)보고 lists (incident_lesson). Additive only.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)
_TIME = sa.String(length=27)


def upgrade() -> None:
    with op.batch_alter_table("log_entry") as batch:
        batch.add_column(sa.Column("paper_ref", sa.String(length=80), nullable=True))
    op.create_table(
        "incident_lesson",
        sa.Column("incident_id", _ID, nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", _ID, nullable=False),
        sa.Column("recorded_at", _TIME, nullable=False),
        sa.Column("author_id", _ID, nullable=True),
        sa.Column("workstation_id", _ID, nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_incident_lesson_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_lesson")),
    )
    with op.batch_alter_table("incident_lesson") as batch:
        batch.create_index(batch.f("ix_incident_lesson_incident_id"), ["incident_id"])


def downgrade() -> None:
    op.drop_table("incident_lesson")
    with op.batch_alter_table("log_entry") as batch:
        batch.drop_column("paper_ref")
