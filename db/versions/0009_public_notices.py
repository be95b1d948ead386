"""Public notices (대시민 안내): the notice, its append-only wordings and its life's events.

Revision ID: 0009
Revises: 0006 (re-chained by the lead when parallel branches merge)
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
        "public_notice",
        sa.Column("incident_id", _ID, nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("tier", sa.String(length=12), nullable=True),
        sa.Column("area", sa.String(length=200), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("systems", sa.Text(), nullable=False),
        sa.Column("references_id", _ID, nullable=True),
        sa.Column("msg_type", sa.String(length=8), nullable=False),
        sa.Column("exercise", sa.Boolean(), nullable=False),
        sa.Column("id", _ID, nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("created_by", _ID, nullable=True),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("updated_by", _ID, nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"],
                                name=op.f("fk_public_notice_incident_id_incident")),
        sa.ForeignKeyConstraint(["references_id"], ["public_notice.id"],
                                name=op.f("fk_public_notice_references_id_public_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_notice")),
    )
    op.create_table(
        "public_notice_version",
        sa.Column("notice_id", _ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["notice_id"], ["public_notice.id"],
                                name=op.f("fk_public_notice_version_notice_id_public_notice")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_notice_version")),
    )
    op.create_table(
        "public_notice_event",
        sa.Column("notice_id", _ID, nullable=False),
        sa.Column("version_id", _ID, nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("despite_duplicate", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(["notice_id"], ["public_notice.id"],
                                name=op.f("fk_public_notice_event_notice_id_public_notice")),
        sa.ForeignKeyConstraint(
            ["version_id"], ["public_notice_version.id"],
            name=op.f("fk_public_notice_event_version_id_public_notice_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_notice_event")),
    )
    with op.batch_alter_table("public_notice") as batch:
        batch.create_index(batch.f("ix_public_notice_incident_id"), ["incident_id"])
    with op.batch_alter_table("public_notice_version") as batch:
        batch.create_index(batch.f("ix_public_notice_version_notice_id"), ["notice_id"])
    with op.batch_alter_table("public_notice_event") as batch:
        batch.create_index(batch.f("ix_public_notice_event_notice_id"), ["notice_id"])
        batch.create_index(batch.f("ix_public_notice_event_at"), ["at"])


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
