"""Outage caches written by the outage clock: the phase and the first restoration.

The window's outage table reads these cached columns instead of re-deriving them in SQL
(console/domain/outage_clock.py holds the rules; console/store/derived.py writes the caches).
The columns are filled when the database is opened after this upgrade, by the same function
that keeps them (console/store/database.py), so the rule has no second body here.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outage") as batch:
        batch.add_column(sa.Column("phase", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("first_restored_at", sa.String(27), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outage") as batch:
        batch.drop_column("first_restored_at")
        batch.drop_column("phase")
