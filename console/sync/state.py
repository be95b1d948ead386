"""Local sync facts in ``sync_state`` and identity lookups, written with plain SQL so the change
capture never sees them (they are not shared)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection


def get(connection: Connection, key: str) -> str | None:
    return connection.execute(text("SELECT value FROM sync_state WHERE key = :k"),
                              {"k": key}).scalar()


def put(connection: Connection, key: str, value: str) -> None:
    connection.execute(text("INSERT OR REPLACE INTO sync_state (key, value) VALUES (:k, :v)"),
                       {"k": key, "v": value})


def delete(connection: Connection, key: str) -> None:
    connection.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": key})


def local(connection: Connection, key: str) -> str | None:
    return connection.execute(text("SELECT value FROM local_identity WHERE key = :k"),
                              {"k": key}).scalar()


def trusted_keys(connection: Connection) -> dict[str, str]:
    rows: Iterable[tuple[str, str]] = connection.execute(text(
        "SELECT id, public_key FROM workstation WHERE trusted AND public_key IS NOT NULL"))
    return {i: k for i, k in rows}


def have_vector(connection: Connection) -> dict[str, int]:
    """Per site, N such that every change 1…N is here: "everything up to N without a gap"
    (docs/sync.md, Holes). A peer trusts it to send only what lies above; the highest number
    held would hide a hole for ever (a change that arrived after one that never did)."""
    rows: Iterable[tuple[str, int, int]] = connection.exec_driver_sql(
        "SELECT site_id, max(seq), count(*) FROM change_log GROUP BY site_id").all()
    have: dict[str, int] = {}
    for site, top, count in rows:
        have[site] = int(top) if int(top) == int(count) else _prefix(connection, site)
    return have


def top_seqs(connection: Connection) -> dict[str, int]:
    """Per site, the highest change number held (gaps or not): what an export may offer."""
    rows: Iterable[tuple[str, int]] = connection.exec_driver_sql(
        "SELECT site_id, max(seq) FROM change_log GROUP BY site_id").all()
    return {s: int(m) for s, m in rows}


def _prefix(connection: Connection, site: str) -> int:
    """The end of the first unbroken run from 1 (0 when change 1 itself is missing)."""
    value = connection.exec_driver_sql(
        "SELECT min(c.seq) FROM change_log c WHERE c.site_id = ?1 AND NOT EXISTS (SELECT 1 "
        "FROM change_log d WHERE d.site_id = ?1 AND d.seq = c.seq + 1)", (site,)).scalar()
    first = connection.exec_driver_sql(
        "SELECT 1 FROM change_log WHERE site_id = ? AND seq = 1", (site,)).scalar()
    return int(value) if first and value is not None else 0


def holes(connection: Connection, sites: Iterable[str] | None = None
          ) -> list[tuple[str, int, int]]:
    """(site, first missing, last missing) for every gap below a change held here: changes
    whose predecessor is absent, so a peer must send them again. ``sites``: only these."""
    wanted = None if sites is None else sorted(set(sites))
    only = "" if wanted is None else " WHERE site_id IN (SELECT value FROM json_each(?))"
    rows: Sequence[tuple[str, int, int]] = connection.exec_driver_sql(
        f"SELECT site_id, max(seq), count(*) FROM change_log{only} GROUP BY site_id",
        () if wanted is None else (json.dumps(wanted),)).all()
    found: list[tuple[str, int, int]] = []
    for site, top, count in rows:
        if int(top) == int(count):
            continue
        # Each change whose predecessor is absent ends a gap that began after the change
        # before it: primary-key probes, no pass over the site's changes in Python.
        gaps: Sequence[tuple[int, int | None]] = connection.exec_driver_sql(
            "SELECT c.seq, (SELECT max(d.seq) FROM change_log d WHERE d.site_id = c.site_id "
            "AND d.seq < c.seq) FROM change_log c WHERE c.site_id = ?1 AND c.seq > 1 "
            "AND NOT EXISTS (SELECT 1 FROM change_log d WHERE d.site_id = ?1 "
            "AND d.seq = c.seq - 1) ORDER BY c.seq", (site,)).all()
        found.extend((site, int(before or 0) + 1, int(seq) - 1) for seq, before in gaps)
    return found


def station_names(connection: Connection) -> dict[str, str]:
    rows: Sequence[tuple[str, str]] = connection.exec_driver_sql(
        "SELECT id, name FROM workstation").all()
    return dict(rows)


def chain_hashes(connection: Connection, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    found = {}
    for site, seq in keys:
        value = connection.execute(text(
            "SELECT entry_hash FROM change_log WHERE site_id = :s AND seq = :q"),
            {"s": site, "q": seq}).scalar()
        if value is not None:
            found[(site, seq)] = value
    return found


def peer_have(connection: Connection, site: str) -> dict[str, int]:
    """What a peer had when we last heard from it (its bundle's have-vector)."""
    known = connection.execute(text("SELECT have_json FROM sync_peer WHERE site_id = :s"),
                               {"s": site}).scalar()
    return json.loads(known) if known else {}


def record_peer(connection: Connection, site: str, have: dict[str, int], seen_at: str,
                made: tuple[int, str] | None = None) -> None:
    """Remember a peer's have-vector, unless one it made later is already known: ``made`` =
    (the peer's own change number, its bundle's creation time). An older bundle imported after
    a newer one must not bring back a stale view, or the next ``--for`` bundle skips a hole."""
    if made is not None:
        known = get(connection, f"peer_made:{site}")
        if known is not None:
            seq, _, at = known.partition(" ")
            if (int(seq), at) > made:
                return
        put(connection, f"peer_made:{site}", f"{made[0]} {made[1]}")
    connection.execute(text(
        "INSERT OR REPLACE INTO sync_peer (site_id, have_json, seen_at) VALUES (:s, :h, :t)"),
        {"s": site, "h": json.dumps(have), "t": seen_at})


def keep_pending_bundle(connection: Connection, bundle_id: str, schema: str, received_at: str,
                        content: bytes) -> None:
    """A bundle from a newer schema: kept whole until this program is upgraded."""
    connection.execute(text(
        "INSERT OR IGNORE INTO sync_pending_bundle (id, schema_version, received_at, content) "
        "VALUES (:i, :s, :r, :c)"), {"i": bundle_id, "s": schema, "r": received_at, "c": content})


def pending_bundles(connection: Connection) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in connection.execute(
        text("SELECT id, schema_version FROM sync_pending_bundle"))]


def pending_bundle_content(connection: Connection, bundle_id: str) -> bytes:
    return connection.execute(text("SELECT content FROM sync_pending_bundle WHERE id = :i"),
                              {"i": bundle_id}).scalar_one()


def drop_pending_bundle(connection: Connection, bundle_id: str) -> None:
    connection.execute(text("DELETE FROM sync_pending_bundle WHERE id = :i"), {"i": bundle_id})


def unshared_count(connection: Connection, site: str, shared_seq: int) -> int:
    return connection.execute(text(
        "SELECT count(*) FROM change_log WHERE site_id = :s AND seq > :q"),
        {"s": site, "q": shared_seq}).scalar() or 0


def pending_row_count(connection: Connection) -> int:
    return connection.execute(text("SELECT count(*) FROM sync_pending_row")).scalar() or 0


def chain_entries(connection: Connection, rows: Sequence[Sequence[Any]]
                  ) -> dict[tuple[str, int], tuple[str, str]]:
    """(site, seq) → (prev_hash, entry_hash) of the changes held here from the lowest seq of
    each site among ``rows`` up: what a pulled chain may continue or end in (hub_trust.py)."""
    lowest: dict[str, int] = {}
    for row in rows:
        site, seq = row[0], row[1]
        if isinstance(site, str) and isinstance(seq, int):
            lowest[site] = min(lowest.get(site, seq), seq)
    found: dict[tuple[str, int], tuple[str, str]] = {}
    for site, low in lowest.items():
        held: Sequence[tuple[int, str, str]] = connection.exec_driver_sql(
            "SELECT seq, prev_hash, entry_hash FROM change_log WHERE site_id = ? "
            "AND seq >= ?", (site, max(low - 1, 0))).all()
        for seq, prev, entry in held:
            found[(site, int(seq))] = (str(prev), str(entry))
    return found
