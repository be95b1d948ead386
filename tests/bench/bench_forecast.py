"""Forecast benchmarks (not part of the test run):
python tests/bench/bench_forecast.py [SCALE] [--runs N] [--draws N]

On the demo at SCALE (64 outages per copy; 100 → 6,400 outages), next to baselines measured
in the same run:
- the forecast from the facts already read (domain ``forecast``: fit, simulate, percentiles,
  the fan chart's curve): the figure the issue's "≤ 1 s for 6,400 outages" is about;
- the whole ``forecast`` service call (read the outages, events, estimates and dependencies;
  fit; simulate; percentiles; the fan chart's curve) at the first report moment, when every
  outage is open (the worst case), and at the board's 10-01 12:00;
- the simulation alone (domain ``simulate``: truncated log-normal draws, team ETRs and the
  dependency order), against the floor of drawing the same count of uniform numbers with
  numpy, and against drawing them in pure Python with ``random.lognormvariate`` (measured on
  a tenth of the draws and scaled, or it would take a minute);
- reading the situation for the board at the same moment (what the board already pays).
Best of ``--runs`` (default 3): the machine is shared.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from argon2 import PasswordHasher

from console.domain.clock import parse_time
from console.domain.forecast import fit, forecast, simulate
from console.services.app import Services
from console.services.estimates import estimate_facts
from console.services.forecast import outages_at
from console.services.inventory import dependencies
from console.services.outages import outage_facts

HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
FIRST_REPORT = parse_time("2025-09-27T18:30:00+09:00")
BOARD = parse_time("2025-10-01T12:00:00+09:00")


def _best(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scale", type=int, nargs="?", default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--draws", type=int, default=2000)
    args = parser.parse_args()
    draws = args.draws
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "bench.sqlite", create=True, hasher=HASHER)
        build = _timed(lambda: services.demo.build(args.scale))
        with services.db.sessions() as session:
            facts = outage_facts(session, None)
            estimates = estimate_facts(session, None)
            depends = dependencies(session)
        print(f"demo scale {args.scale}: {len(facts)} outages (built in {build:.1f} s), "
              f"{draws} draws\n")
        rows: list[tuple[str, float, str]] = []
        for label, moment in (("first report, all open", FIRST_REPORT),
                              ("board 10-01 12:00", BOARD)):
            state = outages_at(moment, facts, estimates, depends)
            open_count = sum(o.restored_at is None for o in state)
            whole = _best(args.runs, lambda m=moment: _timed(
                lambda: services.forecast.forecast(as_of=m, draws=draws)))
            situation = _best(args.runs, lambda m=moment: _timed(
                lambda: services.situation.view(as_of=m)))
            rows.append((f"forecast service call, {label} ({open_count} open)", whole,
                         f"situation read for the board: {situation * 1000:.0f} ms"))
            domain = _best(args.runs, lambda s=state, m=moment: _timed(
                lambda: forecast(s, m, draws=draws)))
            rows.append((f"forecast from the facts (fit, simulate, bands, fan), {label}",
                         domain, "target ≤ 1,000 ms"))
            model = fit(state)
            alone = _best(args.runs, lambda s=state, m=moment, f=model: _timed(
                lambda: simulate(s, m, draws, 1, f)))
            rng = np.random.Generator(np.random.PCG64(1))
            floor = _best(args.runs, lambda n=open_count, r=rng: _timed(
                lambda: r.random((n, draws), dtype=np.float32)))
            rows.append((f"simulate alone, {label}", alone,
                         f"numpy uniforms only: {floor * 1000:.0f} ms"))
            if moment == FIRST_REPORT:
                generator = random.Random(1)
                tenth = max(draws // 10, 1)

                def pure(n: int = open_count, tenth: int = tenth,
                         generator: random.Random = generator) -> None:
                    draw = generator.lognormvariate
                    for _ in range(n):
                        for _ in range(tenth):
                            draw(4.0, 0.8)

                python = _timed(pure) * draws / tenth
                rows.append((f"pure-Python log-normal draws, {label}", python,
                             f"(measured on {tenth} draws, scaled)"))
        services.close()
    print("| measure | time | baseline (same run) |")
    print("|---|---|---|")
    for name, seconds, baseline in rows:
        print(f"| {name} | {seconds * 1000:.0f} ms | {baseline} |")


if __name__ == "__main__":
    main()
