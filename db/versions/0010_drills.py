"""Drills (훈련): the injects as they fell due and the controller's lessons.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ID = sa.String(length=36)
_TIME = sa.String(length=27)


def _record_columns() -> list[sa.Column]:
    return [sa.Column("id", _ID, nullable=False),
            sa.Column("recorded_at", _TIME, nullable=False),
            sa.Column("author_id", _ID, nullable=True),
            sa.Column("workstation_id", _ID, nullable=True)]


def upgrade() -> None:
    op.create_table(
        "drill_inject",
        sa.Column("incident_id", _ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("team", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_drill_inject_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_inject")),
    )
    op.create_table(
        "drill_lesson",
        sa.Column("incident_id", _ID, nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_drill_lesson_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_lesson")),
    )
    with op.batch_alter_table("drill_inject") as batch:
        batch.create_index(batch.f("ix_drill_inject_incident_id"), ["incident_id"])
    with op.batch_alter_table("drill_lesson") as batch:
        batch.create_index(batch.f("ix_drill_lesson_incident_id"), ["incident_id"])


def downgrade() -> None:
    op.drop_table("drill_lesson")
    op.drop_table("drill_inject")
