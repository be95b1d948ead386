"""Drills (훈련): the exercise controller's judgement deductions (a wrong summary, a typo).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)
_TIME = sa.String(length=27)


def upgrade() -> None:
    op.create_table(
        "drill_judgement",
        sa.Column("incident_id", _ID, nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("about", _ID, nullable=True),
        sa.Column("id", _ID, nullable=False),
        sa.Column("recorded_at", _TIME, nullable=False),
        sa.Column("author_id", _ID, nullable=True),
        sa.Column("workstation_id", _ID, nullable=True),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_drill_judgement_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_judgement")),
    )
    with op.batch_alter_table("drill_judgement") as batch:
        batch.create_index(batch.f("ix_drill_judgement_incident_id"), ["incident_id"])


def downgrade() -> None:
    op.drop_table("drill_judgement")
