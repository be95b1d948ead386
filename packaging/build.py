"""Build the frozen program: ``python3 packaging/build.py`` → dist/incident-console/.

Runs with any Python 3.11+ (the system one is fine): it creates or reuses .venv through
dev.py, installs the project with its ``build`` extra (PyInstaller), runs PyInstaller on
packaging/incident-console.spec, prints the folder's size and the time taken, and with
``--self-test`` runs the built program's ``self-test``. The same command works on Windows.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "incident-console.spec"
NAME = "incident-console"


def _dev() -> ModuleType:
    """dev.py, loaded by path: it owns the virtual environment (creation, pip bootstrap)."""
    spec = importlib.util.spec_from_file_location("_console_dev", ROOT / "dev.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"build.py: cannot load {ROOT / 'dev.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def program(dist: Path) -> Path:
    """The built executable that runs commands (on Windows the console one)."""
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}-cli.exe"
    return dist / NAME / NAME


def build(dist: Path, work: Path, clean: bool) -> float:
    dev = _dev()
    try:
        dev.ensure_installed("build")
    except dev.DevError as error:
        raise SystemExit(f"build.py: {error}") from error
    command = [str(dev.venv_bin("python")), "-m", "PyInstaller", "--noconfirm",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    print(f"==> {' '.join(command)}", flush=True)
    started = time.perf_counter()
    # PYTHONOPTIMIZE would strip docstrings that argparse and Alembic read.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONOPTIMIZE"}
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"build.py: PyInstaller failed (exit {result.returncode})")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the program folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache")
    parser.add_argument("--self-test", action="store_true",
                        help="run the built program's self-test afterwards")
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 -- this file is run by whatever python3 is
        print("build.py: needs Python 3.11 or newer", file=sys.stderr)
        return 1
    seconds = build(args.dist.resolve(), args.work.resolve(), args.clean)
    folder = args.dist.resolve() / NAME
    size = folder_size(folder)
    print(f"built {folder} in {seconds:.0f} s: {size / 1e6:.0f} MB "
          f"({sum(1 for _ in folder.rglob('*'))} files)", flush=True)
    if args.self_test:
        return subprocess.run([str(program(args.dist.resolve())), "self-test"],
                              check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
