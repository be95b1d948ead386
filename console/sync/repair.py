"""Repair of a copy that wrote as the original (docs/sync.md, Histories, rule 3).

A database file copied to another PC and written there before anyone noticed numbers its
changes like the original's: from the fork point on, both hold different changes under the
same (site, seq), and every import, pull or push that meets both is refused (forks.py). Giving
the copy a new identity (``keys reidentify``) stops new clashes, but its clashing changes are
still in its log under the original's site, so every full bundle from it stays refused.

The repair re-issues them: each change the copy wrote under the old site from the fork point
on becomes a change of the new site (numbered after its last, chained, hashed), with the same
table, row, field, value, author, wall time and hybrid clock — so every merge (last writer by
clock, heads, status-event knowledge) decides as if the copy had been its own workstation from
the start. References to the re-issued changes (``supersedes`` stamps and ``sync_superseded``
rows name (clock, site)) move with them. The old changes leave ``change_log`` for
``sync_set_aside``: kept as evidence, never exported, never applied; the original's own changes
with those numbers then arrive without a clash.

The fork point is where a refusal met here found the two histories first differ
(``sync_state`` ``fork:<site>``, written by :func:`note_fork`), or the number a refusal on
another workstation named (``keys reidentify --from SEQ``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from console.store.checks import change_hash
from console.sync import state
from console.sync.apply import COLUMNS
from console.sync.capture import heads_json

_COLS = ", ".join(COLUMNS)
FORK_KEY = "fork:"


@dataclass(frozen=True)
class Reissued:
    former: str
    """The site the copy wrote as (the original's)."""
    first: int
    last: int
    """The range of the former site's numbers set aside."""
    site: str
    new_first: int
    new_last: int
    """Their numbers under the copy's own identity."""


def note_fork(connection: Connection, site: str, seq: int) -> bool:
    """Remember that this database's own history (under ``site``) forks at ``seq`` (the lowest
    seen). Only for this workstation's current or former identity: a fork between two other
    workstations is theirs to repair. True if noted."""
    own = {state.local(connection, "workstation_id") or ""}
    own.update((state.local(connection, "former_workstation_ids") or "").split())
    if site not in own:
        return False
    known = state.get(connection, FORK_KEY + site)
    if known is None or seq < int(known):
        state.put(connection, FORK_KEY + site, str(seq))
    return True


def noted_fork(connection: Connection, site: str) -> int | None:
    value = state.get(connection, FORK_KEY + site)
    return int(value) if value else None


def reissue(connection: Connection, former: str, first: int, site: str, now: str
            ) -> Reissued | None:
    """Re-issue ``former``'s changes numbered ``first`` and above as ``site``'s next changes;
    None when there are none. Runs in the caller's transaction (reidentify), before the new
    site has written anything: its own later changes then refer to the re-issued ones."""
    run = connection.exec_driver_sql
    rows: Sequence[Any] = run(f"SELECT {_COLS}, is_head FROM change_log WHERE site_id = ? AND seq >= ? "
               "ORDER BY seq", (former, first)).all()
    if not rows:
        return None
    moved = {int(r[2]) for r in rows}
    clock_row: Any = run("SELECT seq, head_hash FROM sync_clock WHERE id = 1").one()
    seq, prev = int(clock_row[0]), str(clock_row[1])
    new_first = seq + 1
    fresh, aside = [], []
    for row in rows:
        (_s, old_seq, clock, tbl, row_id, field, value, supersedes, author, wall, schema,
         old_prev, entry, is_head) = row
        seq += 1
        stamps = [(int(h), site if s == former and int(h) in moved else str(s))
                  for h, s in json.loads(supersedes)]
        supersedes_new = heads_json(stamps) if stamps else "[]"
        digest = change_hash(prev, site, seq, clock, tbl, row_id, field, value,
                             supersedes_new, author, wall, schema)
        fresh.append((site, seq, clock, tbl, row_id, field, value, supersedes_new, author,
                      wall, schema, prev, digest, is_head))
        aside.append((former, old_seq, clock, tbl, row_id, field, value, supersedes, author,
                      wall, schema, old_prev, entry, site, seq, now))
        prev = digest
    run("INSERT INTO sync_set_aside (site_id, seq, hlc, tbl, row_id, field, value, supersedes, "
        "author, wall_time, schema_version, prev_hash, entry_hash, reissued_site, "
        "reissued_seq, set_aside_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        aside)
    run("DELETE FROM change_log WHERE site_id = ? AND seq >= ?", (former, first))
    run(f"INSERT INTO change_log ({_COLS}, is_head) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh)
    run("UPDATE sync_superseded SET site_id = ? WHERE site_id = ? AND hlc = ?",
        [(site, former, h) for h in sorted(moved)])
    run("UPDATE sync_clock SET seq = ?, head_hash = ? WHERE id = 1", (seq, prev))
    run("DELETE FROM sync_state WHERE key = ?", (FORK_KEY + former,))
    return Reissued(former, first, int(rows[-1][1]), site, new_first, seq)


@dataclass(frozen=True)
class SetAside:
    """What ``sync conflicts`` and ``verify`` say about changes set aside here."""

    former: str
    first: int
    last: int
    count: int
    site: str
    new_first: int
    new_last: int


def set_aside(connection: Connection) -> list[SetAside]:
    names = state.station_names(connection)
    found: Sequence[Any] = connection.exec_driver_sql(
        "SELECT site_id, min(seq), max(seq), count(*), reissued_site, min(reissued_seq), "
        "max(reissued_seq) FROM sync_set_aside GROUP BY site_id, reissued_site "
        "ORDER BY min(set_aside_at)").all()
    return [SetAside(names.get(str(r[0]), str(r[0])), int(r[1]), int(r[2]), int(r[3]),
                     names.get(str(r[4]), str(r[4])), int(r[5]), int(r[6])) for r in found]
