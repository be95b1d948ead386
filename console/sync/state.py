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
    rows: Iterable[tuple[str, int]] = connection.execute(text(
        "SELECT site_id, max(seq) FROM change_log GROUP BY site_id"))
    return {s: int(m) for s, m in rows}


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


def record_peer(connection: Connection, site: str, have: dict[str, int], seen_at: str) -> None:
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
