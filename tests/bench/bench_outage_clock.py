"""Outage-clock benchmarks (not part of the test run):
python tests/bench/bench_outage_clock.py [SCALE] [--runs N]

On the demo at SCALE (64 outages and ~200 events per copy), next to a baseline measured in the
same run:
- refreshing every outage cache with the one rule (console/store/derived.py, Python over one
  read of the events), against the set-based SQL UPDATE it replaced (sync apply's old
  ``_derived``: correlated subqueries per outage);
- the outages table sorted by failure grade and by elapsed hours through the clock's SQLite
  functions (console/store/clock_sql.py), against the old SQL-only expressions (julianday
  arithmetic and a correlated subquery into the grading table);
- ``verify``'s cache check over every outage, task and incident.
Best of ``--runs`` (default 3): the machine is shared.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import text

from console.services.app import Services
from console.services.tables import TableQuery
from console.store import derived

HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)

OLD_DERIVED = (
    "UPDATE outage SET status = (SELECT e.status FROM outage_event e WHERE e.outage_id = "
    "outage.id ORDER BY e.at DESC, e.id DESC LIMIT 1), status_at = (SELECT e.at FROM "
    "outage_event e WHERE e.outage_id = outage.id ORDER BY e.at DESC, e.id DESC LIMIT 1), "
    "restored_at = CASE WHEN (SELECT e.status FROM outage_event e WHERE e.outage_id = "
    "outage.id ORDER BY e.at DESC, e.id DESC LIMIT 1) IN ('restored', 'verified') THEN "
    "(SELECT min(e.at) FROM outage_event e WHERE e.outage_id = outage.id AND e.status = "
    "'restored') END")
OLD_HOURS = ("((julianday(coalesce(o.restored_at, :now)) - julianday(o.detected_at)) * 24.0)")
OLD_SORT = {
    "grade": ("SELECT o.id FROM outage o JOIN information_system s ON s.id = o.system_id "
              "ORDER BY coalesce(o.grade_override, (SELECT r.failure_grade FROM "
              "failure_grade_rule r WHERE r.importance_grade = s.importance_grade AND "
              f"r.category = s.category AND r.scope = o.scope AND r.min_hours <= {OLD_HOURS} "
              "AND NOT r.deleted ORDER BY r.min_hours DESC LIMIT 1), s.importance_grade), o.id"),
    "elapsed_hours": f"SELECT o.id FROM outage o ORDER BY {OLD_HOURS}, o.id",
}


def _best(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scale", type=int, nargs="?", default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        services = Services.open(path, create=True, hasher=HASHER)
        build = _timed(lambda: services.demo.build(args.scale))
        engine = services.db.engine
        with engine.connect() as connection:
            outages = connection.execute(text("SELECT count(*) FROM outage")).scalar()
            events = connection.execute(text("SELECT count(*) FROM outage_event")).scalar()
        print(f"demo scale {args.scale}: {outages} outages, {events} events "
              f"(built in {build:.1f} s)\n")
        rows: list[tuple[str, float, float]] = []

        def refresh_all() -> float:
            with engine.begin() as connection:
                connection.execute(text("UPDATE outage SET phase = 0"))  # every row stale
                return _timed(lambda: derived.refresh(connection, outages=None))

        def old_refresh() -> float:
            with engine.begin() as connection:
                return _timed(lambda: connection.execute(text(OLD_DERIVED)))

        rows.append(("refresh every outage cache", _best(args.runs, refresh_all),
                     _best(args.runs, old_refresh)))
        now = "2025-10-01T03:00:00.000000Z"
        for key in ("grade", "elapsed_hours"):
            query = TableQuery(sort=key, filters=(("incident", "*"),))
            new = _best(args.runs, lambda q=query: _timed(
                lambda: services.tables.ids("outages", q)))

            def old(sql: str = OLD_SORT[key]) -> float:
                with engine.connect() as connection:
                    return _timed(lambda: connection.execute(text(sql), {"now": now}).all())

            rows.append((f"outage table: all ids sorted by {key}", new, _best(args.runs, old)))
        with engine.connect() as connection:
            rows.append(("verify: the cache check, every row",
                         _best(args.runs, lambda: _timed(lambda: derived.stale(connection))),
                         float("nan")))
        services.close()
    print("| measure | this code | baseline (old SQL, same run) | ratio |")
    print("|---|---|---|---|")
    for name, new, old in rows:
        ratio = f"{new / old:.1f}×" if old == old else "—"
        baseline = f"{old * 1000:.0f} ms" if old == old else "—"
        print(f"| {name} | {new * 1000:.0f} ms | {baseline} | {ratio} |")


if __name__ == "__main__":
    main()
