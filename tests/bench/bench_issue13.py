"""Issue 13 targets: drafting a report at ``demo --scale 100`` (≤ 5 s) and the paper fallback
pack at ``demo --scale 30`` (≤ 5 s), each next to the same work on the plain demo in the same
run (the baseline: this machine's speed at that moment), and the pack's files timed one by one
so the biggest cost is named.

    .venv/bin/python tests/bench/bench_issue13.py [--report-scale 100] [--pack-scale 30]
        [--report-db demo-100.sqlite] [--pack-db demo-30.sqlite]   (copies: no build)
        [--pack-repeat 5]   (the pack at scale written 5 times: each wall time, the median)

Wall and CPU seconds both: on a machine shared with other work the wall time is mostly
waiting for a core, the CPU time is this work's. The floor printed next to the inventory is
what reportlab takes to emit the same rows as lines of text with the same embedded font and
page count, no layout, no grid: no printout of those rows can be cheaper.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# BENCH_TREE=/path/to/another/checkout measures that tree's code with this bench ("before").
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(Path(__file__).resolve().parents[2]))

from argon2 import PasswordHasher
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from console.reports.fonts import REGULAR, register_fonts
from console.services.app import Services

try:  # BENCH_TREE: an older tree made every file in one process
    from console.reports import pack_workers
except ImportError:
    pack_workers = None  # type: ignore[assignment]

CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


CPU: dict[str, float] = {}
"""The CPU seconds of the last ``timed`` work, by the name it was given."""


def timed(work: Callable[[], object], name: str = "") -> float:
    started, cpu = time.perf_counter(), time.process_time()
    work()
    CPU[name] = time.process_time() - cpu
    return time.perf_counter() - started


def built(folder: Path, scale: int, given: str = "") -> Services:
    path = folder / f"demo-{scale}.sqlite"
    if path.exists():  # --report-scale 1: the demo again, built afresh
        path.unlink()
    if given:
        shutil.copy(given, path)
        return Services.open(path, hasher=CHEAP)
    services = Services.open(path, create=True, hasher=CHEAP)
    took = timed(lambda: services.demo.build(scale))
    print(f"demo x{scale} built in {took:.1f} s")
    return services


def floor(services: Services, pages: int) -> float:
    """The inventory's rows as plain text lines on ``pages`` pages (see the docstring)."""
    lines = [" ".join(str(v) for v in (s.code, s.name, s.department, s.facility,
                                        s.category.value, s.grade, s.rto_hours,
                                        s.alternative_means))
             for s in services.inventory.systems()]
    per_page = -(-len(lines) // pages)

    def emit() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1)
        for start in range(0, len(lines), per_page):
            text = canvas.beginText(40, 800)
            text.setFont(REGULAR, 8, 10.5)
            for line in lines[start:start + per_page]:
                text.textLine(line)
            canvas.drawText(text)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    return timed(emit, "floor")


def pack_by_file(services: Services, folder: Path) -> dict[str, float]:
    """Time the pack, and each file as the process that made it timed it (the pack's files
    are made by two processes: console/reports/pack_workers.py)."""
    times: dict[str, float] = {}
    before = os.times()
    times["(whole pack)"] = timed(lambda: services.reports.write_fallback_pack(folder), "pack")
    after = os.times()
    child = (after.children_user + after.children_system
             - before.children_user - before.children_system)
    times["(whole pack, CPU)"] = CPU["pack"] + child
    CPU["(whole pack, child)"] = child
    for name, (wall, cpu) in getattr(pack_workers, "TIMES", {}).items():
        times[name], CPU[name] = wall, cpu
    return times


def inventory_pages(folder: Path) -> int:
    written = next(folder.glob("pack-*/03-*.pdf"))
    return written.read_bytes().count(b"/Type /Page\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-scale", type=int, default=100)
    parser.add_argument("--pack-scale", type=int, default=30)
    parser.add_argument("--report-db", default="")
    parser.add_argument("--pack-db", default="")
    parser.add_argument("--pack-repeat", type=int, default=1)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = built(folder, 1)
        base.reports.preview()  # warm: fonts, imports
        draft1 = timed(base.reports.preview)
        pack1 = pack_by_file(base, folder / "pack-1")
        base.close()
        big = built(folder, args.report_scale, args.report_db)
        draft_n = timed(big.reports.preview, "draft")
        big.close()
        mid = built(folder, args.pack_scale, args.pack_db)
        pack_n = pack_by_file(mid, folder / f"pack-{args.pack_scale}")
        walls = [(pack_n["(whole pack)"], pack_n["(whole pack, CPU)"], os.getloadavg()[0])]
        for _ in range(args.pack_repeat - 1):
            again = pack_by_file(mid, folder / f"pack-{args.pack_scale}")
            walls.append((again["(whole pack)"], again["(whole pack, CPU)"],
                          os.getloadavg()[0]))
        pages = inventory_pages(folder / f"pack-{args.pack_scale}")
        floor_wall = floor(mid, pages)
        mid.close()
    print(f"draft report: demo {draft1:.2f} s, x{args.report_scale} {draft_n:.2f} s "
          f"(CPU {CPU['draft']:.2f} s; target 5 s; {draft_n / draft1:.0f}x the demo)")
    print(f"fallback pack: demo {pack1['(whole pack)']:.2f} s, x{args.pack_scale} "
          f"{pack_n['(whole pack)']:.2f} s (CPU {pack_n['(whole pack, CPU)']:.2f} s, of it "
          f"{CPU.get('(whole pack, child)', 0.0):.2f} s in the second process; target 5 s)")
    if len(walls) > 1:
        print("fallback pack x{}, each run: {} (median wall {:.2f} s)".format(
            args.pack_scale, ", ".join(f"{w:.2f} s wall / {c:.2f} s CPU (load {load:.1f})"
                                       for w, c, load in walls),
            sorted(w for w, _, _ in walls)[len(walls) // 2]))
    print(f"floor: the inventory's rows as text lines on its {pages} pages, no layout: "
          f"{floor_wall:.2f} s (CPU {CPU['floor']:.2f} s)")
    print(f"{'file':<40} {'demo':>8} {'x' + str(args.pack_scale):>8} {'CPU':>8}")
    for file in sorted(pack_n, key=lambda f: -pack_n[f]):
        print(f"{file:<40} {pack1.get(file, 0.0):>8.2f} {pack_n[file]:>8.2f} "
              f"{CPU.get(file, 0.0):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
