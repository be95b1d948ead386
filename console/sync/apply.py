"""Apply changes set-based: one executemany ``INSERT OR IGNORE`` into ``change_log`` on
(site, seq) (the rows it added are those above the log's previous max rowid), then recompute
winners and update the visible rows with one statement per table (DESIGN.md §4). Callers verify
first (bundle.py) and run this in the same transaction, so a refusal changes nothing.

Merge rule, per field: the winner is the change with the greatest (HLC, site). A change that
supersedes another was written by someone who had seen it, so its HLC is greater: the winner is
always a head. Fields with several heads holding different values are conflicts
(``sync_conflict``) until a person resolves them. Whole-row changes (append-only records and
set-based inserts) count as a write of every field at their clock. Rows whose parent is not
here yet, or whose changes come from a newer schema, wait in ``sync_pending_row`` and are
retried on every apply. Nothing is ever deleted from the log.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from console.domain.clock import from_iso, iso
from console.store import derived
from console.sync import hlc, status_events
from console.sync.forks import refuse_forks
from console.sync.schema import BOOKKEEPING, DERIVED, TableInfo, tables
from console.sync.status_events import STATUS_EVENTS

COLUMNS = ("site_id", "seq", "hlc", "tbl", "row_id", "field", "value", "supersedes", "author",
           "wall_time", "schema_version", "prev_hash", "entry_hash")
_COLS = ", ".join(COLUMNS)
TEST_SLEEP_ENV = "CONSOLE_TEST_APPLY_SLEEP"
"""Test hook: seconds to sleep inside the apply transaction (to kill an import midway)."""

# New rows go straight into change_log (INSERT OR IGNORE on the (site_id, seq) key): rowids only
# grow and nothing is ever deleted from the log, so "rowid > the max before" is exactly the set
# this apply added, and no staging copy of the payload is needed.
_INSERT = (f"INSERT OR IGNORE INTO change_log ({_COLS}, is_head) VALUES "
           f"({', '.join(f'?{i}' for i in range(1, len(COLUMNS) + 1))}, "
           f"?{COLUMNS.index('field') + 1} <> '*')")
_TEMP = [
    # only: the change_log rowid of the row's one and only change when that is a whole-row
    # change (the bulk of a large import): no conflict and no winner search for such rows.
    "CREATE TEMP TABLE IF NOT EXISTS sync_touched (tbl TEXT, row_id TEXT, "
    "existed INTEGER NOT NULL DEFAULT 0, only INTEGER, PRIMARY KEY (tbl, row_id))",
    "CREATE TEMP TABLE IF NOT EXISTS sync_winner (tbl TEXT, row_id TEXT, field TEXT, value, "
    "hlc INTEGER, site_id TEXT, PRIMARY KEY (tbl, row_id, field))",
    "CREATE TEMP TABLE IF NOT EXISTS sync_multi (tbl TEXT, row_id TEXT, "
    "PRIMARY KEY (tbl, row_id))",
    "CREATE TEMP TABLE IF NOT EXISTS sync_base (tbl TEXT, row_id TEXT, crow INTEGER, "
    "hlc INTEGER, site_id TEXT, PRIMARY KEY (tbl, row_id))",
]


@dataclass
class ApplyResult:
    received: int = 0
    new: int = 0
    tables: set[str] = field(default_factory=set)
    skewed: int = 0
    max_ahead_seconds: float = 0.0
    skewed_sites: dict[str, float] = field(default_factory=dict)
    """Workstations whose own clock dated changes ahead of this one's: seconds ahead."""
    pending_rows: int = 0


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def apply_changes(connection: Connection, rows: Sequence[tuple[object, ...]], schema: str,
                  now: datetime, *, retry_pending: bool = False) -> ApplyResult:
    """Merge ``rows`` (tuples in COLUMNS order) into this database; the caller's transaction
    makes it all or nothing."""
    run = connection.exec_driver_sql
    # Large applies insert into indexes in random id order: a bigger page cache (up to 128 MiB,
    # only as much as is used) avoids re-reading the same pages from disk.
    run("PRAGMA cache_size = -131072")
    _memory_temp(run)
    for statement in _TEMP:
        run(statement)
    for temp in ("sync_touched", "sync_winner", "sync_base", "sync_multi"):
        run(f"DELETE FROM temp.{temp}")
    result = ApplyResult(received=len(rows))
    refuse_forks(connection, rows)
    before = int(run("SELECT coalesce(max(rowid), 0) FROM change_log").scalar() or 0)
    if rows:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.executemany(_INSERT, rows)
    counted: Any = run(f"SELECT count(*), max(hlc) FROM change_log WHERE rowid > {before}").one()
    new, max_hlc = int(counted[0]), counted[1]
    result.new = new
    if not new and not retry_pending:
        return result
    if new:
        _skew(run, before, now, result)
        run("INSERT OR IGNORE INTO sync_superseded (site_id, hlc, field) "
            "SELECT json_extract(j.value, '$[1]'), json_extract(j.value, '$[0]'), s.field "
            f"FROM change_log s, json_each(s.supersedes) j WHERE s.rowid > {before} "
            "AND s.supersedes <> '[]'")
        run("UPDATE change_log SET is_head = 0 WHERE rowid IN (SELECT c.rowid "
            "FROM change_log s JOIN change_log c ON c.row_id = s.row_id "
            f"AND c.field = s.field WHERE s.rowid > {before} AND s.field <> '*' "
            "AND c.is_head = 1 AND EXISTS (SELECT 1 FROM sync_superseded x "
            "WHERE x.site_id = c.site_id AND x.hlc = c.hlc AND x.field = c.field))")
        hlc.observe(connection, max_hlc)
    # A row whose one and only change is a whole-row change arriving now (the bulk of a large
    # import) has that change as its base, cannot conflict and needs no winner search: one
    # covering-index probe each instead of the general queries below.
    run("INSERT OR IGNORE INTO temp.sync_base (tbl, row_id, crow, hlc, site_id) "
        "SELECT s.tbl, s.row_id, s.rowid, s.hlc, s.site_id FROM change_log s "
        f"WHERE s.rowid > {before} AND s.field = '*' AND s.schema_version <= ? AND (SELECT "
        "count(*) FROM (SELECT 1 FROM change_log c WHERE c.row_id = s.row_id LIMIT 2)) = 1",
        (schema,))
    run("INSERT OR IGNORE INTO temp.sync_touched (tbl, row_id, only) "
        "SELECT tbl, row_id, crow FROM temp.sync_base")
    run("INSERT OR IGNORE INTO temp.sync_touched (tbl, row_id) "
        f"SELECT tbl, row_id FROM change_log WHERE rowid > {before}")
    run("INSERT OR IGNORE INTO temp.sync_touched (tbl, row_id) "
        "SELECT tbl, row_id FROM sync_pending_row")
    result.tables = {str(t) for (t,) in run("SELECT DISTINCT tbl FROM temp.sync_touched")}
    _conflicts(run, schema)
    _winners(run, schema)
    if os.environ.get(TEST_SLEEP_ENV):
        time.sleep(float(os.environ[TEST_SLEEP_ENV]))
    known = tables()
    # Every touched row is re-examined below; those still not showable go back to pending.
    run("DELETE FROM sync_pending_row WHERE EXISTS (SELECT 1 FROM temp.sync_touched t "
        "WHERE t.tbl = sync_pending_row.tbl AND t.row_id = sync_pending_row.row_id)")
    for table in known.values():
        if table.name in result.tables:
            _materialize(run, table)
    _pending(run, known, schema)
    # After materialising: the heads of an owner are read through its event rows.
    events = ", ".join(repr(t) for t in [*STATUS_EVENTS, *status_events.BY_OWNER])
    status_events.refresh(connection, status_events.touched_owners(connection, run(
        f"SELECT tbl, row_id FROM temp.sync_touched WHERE tbl IN ({events})").all()))
    _derived(connection)
    result.pending_rows = run("SELECT count(*) FROM sync_pending_row").scalar() or 0
    return result


def _memory_temp(run) -> None:  # type: ignore[no-untyped-def]
    """Temp tables in memory: they hold a few columns per touched row, never the payload."""
    if run("PRAGMA temp_store").scalar() != 2:
        # Refused when temp storage is already in use in this transaction: then keep it.
        with suppress(OperationalError):
            run("PRAGMA temp_store = MEMORY")


def _skew(run, before: int, now: datetime, result: ApplyResult) -> None:  # type: ignore[no-untyped-def]
    """Count changes dated more than five minutes ahead of this machine: warn, never drop.

    Judged by each change's wall time — its writer's own clock — not by its HLC: a workstation
    that heard from a fast one carries the fast clock in its HLC (the receive rule) while its
    own clock is right, and must not be blamed for it (docs/sync.md, Histories, rule 5)."""
    limit = iso(now + hlc.SKEW_LIMIT)
    rows = run(f"SELECT site_id, count(*), max(wall_time) FROM change_log WHERE rowid > {before} "
               "AND wall_time > ? GROUP BY site_id ORDER BY site_id", (limit,)).all()
    for site, count, latest in rows:
        ahead = from_iso(latest)
        seconds = max(0.0, (ahead - now).total_seconds()) if ahead is not None else 0.0
        result.skewed += int(count)
        result.skewed_sites[str(site)] = seconds
        result.max_ahead_seconds = max(result.max_ahead_seconds, seconds)


def _exempt_sql(table_col: str, field_col: str) -> str:
    pairs = [f"({table_col} = '{t}' AND {field_col} IN ({', '.join(repr(f) for f in fs)}))"
             for t, fs in DERIVED.items()]
    bookkeeping = ", ".join(repr(f) for f in sorted(BOOKKEEPING))
    return f"({field_col} IN ({bookkeeping}) OR {' OR '.join(pairs)})"


def _conflicts(run, schema: str) -> None:  # type: ignore[no-untyped-def]
    """Recompute the conflict set for touched rows: heads of a field with different values."""
    run("DELETE FROM sync_conflict WHERE EXISTS (SELECT 1 FROM temp.sync_touched t "
        "WHERE t.tbl = sync_conflict.tbl AND t.row_id = sync_conflict.row_id)")
    # Concurrent heads always come from different sites (a site's own later write supersedes
    # its earlier ones), so only rows written by two or more sites can be in conflict.
    run("INSERT INTO temp.sync_multi (tbl, row_id) SELECT t.tbl, t.row_id "
        "FROM temp.sync_touched t CROSS JOIN change_log c ON c.row_id = t.row_id "
        "AND c.tbl = t.tbl WHERE t.only IS NULL GROUP BY t.tbl, t.row_id "
        "HAVING min(c.site_id) <> max(c.site_id)")
    run("INSERT OR IGNORE INTO sync_conflict (tbl, row_id, field) "
        "SELECT tbl, row_id, field FROM ("
        " SELECT c.tbl AS tbl, c.row_id AS row_id, c.field AS field, "
        "  quote(json_extract(c.value, '$')) AS v, c.supersedes = '[]' AS fresh "
        "  FROM temp.sync_multi t "
        "  JOIN change_log c ON c.row_id = t.row_id AND c.tbl = t.tbl "
        "  WHERE c.field <> '*' AND c.is_head = 1 AND c.schema_version <= :s"
        " UNION ALL"
        " SELECT c.tbl, c.row_id, j.key, quote(j.value), c.supersedes = '[]' "
        "  FROM temp.sync_multi t "
        "  JOIN change_log c ON c.row_id = t.row_id AND c.tbl = t.tbl AND c.field = '*', "
        "  json_each(c.value) j WHERE c.schema_version <= :s AND NOT EXISTS (SELECT 1 FROM "
        "  sync_superseded x WHERE x.site_id = c.site_id AND x.hlc = c.hlc AND x.field = j.key)"
        f") WHERE NOT {_exempt_sql('tbl', 'field')} "
        "GROUP BY tbl, row_id, field HAVING count(DISTINCT v) > 1 "
        # Passwords set when each workstation created the same user (its first administrator):
        # no one changed anyone's, each still logs in (accounts.login tries every head).
        "AND NOT (tbl = 'app_user' AND field = 'password_hash' AND min(fresh) = 1)",
        {"s": schema})


def _winners(run, schema: str) -> None:  # type: ignore[no-untyped-def]
    run("INSERT INTO temp.sync_winner (tbl, row_id, field, value, hlc, site_id) "
        "SELECT tbl, row_id, field, value, hlc, site_id FROM (SELECT c.tbl, c.row_id, c.field, "
        "json_extract(c.value, '$') AS value, c.hlc, c.site_id, row_number() OVER ("
        "PARTITION BY c.tbl, c.row_id, c.field ORDER BY c.hlc DESC, c.site_id DESC) AS rn "
        "FROM temp.sync_touched t CROSS JOIN change_log c ON c.row_id = t.row_id "
        "AND c.tbl = t.tbl WHERE t.only IS NULL AND c.field <> '*' AND c.is_head = 1 "
        "AND c.schema_version <= ?) WHERE rn = 1",
        (schema,))
    # The latest whole-row change of the other rows, as a change_log rowid (no copy of the
    # value): two index probes per row instead of sorting every candidate with its payload.
    run("INSERT OR IGNORE INTO temp.sync_base (tbl, row_id, crow, hlc, site_id) "
        "SELECT t.tbl, t.row_id, c.rowid, c.hlc, c.site_id FROM temp.sync_touched t "
        "CROSS JOIN change_log c ON c.row_id = t.row_id AND c.field = '*' AND c.tbl = t.tbl "
        "WHERE t.only IS NULL AND c.schema_version <= :s AND NOT EXISTS (SELECT 1 FROM change_log d "
        "WHERE d.row_id = c.row_id AND d.field = '*' AND d.tbl = c.tbl "
        "AND d.schema_version <= :s AND (d.hlc > c.hlc OR (d.hlc = c.hlc "
        "AND d.site_id > c.site_id)))", {"s": schema})
    # A field written before the latest whole-row write of its row lost to it.
    run("DELETE FROM temp.sync_winner WHERE EXISTS (SELECT 1 FROM temp.sync_base b "
        "WHERE b.tbl = sync_winner.tbl AND b.row_id = sync_winner.row_id AND (b.hlc > "
        "sync_winner.hlc OR (b.hlc = sync_winner.hlc AND b.site_id > sync_winner.site_id)))")


def _guard(table: TableInfo, expressions: dict[str, str]) -> str:
    """Rows may only appear once the rows they point at are here (foreign keys stay on)."""
    checks = [f"({expressions[c.name]} IS NULL OR EXISTS (SELECT 1 FROM {_q(c.parent)} "
              f"WHERE id = {expressions[c.name]}))" for c in table.columns if c.parent]
    return " AND ".join(checks) or "1"


def _materialize(run, table: TableInfo) -> None:  # type: ignore[no-untyped-def]
    name, q = table.name, _q(table.name)
    names = [c.name for c in table.columns]
    target = ", ".join(["id", *(_q(n) for n in names), *(_q(n) for n in table.local_columns)])
    local_defaults = ["0"] * len(table.local_columns)
    from_base = {n: f"json_extract(c.value, '$.{n}')" for n in names}
    insert_base = (
        f"INSERT OR IGNORE INTO {q} ({target}) SELECT b.row_id, "
        f"{', '.join([*from_base.values(), *local_defaults])} FROM temp.sync_base b "
        f"JOIN change_log c ON c.rowid = b.crow WHERE b.tbl = '{name}' AND NOT EXISTS (SELECT 1 FROM {q} x WHERE x.id = b.row_id) "
        f"AND {_guard(table, from_base)} ORDER BY b.row_id")
    pivot = ", ".join(f"max(CASE WHEN w.field = '{n}' THEN w.value END) AS {_q(n)}"
                      for n in names)
    from_pivot = {n: f"p.{_q(n)}" for n in names}
    insert_pivot = (
        f"INSERT OR IGNORE INTO {q} ({target}) SELECT p.row_id, "
        f"{', '.join([*from_pivot.values(), *local_defaults])} FROM (SELECT w.row_id, {pivot} "
        f"FROM temp.sync_winner w WHERE w.tbl = '{name}' AND NOT EXISTS (SELECT 1 FROM {q} x "
        f"WHERE x.id = w.row_id) AND NOT EXISTS (SELECT 1 FROM temp.sync_base b WHERE "
        f"b.tbl = '{name}' AND b.row_id = w.row_id) GROUP BY w.row_id) p "
        f"WHERE {_guard(table, from_pivot)} ORDER BY p.row_id")
    run(f"UPDATE temp.sync_touched SET existed = 1 WHERE tbl = '{name}' AND EXISTS "
        f"(SELECT 1 FROM {q} x WHERE x.id = sync_touched.row_id)")
    # Self-references (a correction pointing at an earlier record) may need several rounds.
    for statement in (insert_base, insert_pivot):
        while run(statement).rowcount and table.self_referencing:
            pass
    has_winners = run("SELECT 1 FROM temp.sync_winner WHERE tbl = ? LIMIT 1", (name,)).first()
    # Rows inserted just now already hold their whole-row values: update only rows that were
    # here before, or that have field changes newer than their whole-row change.
    if table.is_record and not has_winners:
        return  # records never change after insert; only explicit field changes update them
    if not has_winners and not run("SELECT 1 FROM temp.sync_touched WHERE tbl = ? AND existed "
                                   "LIMIT 1", (name,)).first():
        return  # every touched row was inserted just now from its whole-row change
    sets = []
    for column in table.columns:
        n = _q(column.name)
        new = (f"(CASE WHEN p.h_{column.name} THEN p.v_{column.name} WHEN p.base IS NOT NULL "
               f"THEN json_extract(p.base, '$.{column.name}') ELSE {q}.{n} END)")
        if column.parent:
            new = (f"(CASE WHEN {new} IS NULL OR EXISTS (SELECT 1 FROM {_q(column.parent)} "
                   f"WHERE id = {new}) THEN {new} ELSE {q}.{n} END)")
        sets.append(f"{n} = {new}")
    aggregates = ", ".join(
        f"max(w.field = '{n}') AS h_{n}, max(CASE WHEN w.field = '{n}' THEN w.value END) AS v_{n}"
        for n in names)
    with_winner = (f"EXISTS (SELECT 1 FROM temp.sync_winner x WHERE x.tbl = '{name}' "
                   "AND x.row_id = r.row_id)")
    record_filter = (f" AND {with_winner}" if table.is_record
                     else f" AND (r.existed OR {with_winner})")
    run(f"UPDATE {q} SET {', '.join(sets)} FROM (SELECT r.row_id AS row_id, "
        f"{'NULL' if table.is_record else 'cb.value'} AS base, {aggregates} "
        "FROM temp.sync_touched r LEFT JOIN temp.sync_base b ON b.tbl = r.tbl "
        "AND b.row_id = r.row_id LEFT JOIN change_log cb ON cb.rowid = b.crow "
        "LEFT JOIN temp.sync_winner w ON w.tbl = r.tbl "
        f"AND w.row_id = r.row_id WHERE r.tbl = '{name}'{record_filter} GROUP BY r.row_id) p "
        f"WHERE {q}.id = p.row_id")
    for column in table.columns:
        if column.parent:
            run("INSERT OR IGNORE INTO sync_pending_row (tbl, row_id) SELECT w.tbl, w.row_id "
                f"FROM temp.sync_winner w WHERE w.tbl = '{name}' AND w.field = '{column.name}' "
                f"AND w.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {_q(column.parent)} "
                "WHERE id = w.value)")


def _pending(run, known: dict[str, TableInfo], schema: str) -> None:  # type: ignore[no-untyped-def]
    """Touched rows still missing, or with changes this schema cannot show, are retried later."""
    for name in known:
        run("INSERT OR IGNORE INTO sync_pending_row (tbl, row_id) SELECT t.tbl, t.row_id "
            f"FROM temp.sync_touched t WHERE t.tbl = '{name}' AND NOT EXISTS "
            f"(SELECT 1 FROM {_q(name)} x WHERE x.id = t.row_id)")
    run("INSERT OR IGNORE INTO sync_pending_row (tbl, row_id) SELECT DISTINCT c.tbl, c.row_id "
        "FROM temp.sync_touched t JOIN change_log c ON c.row_id = t.row_id AND c.tbl = t.tbl "
        "WHERE c.schema_version > ?", (schema,))


_TOUCHED = {
    "outages": "SELECT row_id FROM temp.sync_touched WHERE tbl = 'outage' UNION SELECT "
               "e.outage_id FROM temp.sync_touched t JOIN outage_event e ON e.id = t.row_id "
               "WHERE t.tbl = 'outage_event'",
    "tasks": "SELECT row_id FROM temp.sync_touched WHERE tbl = 'task' UNION SELECT e.task_id "
             "FROM temp.sync_touched t JOIN task_event e ON e.id = t.row_id "
             "WHERE t.tbl = 'task_event'",
    "incidents": "SELECT row_id FROM temp.sync_touched WHERE tbl = 'incident' UNION SELECT "
                 "c.incident_id FROM temp.sync_touched t JOIN crisis_level_change c "
                 "ON c.id = t.row_id WHERE t.tbl = 'crisis_level_change'",
}


def _derived(connection: Connection) -> None:
    """Caches follow their events by the one rule the services use (console/store/derived.py)."""
    touched = {name: [str(row_id) for (row_id,) in connection.exec_driver_sql(sql)]
               for name, sql in _TOUCHED.items()}
    derived.refresh(connection, outages=touched["outages"], tasks=touched["tasks"],
                    incidents=touched["incidents"])
