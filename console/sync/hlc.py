"""Hybrid logical clock (Kulkarni et al. 2014), packed into one integer and kept in the database.

``hlc = physical_ms << 16 | counter``. Packing lets SQL order and compare clocks as plain
integers; a counter overflow simply carries into the millisecond part, which keeps the order
monotone. The clock lives in ``sync_clock`` (one row) and is advanced by the same UPDATE that
hands out sequence numbers, so it never goes backwards across restarts, whatever the wall clock
does, and two writers cannot take the same ``seq``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.engine import Connection

SHIFT = 16
SKEW_LIMIT = timedelta(minutes=5)


def physical_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def pack(ms: int, counter: int = 0) -> int:
    return (ms << SHIFT) | counter


def moment_of(hlc: int) -> datetime:
    return datetime.fromtimestamp((hlc >> SHIFT) / 1000, UTC)


def tick(connection: Connection, now: datetime, count: int) -> tuple[int, int, str]:
    """Reserve ``count`` clock values and sequence numbers for this site's next changes.

    Send rule: ``max(last + 1, now)``. Returns the first HLC, first seq and the chain head.
    """
    pt = pack(physical_ms(now))
    row = connection.execute(text(
        "UPDATE sync_clock SET hlc = max(hlc + :n, :pt + :n - 1), seq = seq + :n "
        "WHERE id = 1 RETURNING hlc, seq, head_hash"), {"n": count, "pt": pt}).one()
    return row[0] - count + 1, row[1] - count + 1, row[2]


def observe(connection: Connection, remote_max: int) -> None:
    """Receive rule: never issue a clock value at or below one already seen."""
    connection.execute(text("UPDATE sync_clock SET hlc = max(hlc, :m) WHERE id = 1"),
                       {"m": remote_max})


def set_head(connection: Connection, head_hash: str) -> None:
    connection.execute(text("UPDATE sync_clock SET head_hash = :h WHERE id = 1"), {"h": head_hash})
