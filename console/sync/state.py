"""Local sync facts in ``sync_state`` and identity lookups, written with plain SQL so the change
capture never sees them (they are not shared)."""

from __future__ import annotations

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
    return {i: k for i, k in connection.execute(text(
        "SELECT id, public_key FROM workstation WHERE trusted AND public_key IS NOT NULL"))}


def have_vector(connection: Connection) -> dict[str, int]:
    return {s: int(m) for s, m in connection.execute(text(
        "SELECT site_id, max(seq) FROM change_log GROUP BY site_id"))}


def chain_hashes(connection: Connection, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    found = {}
    for site, seq in keys:
        value = connection.execute(text(
            "SELECT entry_hash FROM change_log WHERE site_id = :s AND seq = :q"),
            {"s": site, "q": seq}).scalar()
        if value is not None:
            found[(site, seq)] = value
    return found
