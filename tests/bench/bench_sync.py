"""Sync benchmarks (not part of the test run): python tests/bench/bench_sync.py [SCALE]

Export and import of ~100,000 changes (the demo scenario at scale 86, whole-row changes), next
to a raw sqlite3 executemany upsert of the same 100,000 rows in the same run; hub push and pull
of the same changes through a local PostgreSQL (pgserver); bundle bytes per 100,000 changes.
Targets (issue 5): import >= 0.25 x raw rate, export >= 100,000 changes/s, hub push and pull
<= 15 s, all per 100,000 changes.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from argon2 import PasswordHasher

from console.services.app import Services
from console.sync.apply import COLUMNS

HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def _raw_upsert(rows: list[tuple], path: Path) -> float:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(f"CREATE TABLE t ({', '.join(COLUMNS)}, PRIMARY KEY (site_id, seq))")
    start = time.perf_counter()
    with connection:
        connection.executemany(
            f"INSERT INTO t VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT (site_id, seq) "
            "DO UPDATE SET value = excluded.value", rows)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main(scale: int = 86) -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    source = Services.open(root / "source.sqlite", create=True, hasher=HASHER)
    source.demo.build(scale)
    target = Services.open(root / "target.sqlite", create=True, hasher=HASHER)
    target_admin = target.accounts.initialise("target", "admin", "admin-pass")
    source_admin = source.accounts.login("admin", "demo")
    source.sync.export_key(root / "source.key")
    target.sync.trust_key(target_admin, root / "source.key")
    with source.db.sessions() as session:
        rows = [tuple(r) for r in session.connection().exec_driver_sql(
            f"SELECT {', '.join(COLUMNS)} FROM change_log ORDER BY site_id, seq")]
    count = len(rows)
    per = 100_000 / count

    start = time.perf_counter()
    summary = source.sync.export_bundle(source_admin, root / "bundle.zip")
    export_s = time.perf_counter() - start
    start = time.perf_counter()
    imported = target.sync.import_bundle(target_admin, root / "bundle.zip")
    import_s = time.perf_counter() - start
    assert imported.new == count
    raw_s = _raw_upsert(rows[:100_000], root / "raw.sqlite")
    raw_rate = min(100_000, count) / raw_s
    import_rate = count / import_s
    results = [
        ("changes", f"{count}", ""),
        ("export", f"{export_s:.2f} s", f"{count / export_s:,.0f} changes/s (target >= 100,000)"),
        ("import (verify + apply)", f"{import_s:.2f} s", f"{import_rate:,.0f} changes/s"),
        ("raw sqlite3 executemany upsert", f"{raw_s:.2f} s", f"{raw_rate:,.0f} rows/s"),
        ("import / raw", f"{import_rate / raw_rate:.2f}", "(target >= 0.25)"),
        ("bundle bytes per 100,000", f"{summary.size * per:,.0f}", ""),
    ]
    try:
        import pgserver

        from console.sync import hub

        server = pgserver.get_server(root / "pg", cleanup_mode="stop")
        url = server.get_uri()
        engine = hub.connect(url)
        hub.ensure_schema(engine)
        start = time.perf_counter()
        pushed = hub.push(engine, rows)
        push_s = time.perf_counter() - start
        engine.dispose()
        third = Services.open(root / "third.sqlite", create=True, hasher=HASHER)
        third_admin = third.accounts.initialise("third", "admin", "admin-pass")
        start = time.perf_counter()
        pulled = third.sync.hub_sync(third_admin, url)
        pull_s = time.perf_counter() - start
        assert pushed == count and pulled.new >= count
        results += [("hub push (COPY + insert)", f"{push_s:.2f} s", f"{count / push_s:,.0f}/s"),
                    ("hub pull + apply", f"{pull_s:.2f} s", f"{count / pull_s:,.0f}/s"),
                    ("hub push + pull per 100,000", f"{(push_s + pull_s) * per:.2f} s",
                     "(target <= 15 s)")]
    except ImportError:
        results.append(("hub", "skipped", "pgserver not installed"))
    width = max(len(r[0]) for r in results)
    for name, value, note in results:
        print(f"{name:<{width}}  {value:>12}  {note}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 86)
