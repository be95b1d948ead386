"""Building the demo with its 40 issued reports (issue 13): ≤ 2× the demo without them
(the real password hasher, as `demo` runs).

    .venv/bin/python tests/bench/bench_demo_reports.py [--repeat 5] [--scale 1]

Both builds run in the same process, alternately, each into a fresh database; the figure is
the best of ``--repeat``. "Without" is the same build with ``record_issued`` skipped (what the
demo was before), "with" the demo as it is.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


from console.services.app import Services


def build(folder: Path, name: str, scale: int, reports: bool) -> tuple[float, float]:
    """Seconds for the whole build, and for the 40 reports in it."""
    app = Services.open(folder / f"{name}.sqlite", create=True)
    spent = {"reports": 0.0}
    record = app.reports.record_issued

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = record(*args, **kwargs) if reports else 0
        spent["reports"] = time.perf_counter() - start
        return result

    app.reports.record_issued = timed  # type: ignore[method-assign]
    start = time.perf_counter()
    app.demo.build(scale)
    total = time.perf_counter() - start
    app.close()
    return total, spent["reports"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CONSOLE_KEY_DIR", str(Path(tmp) / "keys"))
        without, with_reports, part = [], [], []
        for index in range(args.repeat):
            without.append(build(Path(tmp), f"without{index}", args.scale, False)[0])
            total, reports = build(Path(tmp), f"with{index}", args.scale, True)
            with_reports.append(total)
            part.append(reports)
        print(f"demo --scale {args.scale}: without reports {min(without):.2f} s, with the 40 "
              f"reports {min(with_reports):.2f} s (of which the reports {min(part):.2f} s), "
              f"ratio {min(with_reports) / min(without):.2f} (best of {args.repeat})")


if __name__ == "__main__":
    main()
