"""Issue 13 targets: drafting a report at ``demo --scale 100`` (≤ 5 s) and the paper fallback
pack at ``demo --scale 30`` (≤ 5 s), each next to the same work on the plain demo in the same
run (the baseline: this machine's speed at that moment), and the pack's files timed one by one
so the biggest cost is named.

    .venv/bin/python tests/bench/bench_issue13.py [--report-scale 100] [--pack-scale 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from argon2 import PasswordHasher

from console.reports import pack
from console.reports.fonts import register_fonts
from console.services.app import Services

CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def built(folder: Path, scale: int) -> Services:
    path = folder / f"demo-{scale}.sqlite"
    if path.exists():  # --report-scale 1: the demo again, built afresh
        path.unlink()
    services = Services.open(path, create=True, hasher=CHEAP)
    took = timed(lambda: services.demo.build(scale))
    print(f"demo x{scale} built in {took:.1f} s")
    return services


def pack_by_file(services: Services, folder: Path) -> dict[str, float]:
    """Time each producer the pack calls (pack.write_pack is wrapped, not changed)."""
    times: dict[str, float] = {}
    original = pack.write_pack

    def timing(target, files, *rest, **named):  # type: ignore[no-untyped-def]
        def wrap(name, produce):  # type: ignore[no-untyped-def]
            def run() -> bytes:
                started = time.perf_counter()
                data = produce()
                times[name] = time.perf_counter() - started
                return data
            return name, run
        return original(target, [wrap(n, p) for n, p in files], *rest, **named)

    pack.write_pack = timing  # type: ignore[assignment]
    try:
        times["(whole pack)"] = timed(lambda: services.reports.write_fallback_pack(folder))
    finally:
        pack.write_pack = original  # type: ignore[assignment]
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-scale", type=int, default=100)
    parser.add_argument("--pack-scale", type=int, default=30)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = built(folder, 1)
        base.reports.preview()  # warm: fonts, imports
        draft1 = timed(base.reports.preview)
        pack1 = pack_by_file(base, folder / "pack-1")
        base.close()
        big = built(folder, args.report_scale)
        draft_n = timed(big.reports.preview)
        big.close()
        mid = built(folder, args.pack_scale)
        pack_n = pack_by_file(mid, folder / f"pack-{args.pack_scale}")
        mid.close()
    print(f"draft report: demo {draft1:.2f} s, x{args.report_scale} {draft_n:.2f} s "
          f"(target 5 s; {draft_n / draft1:.0f}x the demo)")
    print(f"fallback pack: demo {pack1['(whole pack)']:.2f} s, x{args.pack_scale} "
          f"{pack_n['(whole pack)']:.2f} s (target 5 s)")
    print(f"{'file':<40} {'demo':>8} {'x' + str(args.pack_scale):>8}")
    for file in sorted(pack_n, key=lambda f: -pack_n[f]):
        print(f"{file:<40} {pack1.get(file, 0.0):>8.2f} {pack_n[file]:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
