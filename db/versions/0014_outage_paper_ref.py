"""The sheet an outage status was typed in from: a 장애 접수서 written by hand on a
dead-computer day and entered later (outage_event.paper_ref; its written time is ``at``, its
entry time ``recorded_at``), as log_entry.paper_ref (0012) does for ICS-214 sheets. A nullable
column: additive only.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outage_event") as batch:
        batch.add_column(sa.Column("paper_ref", sa.String(length=80), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("migrations are additive; restore a backup to go back")
