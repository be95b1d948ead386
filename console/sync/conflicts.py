"""Open conflicts: every head of a conflicting field, with who wrote it, where and when."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from console.domain.clock import from_iso
from console.sync import status_events
from console.sync.schema import is_secret

_Head = tuple[str, str | None, str, str, int]
"""A head of a field: (value JSON, author id, site, wall time, hlc)."""


@dataclass(frozen=True)
class Candidate:
    value: Any
    value_json: str
    author: str | None
    workstation: str
    wall_time: datetime | None
    hlc: int
    site_id: str
    winner: bool
    secret: bool = False
    """A secret (a password hash): ``value`` is None and faces name who wrote it instead."""


@dataclass(frozen=True)
class Conflict:
    table: str
    record: str
    field: str
    candidates: tuple[Candidate, ...]


def candidates(connection: Connection, table: str, row_id: str, field: str) -> list[_Head]:
    """Heads of one field: (value JSON, author id, site, wall time, hlc), newest clock first."""
    if (table, field) in status_events.BY_FIELD:  # a status: the heads of its events (rule 6)
        return status_events.heads(connection, table, row_id, field)
    rows: Iterable[_Head] = connection.execute(text(
        "SELECT value, author, site_id, wall_time, hlc FROM change_log WHERE row_id = :r "
        "AND tbl = :t AND field = :f AND is_head = 1"), {"r": row_id, "t": table, "f": field})
    heads = [(value, author, site, wall, clock) for value, author, site, wall, clock in rows]
    wholes: Iterable[_Head] = connection.execute(text(
        "SELECT c.value, c.author, c.site_id, c.wall_time, c.hlc FROM change_log c "
        "WHERE c.row_id = :r AND c.tbl = :t AND c.field = '*' AND NOT EXISTS (SELECT 1 "
        "FROM sync_superseded x WHERE x.site_id = c.site_id AND x.hlc = c.hlc "
        "AND x.field = :f)"), {"r": row_id, "t": table, "f": field})
    for value, author, site, wall, clock in wholes:
        whole = json.loads(value)
        heads.append((json.dumps(whole.get(field), ensure_ascii=False), author, site, wall,
                      clock))
    heads.sort(key=lambda h: (h[4], h[2]), reverse=True)
    return heads


def open_conflicts(connection: Connection) -> list[Conflict]:
    user_rows: Sequence[tuple[str | None, str]] = connection.execute(
        text("SELECT id, name FROM app_user")).all()
    station_rows: Sequence[tuple[str, str]] = connection.execute(
        text("SELECT id, name FROM workstation")).all()
    users, stations = dict(user_rows), dict(station_rows)
    result = []
    open_fields: Sequence[tuple[str, str, str]] = connection.execute(text(
        "SELECT tbl, row_id, field FROM sync_conflict ORDER BY tbl, row_id, field")).all()
    for table, row_id, field in open_fields:
        heads = candidates(connection, table, row_id, field)
        secret = is_secret(table, field)
        result.append(Conflict(table, row_id, field, tuple(
            Candidate(None if secret else json.loads(value), "" if secret else value,
                      users.get(author, author), stations.get(site, site),
                      from_iso(wall), clock, site, index == 0, secret)
            for index, (value, author, site, wall, clock) in enumerate(heads))))
    return result


def count(connection: Connection) -> int:
    return connection.execute(text("SELECT count(*) FROM sync_conflict")).scalar() or 0


def is_open(connection: Connection, table: str, record: str, field: str) -> bool:
    return connection.execute(text(
        "SELECT 1 FROM sync_conflict WHERE tbl = :t AND row_id = :r AND field = :f"),
        {"t": table, "r": record, "f": field}).first() is not None
