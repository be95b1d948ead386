"""Failure-grade rule table with the documented defaults (docs/grading.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copy of the defaults as of this revision: later changes to the domain defaults must
# not rewrite what an old database was seeded with.
_NAMESPACE = uuid.UUID("6f1c0e0a-5b1e-4c2a-9a57-2d5e7c3b9f10")
_SEEDED_AT = "2025-01-01T00:00:00.000000Z"


def _defaults() -> list[dict[str, object]]:
    rows = []
    for importance in range(1, 5):
        for category in ("citizen", "internal"):
            for scope in ("full", "partial"):
                for step, hours in enumerate((0.0, 24.0, 72.0)):
                    grade = importance - (category == "citizen") + (scope == "partial") - step
                    key = f"failure_grade_rule\x1f{importance}\x1f{category}\x1f{scope}\x1f{hours}"
                    rows.append({
                        "id": str(uuid.uuid5(_NAMESPACE, key)),
                        "importance_grade": importance, "category": category, "scope": scope,
                        "min_hours": hours, "failure_grade": min(4, max(1, grade)),
                        "created_at": _SEEDED_AT, "updated_at": _SEEDED_AT, "deleted": False,
                    })
    return rows


def upgrade() -> None:
    table = op.create_table(
        "failure_grade_rule",
        sa.Column("importance_grade", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("min_hours", sa.Float(), nullable=False),
        sa.Column("failure_grade", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failure_grade_rule")),
    )
    op.bulk_insert(table, _defaults())


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
