"""``incident-console self-test``: how an installed program proves itself on a workstation.

Each step does in a temporary folder what a user would do on the first day (make the demo
database, verify it, print a situation report, show the board) and checks the result. The
steps run one after another, each inside its own ``try`` so one failure does not hide the
others; the exit status is 0 only if every step passed.

No Qt at import time (the runner is Qt-free): only the screenshot step imports the window
module, inside the step, after choosing Qt's offscreen platform. Nor does the runner import the
command line: ``console.cli``, whose ``self-test`` command this is, hands it in (``Cli``), so
the two do not import each other.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from console import __version__
from console.locate import migrations_dir, resource

DEMO_PASSWORD = "demo"  # every demo user's password (DESIGN.md §7)
REPORT_USER = "commander"  # may do everything operational, drafting a report included
MIN_SCREENSHOT_BYTES = 10_000  # a blank or broken window compresses to far less


class StepFailed(Exception):
    """A step's check did not hold; the message is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Cli:
    """The headless program under test, as ``console.cli`` hands it in: ``run(argv)`` is its
    ``main`` (the exit status), ``commands`` the subcommands this build has."""

    run: Callable[[list[str]], int]
    commands: Collection[str]


@dataclass
class Workspace:
    """The folder a self-test works in and the files its steps hand on to each other."""

    folder: Path
    lang: str = "ko"
    cli: Cli | None = None
    db: Path = field(init=False)
    report: Path = field(init=False)
    screenshot: Path = field(init=False)

    def __post_init__(self) -> None:
        self.db = self.folder / "selftest.sqlite"
        self.report = self.folder / "selftest-report.pdf"
        self.screenshot = self.folder / "selftest-board.png"

    def clear(self) -> None:
        """Remove what an earlier run left in a kept folder: a demo database is made anew."""
        for path in (self.db, self.report, self.screenshot):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


Step = tuple[str, Callable[[Workspace], None]]


# --- the steps -----------------------------------------------------------------------------


def find_program_data(work: Workspace) -> None:
    font = resource("fonts", "NanumGothic.ttf")
    if not font.is_file():
        raise StepFailed(f"the Korean font is missing: {font}")
    versions = sorted((migrations_dir() / "versions").glob("*.py"))
    if not versions:
        raise StepFailed(f"no database migrations in {migrations_dir() / 'versions'}")


def create_demo_database(work: Workspace) -> None:
    from console.services.app import Services
    from console.store.keyfile import KeyStore

    # The throw-away database's key stays in its folder, not in this user's key folder.
    services = Services.open(work.db, create=True, keys=KeyStore(work.folder / "keys"))
    try:
        services.demo.build()
    finally:
        services.close()


def verify_database(work: Workspace) -> None:
    from console.services.app import Services

    if not work.db.exists():
        raise StepFailed("no database to verify (creating it failed)")
    services = Services.open(work.db)
    try:
        findings = services.maintenance.verify()
    finally:
        services.close()
    if findings:
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise StepFailed(f"{findings[0]}{more}")


def render_report(work: Workspace) -> None:
    # Through the headless `report` command (DESIGN.md §7, a contract), not the reports
    # package's internals: the self-test then checks what a user runs, and keeps working while
    # the renderer's Python API changes.
    if work.cli is None:
        raise StepFailed("no command line to run 'report' with (run as 'incident-console "
                         "self-test')")
    if "report" not in work.cli.commands:
        raise StepFailed("report renderer missing (this build has no 'report' command)")
    argv = ["--db", str(work.db), "--lang", work.lang, "--user", REPORT_USER,
            "report", "--out", str(work.report)]
    errors = io.StringIO()
    with _environment(CONSOLE_PASSWORD=DEMO_PASSWORD), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(errors):
        try:
            status = work.cli.run(argv)
        except SystemExit as exit_:  # argparse refusing the command line
            status = exit_.code if isinstance(exit_.code, int) else 2
    if status != 0:
        reason = errors.getvalue().strip().splitlines()
        raise StepFailed(f"'report' exited {status}" + (f": {reason[-1]}" if reason else ""))
    check_pdf(work.report)


def board_screenshot(work: Workspace) -> None:
    # Offscreen: the self-test must work over SSH, in CI and on a locked screen alike.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from console.ui.app import take_screenshot
    except ImportError as error:
        raise StepFailed(f"the window module cannot be loaded: {error}") from error
    if not work.db.exists():
        raise StepFailed("no database to show (creating it failed)")
    status = take_screenshot(work.db, "board", work.screenshot, work.lang)
    if status not in (0, None):
        raise StepFailed(f"the screenshot exited {status}")
    check_png(work.screenshot)


STEPS: list[Step] = [
    ("find program data", find_program_data),
    ("create demo database", create_demo_database),
    ("verify database", verify_database),
    ("render situation report", render_report),
    ("board screenshot", board_screenshot),
]


# --- checks on the files the steps make ----------------------------------------------------

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def check_pdf(path: Path) -> int:
    """The number of pages; StepFailed unless ``path`` is a PDF with at least one page."""
    if not path.is_file():
        raise StepFailed(f"no PDF was written to {path.name}")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise StepFailed(f"{path.name} is not a PDF")
    # reportlab writes plain page objects (no object streams), so counting them is exact.
    pages = len(_PAGE.findall(data))
    if pages == 0:
        raise StepFailed(f"{path.name} has no pages")
    return pages


def check_png(path: Path) -> None:
    """StepFailed unless ``path`` is a PNG big enough and of more than one colour."""
    if not path.is_file():
        raise StepFailed(f"no PNG was written to {path.name}")
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise StepFailed(f"{path.name} is not a PNG")
    if len(data) < MIN_SCREENSHOT_BYTES:
        raise StepFailed(f"{path.name} is only {len(data)} bytes: the window drew next to nothing")
    from console.ui.app import sample_colours  # Qt stays under console/ui; it is loaded already

    colours = sample_colours(path)
    if colours is None:
        raise StepFailed(f"{path.name} cannot be read as an image")
    if colours < 2:
        raise StepFailed(f"{path.name} is a single colour")


# --- the runner ----------------------------------------------------------------------------


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_steps(steps: Sequence[Step], work: Workspace, out: TextIO) -> int:
    """Run every step, print one line each; the number of steps that failed."""
    failed = 0
    for name, function in steps:
        started = time.perf_counter()
        try:
            function(work)
        except StepFailed as error:
            reason = str(error)
        except Exception as error:  # any crash is this step's failure, not the run's end
            reason = f"{type(error).__name__}: {error}".rstrip(": ")
        else:
            print(f"ok   {name} ({time.perf_counter() - started:.1f} s)", file=out, flush=True)
            continue
        failed += 1
        print(f"FAIL {name}: {reason}", file=out, flush=True)
    return failed


def run_self_test(keep: Path | None = None, lang: str = "ko", out: TextIO | None = None,
                  steps: Sequence[Step] | None = None, cli: Cli | None = None) -> int:
    """Exit status: 0 if every step passed, 1 otherwise. ``keep`` keeps the files made;
    ``cli`` is the program whose commands the report step runs."""
    out = out or sys.stdout
    steps = STEPS if steps is None else steps
    with contextlib.ExitStack() as stack:
        if keep is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(
                prefix="incident-console-selftest-", ignore_cleanup_errors=True)))
        else:
            folder = keep
            folder.mkdir(parents=True, exist_ok=True)
        work = Workspace(folder, lang, cli)
        work.clear()
        print(f"incident-console {__version__} self-test in {folder}", file=out, flush=True)
        failed = run_steps(steps, work, out)
    passed = len(steps) - failed
    verdict = "passed" if failed == 0 else "FAILED"
    print(f"self-test {verdict}: {passed} of {len(steps)} steps ok", file=out, flush=True)
    return 0 if failed == 0 else 1
