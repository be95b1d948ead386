"""Window speed and memory (issue 3), not part of the test run:

    .venv/bin/python tests/bench/bench_window.py [--cache DIR] [--repeat 3] [--skip-table]

1. Start-up to a populated board on the demo and on ``demo --scale 100``: QApplication, fonts,
   translators and style, MainWindow over a Services with the observer (as ``screenshot`` does),
   shown offscreen, until the board emitted ``loaded`` and painted. Next to a bare PySide6
   window (QApplication + QMainWindow shown + one processEvents) measured in the same run.
   Every start runs in a fresh subprocess, timed from the child's first line, so imports count.
2. Sort and filter on the systems table of ``demo --scale 470`` (201,630 systems), through the
   systems page the window uses (LazyTableModel over TableService): from the header click (or
   the new query) until the first screen of rows is painted ("shown"), and until the model
   holds the whole ordered id list ("all ids"). Next to a plain sqlite3 fetch of every id (the
   floor for reading the ids at all) measured in the same process.
3. Peak resident memory (ru_maxrss) of each child.

Targets: populated board ≤ 1.5 s and ≤ 3× the bare window; filter or sort ≤ 150 ms at
200,000 rows; resident memory ≤ 400 MB. The databases are built once into ``--cache``
(default /tmp/console-bench-window) and reused.
"""

import time

_START = time.perf_counter()  # before any import: a child's imports count

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(os.environ.get("BENCH_TREE") or Path(__file__).resolve().parents[2]).resolve()
"""The tree whose window is measured: ``BENCH_TREE=/tmp/main-checkout`` times another build
(e.g. main) with this bench's children and floor."""
BEFORE = Path(os.environ["BENCH_BEFORE"]).resolve() if os.environ.get("BENCH_BEFORE") else None
"""A second tree (e.g. a checkout of main) whose window starts are interleaved with ROOT's in
the same run, next to the same floor: a before/after that the machine's load hits alike."""
CACHE = Path(os.environ.get("CONSOLE_BENCH_CACHE", "/tmp/console-bench-window"))
SCALES = {"demo": 1, "scale 100": 100, "scale 470": 470}


def _cpu() -> float:
    """CPU seconds of this process so far (every thread): on a loaded machine the wall time
    of a start-up varies with the other sessions' load, its CPU time much less."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report(result: dict[str, object]) -> None:
    result["peak_mb"] = _peak_mb()
    print("RESULT " + json.dumps(result), flush=True)


# --- children ---------------------------------------------------------------------------


def child_bare() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    _report({"seconds": time.perf_counter() - _START, "cpu_seconds": _cpu()})


def child_floor(db: Path, core_only: bool = False) -> None:
    """The bare window plus what any window over this store must do before it can show a
    figure: import the store's libraries, open the database with them and read one count.
    No board and none of our code.

    "The store's libraries" are what console/store imports at open: SQLAlchemy with its ORM
    package (database.py's sessions, models.py's declarative classes). Alembic is imported
    only for an upgrade (migrate.py), so it is not in the floor. Before 2026-12-01 23:30 the
    floor imported SQLAlchemy core only: ``core_only`` measures that floor too, as a row
    of its own (docs/window.md keeps both figures)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{db}")
    if core_only:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM outage")).scalar()
    else:
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            count = session.execute(text("SELECT count(*) FROM outage")).scalar()
    window = QMainWindow()
    window.setCentralWidget(QLabel(str(count)))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    _report({"seconds": time.perf_counter() - _START, "cpu_seconds": _cpu()})


def _window_parts(db: Path, lang: str = "ko"):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT))
    import tempfile

    from console.services.app import Services
    from console.ui.app import prepare, reader_actor
    from console.ui.context import UiContext
    from console.ui.settings import UiSettings

    app, translators = prepare(lang, offscreen=True)
    services = Services.open(db)
    context = UiContext(services, reader_actor(services, lang), lang)
    folder = tempfile.mkdtemp(prefix="bench-window-")
    settings = UiSettings.at(Path(folder) / "bench.ini")
    return app, translators, services, context, settings


def _wait(app, signal, done, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``done()``; ``signal`` wakes the loop up."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    guard = QTimer(singleShot=True, interval=int(timeout * 1000))
    guard.timeout.connect(loop.quit)
    guard.start()
    while not done():
        if not guard.isActive():
            raise TimeoutError("the window did not finish loading")
        loop.exec()
    signal.disconnect(loop.quit)


def child_window(db: Path) -> None:
    app, _translators, services, context, settings = _window_parts(db)
    from PySide6.QtCore import QEvent, QObject

    from console.ui.main_window import MainWindow

    window = MainWindow(context, settings, idle_lock=False)
    board = window.pages["board"]
    fired: list[bool] = []
    board.loaded.connect(lambda: fired.append(True))
    painted: list[float] = []
    painted_cpu: list[float] = []

    class FirstPaint(QObject):
        """When the board's figures are first painted after they loaded."""

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if (fired and not painted and event.type() == QEvent.Type.Paint
                    and watched is board._tiles["affected"]):
                painted.append(time.perf_counter() - _START)
                painted_cpu.append(_cpu())
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    window.resize(1600, 1000)
    window.show()
    _wait(app, board.loaded, lambda: bool(fired))
    while not painted and time.perf_counter() - _START < 60:
        app.processEvents()  # paint the figures
    seconds = painted[0]
    # The chart's drawing library loads after the first screen (console/ui/board/chart.py):
    # also time until the curve is drawn, without forcing it early.
    chart = board._chart
    while not getattr(chart, "built", True) and time.perf_counter() - _START < seconds + 30:
        app.processEvents()
    app.processEvents()
    curve_seconds = time.perf_counter() - _START
    affected = board.figures()["affected"]
    context.runner.wait(30)
    window.close()
    context.runner.shutdown()
    services.close()
    _report({"seconds": seconds, "curve_seconds": curve_seconds, "affected": affected,
             "cpu_seconds": painted_cpu[0]})


def child_table(db: Path, repeat: int) -> None:
    import sqlite3

    from PySide6.QtCore import Qt

    app, _translators, services, context, _settings = _window_parts(db, "en")
    from console.services.tables import TableQuery
    from console.ui.pages.systems import SystemsPage

    page = SystemsPage(context)
    page.resize(1500, 900)
    model = page.model
    loads: list[bool] = []
    model.loaded.connect(lambda: loads.append(True))
    completed = getattr(model, "completed", None)

    def complete() -> bool:
        return bool(loads) and not model.loading and getattr(model, "complete", True)

    start = time.perf_counter()
    page.show()
    _wait(app, model.loaded, lambda: bool(loads))
    app.processEvents()
    first_shown = time.perf_counter() - start
    if completed is not None:
        _wait(app, completed, complete)
    context.runner.wait(60)
    rows = model.rowCount()

    def timed(change) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
        loads.clear()
        before = model.page_reads
        start = time.perf_counter()
        change()
        _wait(app, model.loaded, lambda: bool(loads))
        app.processEvents()  # the view asks for the rows on screen and paints them
        shown = time.perf_counter() - start
        if completed is not None:
            _wait(app, completed, complete)
        context.runner.wait(60)
        every = time.perf_counter() - start
        assert model.page_reads > before or model.rowCount() == 0, "nothing was painted"
        return shown, every, model.rowCount()

    operations: list[tuple[str, object]] = []
    for number, column in enumerate(model.columns):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            name = f"sort {column.key} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"
            operations.append((name, lambda n=number, o=order: page.view.sortByColumn(n, o)))
    department = services.tables.facets().departments[0]
    base = TableQuery(sort="code")
    for name, query in (
            ("search 'SEO-01'", TableQuery("SEO-01", sort="code")),
            ("search '민원' (name)", TableQuery("민원", sort="code")),
            ("filter grade 1", base.with_filter("grade", "1")),
            ("filter category citizen", base.with_filter("category", "citizen")),
            ("filter department", base.with_filter("department", department)),
            ("filter department + sort name", TableQuery(sort="name").with_filter(
                "department", department)),
            ("no filter (sort code)", base)):
        operations.append((name, lambda q=query: model.set_query(q)))

    results = []
    for name, change in operations:
        samples = []
        for _ in range(repeat):
            # Step away first, so every sample really reloads.
            model.set_query(TableQuery(sort="id", descending=True))
            context.runner.wait(60)
            app.processEvents()
            samples.append(timed(change))
        shown = statistics.median(s[0] for s in samples)
        every = statistics.median(s[1] for s in samples)
        results.append({"name": name, "shown": shown, "all": every, "rows": samples[0][2]})

    raw = sqlite3.connect(db)
    floor = []
    for _ in range(repeat):
        start = time.perf_counter()
        ids = [r[0] for r in raw.execute("SELECT id FROM information_system")]
        floor.append(time.perf_counter() - start)
    raw.close()
    page.close()
    context.runner.shutdown()
    services.close()
    _report({"rows": rows, "first_shown": first_shown, "operations": results,
             "raw_ids": statistics.median(floor), "raw_count": len(ids)})


# --- the parent -------------------------------------------------------------------------


def database(scale: int) -> Path:
    path = CACHE / f"demo-{scale}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"building demo --scale {scale} into {path} (once) …", file=sys.stderr,
              flush=True)
        subprocess.run([sys.executable, "-m", "console", "--db", str(path), "demo", "--scale",
                        str(scale)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return path


def compile_tree(root: Path) -> None:
    """Byte-compile the measured tree's ``console`` package into its ``__pycache__`` folders
    (ignored by git), as an installed program has it: pip and the PyInstaller bundle ship
    byte-code. This machine's sessions run with PYTHONDONTWRITEBYTECODE=1, so without this
    every start compiles ~250 of our modules from source (0.2–0.45 s of CPU) while the
    libraries in the venv, and so the floor, load compiled byte-code. ``--source`` measures
    the old way (nothing compiled: what the runs before 2026-12-01 23:30 timed)."""
    import compileall

    compileall.compile_dir(str(root / "console"), quiet=1)


def run_child(*args: str, root: Path = ROOT) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root),
               BENCH_TREE=str(root))
    done = subprocess.run([sys.executable, __file__, "--child", *args], cwd=root, env=env,
                          capture_output=True, text=True)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    if done.returncode or not lines:
        raise RuntimeError(f"child {args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1][len("RESULT "):])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs="+")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-table", action="store_true")
    parser.add_argument("--skip-window", action="store_true")
    parser.add_argument("--source", action="store_true",
                        help="do not byte-compile the tree first (see compile_tree)")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            child_bare()
        elif kind == "floor":
            child_floor(Path(rest[0]), core_only=rest[1:] == ["core"])
        elif kind == "window":
            child_window(Path(rest[0]))
        else:
            child_table(Path(rest[0]), int(rest[1]))
        return
    globals()["CACHE"] = args.cache
    trees = [ROOT] if BEFORE is None else [ROOT, BEFORE]
    for tree in trees:
        if args.source:  # the byte-code of an earlier run would still be used
            import shutil

            for folder in (tree / "console").rglob("__pycache__"):
                shutil.rmtree(folder)
        else:
            compile_tree(tree)
    print(f"tree: {ROOT}" + (f", before: {BEFORE}" if BEFORE else "")
          + f" ({'source, no byte-code' if args.source else 'byte-compiled'})")

    print(f"{'measure':44} {'console':>10} {'baseline':>10} {'ratio':>7} {'peak RSS':>9}")
    if not args.skip_window:
        paths = {label: database(scale) for label, scale in SCALES.items() if scale <= 100}
        runs: dict[str, list[dict]] = {  # type: ignore[type-arg]
            "bare": [], "floor": [], "core floor": []}
        starts = [(label, path, ROOT) for label, path in paths.items()]
        if BEFORE is not None:
            starts += [(f"{label}, before", path, BEFORE) for label, path in paths.items()]
        for label, _path, _root in starts:
            runs[label] = []
        for _ in range(args.repeat):  # interleaved, so load on the machine hits both alike
            runs["bare"].append(run_child("bare"))
            runs["floor"].append(run_child("floor", str(paths["demo"])))
            runs["core floor"].append(run_child("floor", str(paths["demo"]), "core"))
            for label, path, root in starts:
                runs[label].append(run_child("window", str(path), root=root))
        bare = statistics.median(r["seconds"] for r in runs["bare"])
        bare_mb = max(r["peak_mb"] for r in runs["bare"])
        print(f"{'bare PySide6 window (QMainWindow shown)':44} {bare:9.2f}s {'':>10} {'':>7} "
              f"{bare_mb:7.0f}MB")
        floor = statistics.median(r["seconds"] for r in runs["floor"])
        core = statistics.median(r["seconds"] for r in runs["core floor"])
        core_cpu = statistics.median(r["cpu_seconds"] for r in runs["core floor"])
        print(f"{'  + SQLAlchemy core only, open, one count':44} {core:9.2f}s {bare:9.2f}s "
              f"{core / bare:6.1f}x {max(r['peak_mb'] for r in runs['core floor']):7.0f}MB"
              f"  (the floor before; CPU {core_cpu:.2f}s)")
        print(f"{'floor: + SQLAlchemy and ORM, open, one count':44} {floor:9.2f}s {bare:9.2f}s "
              f"{floor / bare:6.1f}x {max(r['peak_mb'] for r in runs['floor']):7.0f}MB")
        # Issue 12's target is against the floor (the bare window that also opens the store).
        floor_cpu = statistics.median(r["cpu_seconds"] for r in runs["floor"])
        for label, _path, _root in starts:
            seconds = statistics.median(r["seconds"] for r in runs[label])
            curve = statistics.median(r["curve_seconds"] for r in runs[label])
            peak = max(r["peak_mb"] for r in runs[label])
            name = f"populated board, {label} ({runs[label][0]['affected']} affected)"
            print(f"{name:44} {seconds:9.2f}s {floor:9.2f}s {seconds / floor:6.1f}x "
                  f"{peak:7.0f}MB")
            print(f"{'  … and its curve drawn':44} {curve:9.2f}s {floor:9.2f}s "
                  f"{curve / floor:6.1f}x")
            cpu = statistics.median(r["cpu_seconds"] for r in runs[label])
            print(f"{'  CPU time to the figures (floor: CPU too)':44} {cpu:9.2f}s "
                  f"{floor_cpu:9.2f}s {cpu / floor_cpu:6.1f}x")
        sys.stdout.flush()
    if not args.skip_table:
        path = database(470)
        table = run_child("table", str(path), str(args.repeat))
        rows = table["rows"]
        print(f"\nsystems table, {rows:,} rows: first screen {table['first_shown'] * 1000:.0f} ms;"
              f" plain sqlite3 fetch of every id {table['raw_ids'] * 1000:.0f} ms;"
              f" peak RSS {table['peak_mb']:.0f} MB")
        print(f"{'operation (median of ' + str(args.repeat) + ')':44} {'shown':>10} "
              f"{'all ids':>10} {'rows':>9}")
        for op in table["operations"]:
            print(f"{op['name']:44} {op['shown'] * 1000:8.0f}ms {op['all'] * 1000:8.0f}ms "
                  f"{op['rows']:9,}")
        worst = max(op["shown"] for op in table["operations"])
        print(f"{'worst (shown)':44} {worst * 1000:8.0f}ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
