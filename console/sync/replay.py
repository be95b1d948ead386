"""Tamper evidence: rebuild the visible state from the change log and compare it with the
tables (``verify``).

Every shared write goes through change capture, so every row of a synced table is what its
changes say, by the same merge every workstation runs (apply.py). A direct edit of the file —
an UPDATE of a role, a replaced password hash, a decision's text changed, a row inserted or
deleted, change-log rows removed — breaks that equality. The rebuild replays the whole log into
a scratch database with this file's schema (the tables that are not synced, such as the grade
rules, copied as they are) and compares every synced table row by row and column by column.

Why a full rebuild rather than a cheaper mark (a hash per row, say): anyone who can edit the
file can recompute a stored hash too; the log and its hash chain are what peers hold copies of
and what signatures cover, so the state is checked against them. Its cost is one import of the
whole log (figures in docs/sync.md).
"""

from __future__ import annotations

import runpy
import sqlite3
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from console.domain.findings import Finding, sample
from console.domain.messages import Message
from console.locate import migrations_dir
from console.store.checks import SYNC_TABLES
from console.sync.apply import COLUMNS, apply_changes
from console.sync.capture import head_payload
from console.sync.schema import tables

_COLS = ", ".join(COLUMNS)
_SAMPLE = 3


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def findings(source: Connection, path: Path, schema: str, now: datetime) -> list[Finding]:
    """One line per synced table whose rows differ from what the change log says."""
    raw = source.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    problems = signed_head_findings(raw)
    with tempfile.TemporaryDirectory(prefix="console-verify-") as folder:
        scratch_path = Path(folder) / "replay.sqlite"
        _copy_schema(raw, scratch_path)
        engine = create_engine(f"sqlite:///{scratch_path}", poolclass=NullPool)
        event.listen(engine, "connect", _fast)
        try:
            with engine.begin() as scratch:
                scratch.exec_driver_sql("ATTACH DATABASE ? AS src", (f"file:{path}?mode=ro",))
                _copy_unsynced(scratch)
                _seed(scratch)
                rows: Sequence[tuple[Any, ...]] = raw.execute(
                    f"SELECT {_COLS} FROM change_log ORDER BY site_id, seq").fetchall()
                apply_changes(scratch, rows, schema, now)
                return problems + _compare(scratch)
        finally:
            engine.dispose()


def _fast(connection: sqlite3.Connection, _record: object) -> None:
    # A throw-away file: no journal, no fsync; ATTACH by URI for the read-only source.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA foreign_keys = OFF")  # the source held them; order is free


def _copy_schema(raw: sqlite3.Connection, target: Path) -> None:
    statements = raw.execute(
        "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid").fetchall()
    scratch = sqlite3.connect(target, isolation_level=None)
    try:
        # A throw-away file: no journal, no fsync, and one transaction — each CREATE on its
        # own was a commit with its fsyncs, ~2 s of every verify on a small database.
        scratch.execute("PRAGMA journal_mode = OFF")
        scratch.execute("PRAGMA synchronous = OFF")
        scratch.execute("BEGIN")
        for _kind, sql in statements:
            scratch.execute(sql)
        scratch.execute("COMMIT")
    finally:
        scratch.close()


def _seeded_rules() -> list[dict[str, Any]]:
    """The grade rules migration 0002 seeds (the same on every workstation, never logged): read
    from the migration itself, so an edit of a seeded row in the file is a finding too."""
    script = migrations_dir() / "versions" / "0002_failure_grade_rules.py"
    return list(runpy.run_path(str(script))["_defaults"]())


def _seed(scratch: Connection) -> None:
    rows = _seeded_rules()
    if not rows:
        return
    names = list(rows[0])
    raw = scratch.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.executemany(
        f"INSERT INTO main.failure_grade_rule ({', '.join(names)}) "
        f"VALUES ({', '.join('?' for _ in names)})", [tuple(r[n] for n in names) for r in rows])
    # This workstation's own roster row is written when its identity is made, before it has a
    # site to log changes under (peers get it by trusting the key file): taken as it is, and so
    # are the rows of the identities it had before a re-identification (``reidentify``).
    own = [str(v) for (k, v) in raw.execute(
        "SELECT key, value FROM src.local_identity WHERE key IN "
        "('workstation_id', 'former_workstation_ids')")]
    ids = [i for value in own for i in value.split()]
    raw.executemany("INSERT OR IGNORE INTO main.workstation SELECT * FROM src.workstation "
                    "WHERE id = ?", [(i,) for i in ids])


def _copy_unsynced(scratch: Connection) -> None:
    """Tables the log does not carry (migrations' seed data, local identity, the clock)."""
    synced = set(tables())
    names = [str(n) for (n,) in scratch.exec_driver_sql(
        "SELECT name FROM src.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'").all()]
    for name in names:
        if name in synced or (name in SYNC_TABLES and name != "sync_clock"):
            continue
        scratch.exec_driver_sql(f"INSERT INTO main.{_q(name)} SELECT * FROM src.{_q(name)}")


def _compare(scratch: Connection) -> list[Finding]:
    problems: list[Finding] = []
    run = scratch.exec_driver_sql
    for table in tables().values():
        q = _q(table.name)
        columns = [c.name for c in table.columns]
        inserted = [r for (r,) in run(
            f"SELECT id FROM src.{q} WHERE id NOT IN (SELECT id FROM main.{q}) ORDER BY id")]
        deleted = [r for (r,) in run(
            f"SELECT id FROM main.{q} WHERE id NOT IN (SELECT id FROM src.{q}) ORDER BY id")]
        differ = " OR ".join(f"s.{_q(c)} IS NOT m.{_q(c)}" for c in columns) or "0"
        edited: list[str] = []
        for row in run(f"SELECT s.id, {', '.join(f's.{_q(c)} IS NOT m.{_q(c)}' for c in columns)} "
                       f"FROM src.{q} s JOIN main.{q} m ON m.id = s.id WHERE {differ} "
                       "ORDER BY s.id"):
            fields = [c for c, changed in zip(columns, row[1:], strict=True) if changed]
            edited.append(f"{row[0]} ({', '.join(fields)})")
        if edited:
            shown, more = sample(edited, _SAMPLE)
            problems.append(Finding(Message("finding.rows_edited", table=table.name,
                                            sample=shown, more=more)))
        if inserted:
            shown, more = sample(inserted, _SAMPLE)
            problems.append(Finding(Message("finding.rows_inserted", table=table.name,
                                            sample=shown, more=more)))
        if deleted:
            shown, more = sample(deleted, _SAMPLE)
            problems.append(Finding(Message("finding.rows_deleted", table=table.name,
                                            sample=shown, more=more)))
    return problems


def signed_head_findings(raw: sqlite3.Connection) -> list[Finding]:
    """This workstation's change log against its last signed head (capture.head_payload): a
    log cut below it, or rewritten at or under it (even with its hash chain recomputed), no
    longer ends in or passes through the signed change."""
    site = raw.execute("SELECT value FROM local_identity WHERE key = 'workstation_id'").fetchone()
    signed = raw.execute("SELECT value FROM local_identity WHERE key = 'head_signature'"
                         ).fetchone()
    if site is None or signed is None:
        return []
    public = raw.execute("SELECT public_key FROM workstation WHERE id = ?", site).fetchone()
    try:
        seq_text, entry, signature = str(signed[0]).split(" ")
        seq = int(seq_text)
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public[0] if public else "")).verify(
            bytes.fromhex(signature), head_payload(site[0], seq, entry))
    except (ValueError, TypeError, InvalidSignature):
        return [Finding(Message("finding.head_signature"))]
    held = raw.execute("SELECT entry_hash FROM change_log WHERE site_id = ? AND seq = ?",
                       (site[0], seq)).fetchone()
    if held is None:
        return [Finding(Message("finding.head_cut", seq=seq))]
    if held[0] != entry:
        return [Finding(Message("finding.head_rewritten", seq=seq))]
    return []
