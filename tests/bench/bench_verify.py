"""``verify`` against a plain ``PRAGMA integrity_check`` of the same file (not part of the test
run): python tests/bench/bench_verify.py [SCALE] [--runs N]

Issue 10's target: verify on ``demo --scale 100`` within 10× the integrity check. Printed: the
file's size and change count, the integrity check alone (the baseline), the full ``verify``
and its parts (file and invariant checks, the signed head, the replay of the whole change log
into a scratch database and the row-by-row comparison). Best of ``--runs`` (default 3).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argon2 import PasswordHasher

from console.services.app import Services
from console.store import checks
from console.store.keyfile import KeyStore
from console.store.migrate import head_revision
from console.sync import replay

HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scale", nargs="?", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        keys = KeyStore(Path(folder) / "keys")
        start = time.perf_counter()
        app = Services.open(path, create=True, hasher=HASHER, keys=keys)
        app.demo.build(scale=args.scale)
        print(f"demo --scale {args.scale}: built in {time.perf_counter() - start:.1f} s")
        with sqlite3.connect(path) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            changes = raw.execute("SELECT count(*) FROM change_log").fetchone()[0]
        print(f"file {path.stat().st_size / 1e6:.0f} MB, {changes} changes")

        def integrity() -> None:
            with sqlite3.connect(path) as raw:
                assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        baseline = best(args.runs, integrity)
        print(f"PRAGMA integrity_check (baseline): {baseline * 1000:.0f} ms", flush=True)
        full = best(args.runs, lambda: app.maintenance.verify() == [] or exit(1))
        print(f"verify: {full * 1000:.0f} ms = {full / baseline:.1f}× the baseline", flush=True)
        with app.db.sessions() as session:
            parts = {
                "file, chains, caches, invariants": best(
                    args.runs, lambda: checks.findings(session, path)),
                "replay + compare": best(args.runs, lambda: replay.findings(
                    session.connection(), path, head_revision(), app.maintenance.now())),
            }
        app.close()
        for name, seconds in parts.items():
            print(f"  {name}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
