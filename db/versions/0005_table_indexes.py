"""Covering indexes for the window's big tables: sort and count without a sort or a lookup.

A view reads how many rows match and the first screen of ids in display order
(``TableService.head``). Each index below holds a sort column and the id that breaks ties, so
SQLite walks it in order and stops after the first screen (201,630 systems: a few milliseconds
instead of a full sort). The ``deleted`` flag is left out on purpose: in every index, it made
SQLite's planner scan a non-covering index (one row lookup each) for searches and filters,
three to four times slower than scanning the table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES: dict[str, tuple[str, list[str]]] = {
    "ix_information_system_sort_code": ("information_system", ["code", "id"]),
    "ix_information_system_sort_name": ("information_system", ["name", "id"]),
    "ix_information_system_sort_department": (
        "information_system", ["department_id", "id"]),
    "ix_information_system_sort_facility": (
        "information_system", ["facility_id", "id"]),
    "ix_information_system_sort_category": ("information_system", ["category", "id"]),
    "ix_information_system_sort_grade": (
        "information_system", ["importance_grade", "id"]),
    "ix_information_system_sort_rto": ("information_system", ["rto_hours", "id"]),
    "ix_information_system_sort_rpo": ("information_system", ["rpo_hours", "id"]),
    "ix_information_system_sort_alternative": (
        "information_system", ["alternative_means", "id"]),
    "ix_outage_sort_detected": ("outage", ["incident_id", "detected_at", "id"]),
    "ix_log_entry_sort_at": ("log_entry", ["incident_id", "at", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
