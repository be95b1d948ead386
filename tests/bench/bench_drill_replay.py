"""The 2025 replay at 10× from start to stand-down (not part of the test run):
python tests/bench/bench_drill_replay.py [--step-seconds S]

The window's timer ticks every second; at 10× each tick moves the drill clock 10 s. Here a fake
wall clock moves ``S`` seconds per tick (default 60: 10 drill minutes), each tick is one
DrillService.tick() as the window makes it, and the table shows the total time, the slowest
tick (a stall would be a tick slower than the wall time it covers) and the injects applied,
next to the baseline measured in the same run: ticks with nothing due (the clock alone).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from console.services.app import Services
from console.services.drill_files import new_drill
from tests.conftest import FakeClock
from tests.drill_helpers import DRILL_WALL_START, as_user


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--step-seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nirs.sqlite"
        started = time.perf_counter()
        new_drill(path, "nirs-2025", wall=lambda: DRILL_WALL_START)
        made = time.perf_counter() - started
        wall = FakeClock(DRILL_WALL_START)
        services = Services.open(path, clock=wall)
        try:
            drills = services.drills
            controller = as_user(services, "controller")
            drills.set_speed(controller, 10)
            drills.start(controller)
            total_injects = len(drills.scenario().injects)
            end = drills.scenario().length + timedelta(minutes=1)
            ticks, slowest, busy, idle, idle_ticks = 0, 0.0, 0.0, 0.0, 0
            started = time.perf_counter()
            applied = drills.status().applied
            while applied < total_injects or drills.elapsed() < end:
                wall.advance(seconds=args.step_seconds)
                tick_start = time.perf_counter()
                changes = drills.tick()
                took = time.perf_counter() - tick_start
                ticks += 1
                slowest = max(slowest, took)
                if "drill_inject" in changes.tables:
                    busy += took
                    applied = drills.status().applied
                else:
                    idle += took
                    idle_ticks += 1
                if drills.elapsed() >= end:
                    break
            whole = time.perf_counter() - started
            status = drills.status()
            figures = services.situation.view().situation
        finally:
            services.close()
    print(f"{'what':<44} {'value':>12}")
    print(f"{'make the drill file (drill new)':<44} {made:>11.2f}s")
    print(f"{'drill elapsed at the end':<44} {status.elapsed!s:>20}")
    print(f"{'injects applied':<44} {status.applied:>8}/{total_injects}")
    per_tick = f"ticks ({args.step_seconds:g}s wall = {args.step_seconds * 10 / 60:g} drill min each)"
    print(f"{per_tick:<44} {ticks:>12}")
    print(f"{'whole replay (ticks + status reads)':<44} {whole:>11.2f}s")
    print(f"{'ticks that applied injects, total':<44} {busy:>11.2f}s")
    print(f"{'baseline: ticks with nothing due, mean':<44} {idle / max(idle_ticks, 1) * 1000:>10.1f}ms")
    print(f"{'slowest tick':<44} {slowest * 1000:>10.1f}ms")
    print(f"{'stall? (slowest tick > wall time per tick)':<44} {slowest > args.step_seconds!s:>12}")
    print(f"{'systems restored at the end':<44} {figures.restored:>8}/{figures.affected}")


if __name__ == "__main__":
    main()
