"""``verify`` and ``digest``: what a workstation can prove about its own database."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.domain.findings import Finding, sample
from console.domain.messages import Message
from console.store import derived
from console.store.backup import file_findings
from console.store.models import Base

# Local to one workstation: not part of the shared, visible state.
LOCAL_TABLES = frozenset({"local_identity", "alembic_version"})
# Sync bookkeeping (console/sync): how a workstation got its state, not the state itself.
SYNC_TABLES = frozenset({"change_log", "sync_clock", "sync_superseded", "sync_conflict",
                         "sync_pending_row", "sync_pending_bundle", "sync_peer", "sync_state",
                         "sync_set_aside"})
LOCAL_TABLES = LOCAL_TABLES | SYNC_TABLES
LOCAL_COLUMNS = {"workstation": frozenset({"trusted"})}


def shared_tables() -> list[str]:
    return sorted(t for t in Base.metadata.tables if t not in LOCAL_TABLES)


def digest(session: Session) -> str:
    """sha256 over every shared row, tables and rows and columns in a fixed order.

    Times are stored as UTC text, so the machine's time zone cannot change the result, and rows
    are sorted by id, so neither can the order in which they arrived.
    """
    hasher = hashlib.sha256()
    for table in shared_tables():
        skip = LOCAL_COLUMNS.get(table, frozenset())
        columns = sorted(c.name for c in Base.metadata.tables[table].columns if c.name not in skip)
        hasher.update(f"\x1e{table}\x1f{','.join(columns)}\n".encode())
        column_list = ", ".join(f'"{c}"' for c in columns)
        result = session.execute(text(f'SELECT {column_list} FROM "{table}" ORDER BY id'))
        for row in result:
            hasher.update(json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
                          .encode())
            hasher.update(b"\n")
    return hasher.hexdigest()


# Each invariant: the finding it makes from a sample of the offending ids, and its query.
_INVARIANTS: list[tuple[Callable[[str, Message | str], Message], str]] = [
    (lambda ids, more: Message("finding.outage_without_events", sample=ids, more=more),
     "SELECT o.id FROM outage o WHERE NOT EXISTS "
     "(SELECT 1 FROM outage_event e WHERE e.outage_id = o.id)"),
    (lambda ids, more: Message("finding.event_before_detection", sample=ids, more=more),
     "SELECT e.id FROM outage_event e JOIN outage o ON o.id = e.outage_id "
     "WHERE e.at < o.detected_at"),
    (lambda ids, more: Message("finding.grade_out_of_range", sample=ids, more=more),
     "SELECT id FROM information_system WHERE importance_grade NOT BETWEEN 1 AND 4"),
    (lambda ids, more: Message("finding.unknown_category", sample=ids, more=more),
     "SELECT id FROM information_system WHERE category NOT IN ('citizen', 'internal')"),
    (lambda ids, more: Message("finding.override_without_reason", sample=ids, more=more),
     "SELECT id FROM outage WHERE grade_override IS NOT NULL AND trim(grade_override_reason) = ''"),
    (lambda ids, more: Message("finding.verified_not_significant", sample=ids, more=more),
     "SELECT v.id FROM log_verification v JOIN log_entry l ON l.id = v.log_entry_id "
     "WHERE NOT l.significant"),
    (lambda ids, more: Message("finding.self_dependency", sample=ids, more=more),
     "SELECT id FROM system_dependency WHERE system_id = depends_on_id AND NOT deleted"),
    (lambda ids, more: Message("finding.dependency_cycle", sample=ids, more=more),
     "WITH RECURSIVE reach(start, node) AS ("
     " SELECT system_id, depends_on_id FROM system_dependency WHERE NOT deleted"
     " UNION SELECT r.start, d.depends_on_id FROM reach r"
     " JOIN system_dependency d ON d.system_id = r.node AND NOT d.deleted)"
     " SELECT DISTINCT start FROM reach WHERE start = node"),
]


def change_hash(prev_hash: str, site_id: str, seq: int, hlc: int, tbl: str, row_id: str,
                field: str, value: str, supersedes: str, author: str | None, wall_time: str,
                schema_version: str) -> str:
    """One link of a site's hash chain (shared with console.sync, which writes the chain).

    Fields are joined with a unit separator: JSON escapes control characters, ids have none.
    """
    text_ = "\x1f".join((prev_hash, site_id, str(seq), str(hlc), tbl, row_id, field, value,
                         supersedes, author or "", wall_time, schema_version))
    return hashlib.sha256(text_.encode()).hexdigest()


def chain_findings(session: Session) -> list[Finding]:
    """Every change must hash to its stored hash and link to its site's previous entry."""
    if "change_log" not in Base.metadata.tables:
        return []
    broken: list[str] = []
    holes: list[str] = []
    previous: tuple[str, int, str] | None = None
    rows = session.execute(text(
        "SELECT site_id, seq, hlc, tbl, row_id, field, value, supersedes, author, wall_time, "
        "schema_version, prev_hash, entry_hash FROM change_log ORDER BY site_id, seq"))
    for row in rows:
        site, seq, prev, stored = row[0], row[1], row[11], row[12]
        if change_hash(prev, *row[:11]) != stored or (previous and previous[0] == site and previous[1] == seq - 1 and previous[2] != prev) or (seq == 1 and prev != ""):
            broken.append(f"{site}#{seq}")
        # A change whose predecessor is absent: a hole that a peer must fill (docs/sync.md).
        first = 1 if previous is None or previous[0] != site else previous[1] + 1
        if seq > first:
            holes.append(f"{site}#{first}" + (f"–{seq - 1}" if seq - 1 > first else ""))
        previous = (site, seq, stored)
    found: list[Finding] = []
    if broken:
        ids, more = sample(broken)
        found.append(Finding(Message("finding.chain_broken", sample=ids, more=more)))
    if holes:
        ids, more = sample(holes)
        found.append(Finding(Message("finding.chain_hole", sample=ids, more=more)))
    return found


def cache_findings(session: Session) -> list[Finding]:
    """Every cached field (status, phase, restoration, alternative means, task status, crisis
    level) that differs from what its events say, by the rule that writes it (derived.py)."""
    found = derived.stale(session.connection())
    if not found:
        return []
    ids, more = sample([f"{s.table} {s.row_id} {s.field} {s.cached!r} ≠ {s.computed!r}"
                        for s in found])
    return [Finding(Message("finding.cache_stale", sample=ids, more=more))]


def findings(session: Session, path: Path) -> list[Finding]:
    """Everything wrong with the database: file integrity, references, invariants, chains."""
    problems = file_findings(path)
    problems.extend(chain_findings(session))
    problems.extend(cache_findings(session))
    for finding, query in _INVARIANTS:
        ids = session.scalars(text(query)).all()
        if ids:
            problems.append(Finding(finding(*sample(ids))))
    return problems
