"""The outages table's default attention order (not part of the test run):
python tests/bench/bench_attention.py [SCALE] [--runs N]

On the demo at SCALE (64 outages per copy), every outage id in the attention order
(unrestored, RTO-breached, grade, detected, code: console/domain/outage_clock.py through the
SQLite function in console/store/clock_sql.py) next to the baseline measured in the same run:
the detection-time order the table opened in before. Best of ``--runs`` (default 3).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argon2 import PasswordHasher

from console.services.app import Services
from console.services.tables import TableQuery

HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scale", type=int, nargs="?", default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder) / "demo.sqlite", create=True, hasher=HASHER)
        services.demo.build(args.scale)
        tables = services.tables
        every = ("incident", "*")
        rows = len(tables.ids("outages", TableQuery(filters=(every,))))
        print(f"{rows} outages (demo at scale {args.scale}), best of {args.runs}")
        for name, query in (
                ("detected_at (baseline)", TableQuery(filters=(every,), sort="detected_at")),
                ("attention (default)", TableQuery(filters=(every,)))):
            seconds = best(args.runs, lambda q=query: tables.ids("outages", q))
            print(f"  {name:<24} {seconds * 1000:8.1f} ms")
        services.close()


if __name__ == "__main__":
    main()
