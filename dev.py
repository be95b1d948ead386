#!/usr/bin/env python3
"""The two commands: run the console on a demo database, or run the whole test suite.

    python3 dev.py run [console args]    open the window on ./demo.sqlite (made on first use)
    python3 dev.py test [pytest args]    ruff, import contracts, mypy, then pytest (all tests)

Needs only python3 (3.11 or newer) and the standard library. Both commands create or refresh a
virtual environment in .venv/ beside this file and install the project into it. Debian and
Ubuntu ship python3 without ensurepip unless python3-venv is installed; then the environment is
made without pip and pip is bootstrapped from its wheel on PyPI (checked against PyPI's sha256).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEFAULT_DB = ROOT / "demo.sqlite"
PIP_JSON_URL = "https://pypi.org/pypi/pip/json"
DEMO_USERS = (
    "commander",
    "deputy",
    "controller",
    "situation",
    "systems",
    "network",
    "continuity",
    "press",
    "observer",
)
# Global options of incident-console that take a value (DESIGN.md §7).
VALUE_OPTIONS = ("--db", "--lang", "--user")
SKIP_CHECK_ENV = "CONSOLE_SKIP_DESKTOP_CHECK"


class DevError(Exception):
    """A step failed; the message is one line telling the user what and what to do."""


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def venv_bin(name: str) -> Path:
    if sys.platform == "win32":
        return VENV / "Scripts" / (name + (".exe" if not name.endswith(".exe") else ""))
    return VENV / "bin" / name


def run_checked(args: Sequence[str | Path], what: str) -> None:
    command = [str(a) for a in args]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise DevError(f"{what} failed (exit {result.returncode}): {' '.join(command)}")


# --- virtual environment -------------------------------------------------------------------


def _venv_is_usable() -> bool:
    python = venv_bin("python")
    if not python.exists():
        return False
    probe = "import sys, pip; sys.exit(0 if sys.version_info >= (3, 11) else 1)"
    result = subprocess.run([str(python), "-c", probe], capture_output=True, check=False)
    return result.returncode == 0


def ensure_venv() -> None:
    """Create .venv (or repair one whose interpreter or pip is gone)."""
    if _venv_is_usable():
        return
    if importlib.util.find_spec("venv") is None:
        raise DevError(
            "this python3 has no 'venv' module; install it with: sudo apt-get install python3-venv"
        )
    step(f"creating the virtual environment {VENV.relative_to(ROOT)}/")
    base = [sys.executable, "-m", "venv", "--clear", str(VENV)]
    result = subprocess.run(base, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode == 0 and _venv_is_usable():
        return
    if importlib.util.find_spec("ensurepip") is not None and "ensurepip" not in (
        result.stdout + result.stderr
    ):
        sys.stderr.write(result.stdout + result.stderr)
        raise DevError(f"'{' '.join(base)}' failed (exit {result.returncode})")
    step("python3 has no ensurepip (Debian without python3-venv): bootstrapping pip from PyPI")
    run_checked([*base[:-1], "--without-pip", str(VENV)], "creating the virtual environment")
    bootstrap_pip()


def _pip_wheel_from_pypi() -> tuple[str, str, str]:
    """(filename, url, sha256) of the newest pip py3-none-any wheel, from PyPI's JSON API."""
    try:
        with urllib.request.urlopen(PIP_JSON_URL, timeout=60) as response:
            base_url = response.geturl()
            info = json.load(response)
    except OSError as error:
        raise DevError(f"cannot reach {PIP_JSON_URL} to bootstrap pip: {error}") from error
    for entry in info.get("urls", []):
        filename = entry.get("filename", "")
        if entry.get("packagetype") == "bdist_wheel" and filename.endswith("py3-none-any.whl"):
            url = urllib.parse.urljoin(base_url, entry["url"])  # mirrors may answer relative
            return filename, url, entry["digests"]["sha256"]
    raise DevError(f"{PIP_JSON_URL} lists no py3-none-any wheel for pip")


def bootstrap_pip() -> None:
    """Install pip into a venv made with --without-pip, from pip's own wheel (run from its path)."""
    filename, url, sha256 = _pip_wheel_from_pypi()
    step(f"downloading {filename}")
    with tempfile.TemporaryDirectory(prefix="dev-pip-") as tmp:
        wheel = Path(tmp) / filename
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                wheel.write_bytes(response.read())
        except OSError as error:
            raise DevError(f"cannot download {url}: {error}") from error
        actual = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if actual != sha256:
            raise DevError(f"{filename} has sha256 {actual}, PyPI says {sha256}; not installing it")
        step(f"installing {filename} into the virtual environment")
        run_checked(
            [
                venv_bin("python"),
                wheel / "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-warn-script-location",
                wheel,
            ],
            "bootstrapping pip",
        )


def _stamp(extras: str) -> Path:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + b"\0" + extras.encode())
    return VENV / f".installed-{digest.hexdigest()}"


def ensure_installed(extras: str = "") -> None:
    """``pip install -e .[extras]`` unless already done for this pyproject.toml and these extras.

    The ``test`` extras include everything the plain install has, so they satisfy ``run`` too.
    """
    ensure_venv()
    candidates = [_stamp(extras)] + ([] if extras else [_stamp("test")])
    if any(stamp.exists() for stamp in candidates):
        return
    target = f".[{extras}]" if extras else "."
    step(f"installing the project into .venv (pip install -e '{target}'); this takes a while once")
    run_checked(
        [
            venv_bin("python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        "pip install",
    )
    _stamp(extras).touch()


# --- desktop check -------------------------------------------------------------------------


def _load_by_path(relative: str, name: str) -> ModuleType:
    """A standard-library-only module of the tree, loaded by path: no venv, no Qt, no package."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise DevError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses/typing look modules up by name
    spec.loader.exec_module(module)
    return module


def _desktop_check_module() -> ModuleType:
    return _load_by_path("console/desktop_check.py", "_console_desktop_check")


def _system_packages_module() -> ModuleType:
    return _load_by_path("packaging/system_packages.py", "_console_system_packages")


def check_desktop(environ: dict[str, str] | None = None) -> None:
    """Stop with install hints if Qt cannot start here (skip with CONSOLE_SKIP_DESKTOP_CHECK=1)."""
    if os.environ.get(SKIP_CHECK_ENV) == "1":
        return
    check = _desktop_check_module()
    missing: list[str] = check.missing_desktop_parts(environ)
    packages: list[str] = check.missing_packages(missing)
    if packages and _system_packages_module().install(packages):
        missing = check.missing_desktop_parts(environ)  # installed here, as root or by sudo
    if not missing:
        return
    for hint in missing:
        print(f"    {hint}", file=sys.stderr)
    command = check.apt_install_hint(missing)
    if command:
        print(f"    install them with: {command}", file=sys.stderr)
    raise DevError(
        f"this machine cannot show Qt yet (see above); set {SKIP_CHECK_ENV}=1 to try anyway"
    )


# --- run -----------------------------------------------------------------------------------


def split_db_option(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """Take ``--db PATH`` / ``--db=PATH`` out of ``args`` (the last one wins)."""
    db: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db" and i + 1 < len(args):
            db = args[i + 1]
            i += 2
            continue
        if arg.startswith("--db="):
            db = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return db, rest


def wants_window(args: Sequence[str]) -> bool:
    """True when incident-console will open the window: no subcommand and no --help/--version."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-h", "--help", "--version"):
            return False
        if arg in VALUE_OPTIONS:
            i += 2
            continue
        if not arg.startswith("-"):
            return False  # a subcommand: headless
        i += 1
    return True


def _remove_database(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def command_run(args: list[str]) -> int:
    db_arg, rest = split_db_option(args)
    db = Path(db_arg).expanduser().resolve() if db_arg else DEFAULT_DB
    helping = any(arg in ("-h", "--help", "--version") for arg in rest)
    window = wants_window(rest)
    if window:
        step("checking that this desktop can show a Qt window")
        check_desktop()
    ensure_installed()
    console = venv_bin("incident-console")
    if not helping and not db.exists():
        step(f"creating the demo database {db}")
        try:
            run_checked([console, "--db", db, "demo"], "creating the demo database")
        except DevError:
            _remove_database(db)  # a half-made file would be opened next time
            raise
    if window:
        step(f"opening the console on {db}")
        print(f"    demo logins: {', '.join(DEMO_USERS)}; password: demo", flush=True)
    command = [str(console), "--db", str(db), *rest]
    sys.stdout.flush()
    sys.stderr.flush()
    if sys.platform == "win32":
        return subprocess.run(command, cwd=ROOT, check=False).returncode
    os.execv(command[0], command)
    return 0  # not reached


# --- test ----------------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser")


def ensure_browser() -> None:
    """Debian's chromium for the status-page test, installed here when this process may.

    Without it that one test skips saying why, except under CI=true, where it fails."""
    if any(shutil.which(name) for name in BROWSERS) or not sys.platform.startswith("linux"):
        return
    step("installing Debian's chromium (the public status page is tested in a real browser)")
    if not _system_packages_module().install(["chromium"]):
        print("    cannot install it here (needs root or sudo without a password); the browser "
              "test will skip: sudo apt-get install chromium", flush=True)



def command_test(args: list[str]) -> int:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if env.get("CI", "").lower() == "true":
        env["CONSOLE_REQUIRE_ALL"] = "1"
    step("checking the libraries Qt's offscreen platform needs")
    check_desktop(env)
    ensure_browser()
    ensure_installed("test")

    step("ruff check .")
    if subprocess.run([str(venv_bin("ruff")), "check", "."], cwd=ROOT, env=env).returncode:
        raise DevError("ruff found problems (see above); '.venv/bin/ruff check --fix .' fixes some")
    step("lint-imports (the layer contracts in pyproject.toml)")
    if subprocess.run([str(venv_bin("lint-imports"))], cwd=ROOT, env=env).returncode:
        raise DevError("an import contract is broken (see above and [tool.importlinter])")
    step("mypy (types; the modules it does not check yet are listed in [tool.mypy])")
    if subprocess.run([str(venv_bin("mypy"))], cwd=ROOT, env=env).returncode:
        raise DevError("mypy found type errors (see above and [tool.mypy] in pyproject.toml)")
    step("pytest " + " ".join(args))
    code = subprocess.run([str(venv_bin("pytest")), *args], cwd=ROOT, env=env).returncode
    if code == 5:
        print("dev.py: pytest collected no tests", file=sys.stderr)
    elif code:
        print(f"dev.py: tests failed (pytest exit {code})", file=sys.stderr)
    return code


# --- entry point ---------------------------------------------------------------------------

USAGE = """usage: python3 dev.py run [console args]   open the console on ./demo.sqlite
       python3 dev.py test [pytest args]  ruff check, lint-imports, mypy, then pytest

run:  creates .venv/ and installs the project, makes ./demo.sqlite on first use (another
      database with --db PATH), then starts .venv/bin/incident-console --db demo.sqlite [args].
      Demo logins: commander, deputy, controller, situation, systems, network, continuity,
      press, observer; password: demo.
test: QT_QPA_PLATFORM=offscreen; with CI=true also CONSOLE_REQUIRE_ALL=1 (missing PostgreSQL
      fails instead of skipping). Example subsets: python3 dev.py test -m 'not slow',
      python3 dev.py test tests/test_desktop_check.py -k wayland"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if sys.version_info < (3, 11):  # noqa: UP036 -- Ubuntu 22.04 ships 3.10
        print("dev.py: needs Python 3.11 or newer", file=sys.stderr)
        return 1
    if not args or args[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    commands = {"run": command_run, "test": command_test}
    if command not in commands:
        print(f"dev.py: unknown command {command!r}\n{USAGE}", file=sys.stderr)
        return 2
    try:
        return commands[command](rest)
    except DevError as error:
        print(f"dev.py: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
