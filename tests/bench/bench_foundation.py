"""Foundation benchmarks (not part of the test run): python tests/bench/bench_foundation.py

1. ``demo --scale 100`` build time, next to copying the same rows into an empty database with
   raw sqlite3 executemany (the floor for any builder).
2. Import of a 10,000-row inventory CSV through the service (read, validate, write), next to a
   raw sqlite3 executemany of the same stored rows into the same schema in the same run.
   Target: within 5x of raw.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argon2 import PasswordHasher

from console.services.app import Services
from console.services.inventory_file import FIELDS, KOREAN_HEADERS
from console.store.database import open_database

HASHER = PasswordHasher()


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_demo(folder: Path, scale: int) -> tuple[float, float, int]:
    path = folder / f"demo-{scale}.sqlite"
    app = Services.open(path, create=True, hasher=HASHER)
    seconds = _timed(lambda: app.demo.build(scale))
    app.close()
    empty = folder / f"empty-{scale}.sqlite"
    open_database(empty, create=True).close()
    source = sqlite3.connect(path)
    target = sqlite3.connect(empty)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=FULL")
    tables = [r[0] for r in source.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN "
        "('alembic_version', 'failure_grade_rule', 'sqlite_sequence')")]
    data = {t: source.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    rows = sum(len(v) for v in data.values())
    target.execute("DELETE FROM failure_grade_rule")

    def raw() -> None:
        target.execute("PRAGMA foreign_keys=OFF")
        with target:
            for table, values in data.items():
                if values:
                    marks = ",".join("?" * len(values[0]))
                    target.executemany(f'INSERT OR REPLACE INTO "{table}" VALUES ({marks})',
                                       values)

    raw_seconds = _timed(raw)
    return seconds, raw_seconds, rows


def bench_import(folder: Path, count: int) -> tuple[float, float]:
    path = folder / "inventory.csv"
    departments = [f"부서{i:02d}" for i in range(40)]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([KOREAN_HEADERS[field] for field in FIELDS])
        for i in range(count):
            depends = f"B-{i - 1:05d}" if i % 3 else ""
            writer.writerow([f"B-{i:05d}", f"시스템 {i}", departments[i % 40],
                             ("서초 데이터센터", "상암 데이터센터")[i % 2],
                             ("대시민", "내부행정")[i % 2], 1 + i % 4, 4, 1, "수기 접수",
                             depends])
    app = Services.open(folder / "import.sqlite", create=True, hasher=HASHER)
    admin = app.accounts.initialise("bench", "admin", "bench-pass")
    seconds = _timed(lambda: app.inventory.import_file(admin, path))
    assert len(app.inventory.systems()) == count
    app.close()

    # The baseline writes the very rows the import stored into the same schema (same indexes,
    # same foreign keys) with raw executemany: the floor for any importer of this data.
    stored = sqlite3.connect(folder / "import.sqlite")
    tables = ("department", "facility", "information_system", "system_dependency")
    data = {t: stored.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    stored.close()
    open_database(folder / "raw.sqlite", create=True).close()
    raw_db = sqlite3.connect(folder / "raw.sqlite")
    raw_db.execute("PRAGMA foreign_keys=ON")
    raw_db.execute("PRAGMA synchronous=FULL")

    def raw() -> None:
        with raw_db:
            for table, values in data.items():
                marks = ",".join("?" * len(values[0]))
                raw_db.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)

    return seconds, _timed(raw)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'measure':44} {'console':>10} {'baseline':>10} {'ratio':>7}")
        for scale in (1, 100):
            seconds, raw_seconds, rows = bench_demo(folder, scale)
            print(f"{f'demo --scale {scale} ({rows:,} rows)':44} {seconds:9.2f}s "
                  f"{raw_seconds:9.2f}s {seconds / raw_seconds:6.1f}x")
        seconds, raw_seconds = bench_import(folder, 10_000)
        print(f"{'import-systems, 10,000-row CSV':44} {seconds:9.2f}s {raw_seconds:9.2f}s "
              f"{seconds / raw_seconds:6.1f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
