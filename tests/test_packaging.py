"""The installable program: one version, the About dialog's licences, the desktop entry and
icons, and (slow) the frozen build running its self-test with no Python environment around."""

from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

import console
from console.ui.about import AboutDialog, shipped_licences

ROOT = Path(__file__).resolve().parent.parent
NAME = "incident-console"
ICONS = ROOT / "resources" / "icons" / "app"
BUILD_BUDGET_S = 300  # the whole build, on the 2-core CI machine


def declared_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_version_is_declared_once_and_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert console.__version__ == declared_version()
    from console.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"{NAME} {declared_version()}"


def test_shipped_licences_come_from_metadata() -> None:
    licences = {name: licence for name, _, licence in shipped_licences()}
    assert "LGPL-3.0" in licences["Qt / PySide6"]
    assert licences["NanumGothic"] == "OFL-1.1"
    assert licences["SQLAlchemy"] == licences["Alembic"] == licences["pyqtgraph"] == "MIT"
    assert "BSD" in licences["ReportLab"]
    assert "Apache-2.0" in licences["cryptography"] and "BSD" in licences["cryptography"]
    assert licences["openpyxl"] == licences["argon2-cffi"] == licences["platformdirs"] == "MIT"
    assert licences["psycopg"].startswith("LGPL-3.0")
    versions = {name: version for name, version, _ in shipped_licences()}
    assert versions["incident-console"] == declared_version()
    assert versions["SQLAlchemy"]  # read from the installed package, not written here


def test_about_dialog(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert declared_version() in dialog.version_label.text()
    text = dialog.licences.toPlainText()
    for expected in ("PySide6", "LGPL-3.0", "NanumGothic", "OFL-1.1", "SIL OPEN FONT LICENSE",
                     "ReportLab", "psycopg", "platformdirs", "Apache-2.0"):
        assert expected in text


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "linux" / f"{NAME}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == NAME
    assert section["Icon"] == NAME
    assert section["Name[ko]"] and section["Terminal"] == "false"
    assert section["Categories"].endswith(";")


def test_icon_set() -> None:
    assert (ICONS / f"{NAME}.svg").read_text("utf-8").startswith("<svg")
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = (ICONS / f"{NAME}-{size}.png").read_bytes()
        assert png.startswith(b"\x89PNG")
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (ICONS / f"{NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)


def test_inno_setup_script_uses_the_build_folder_and_version() -> None:
    script = (ROOT / "packaging" / "windows" / f"{NAME}.iss").read_text("utf-8")
    assert r"dist\incident-console" in script
    assert "VERSION" in script and "PrivilegesRequiredOverridesAllowed" in script


def _console_modules() -> set[str]:
    names = set()
    for path in (ROOT / "console").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.slow
def test_frozen_build_runs_its_self_test_without_python(tmp_path: Path) -> None:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"),
                    "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
                   check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    folder = tmp_path / "dist" / NAME
    program = folder / (f"{NAME}-cli.exe" if sys.platform == "win32" else NAME)

    # Every module of the program is inside, the ones loaded by name included.
    listing = subprocess.run(
        [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-r", "-b",
         str(program)], capture_output=True, text=True, check=True).stdout
    bundled = {line.strip() for line in listing.splitlines()}
    assert _console_modules() - bundled == set()
    assert (folder / "_internal" / "resources" / "fonts" / "NanumGothic.ttf").is_file()
    assert (folder / "_internal" / "db" / "env.py").is_file()
    assert (folder / "VERSION").read_text().strip() == declared_version()
    if sys.platform != "win32":
        assert (folder / "share" / "applications" / f"{NAME}.desktop").is_file()
        assert (folder / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{NAME}.png"
                ).is_file()

    # A clean environment: no PYTHONPATH, no virtual environment on PATH, started elsewhere.
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    if sys.platform == "win32":
        system_root = os.environ["SYSTEMROOT"]
        env = {"PATH": system_root + r"\system32", "USERPROFILE": str(home),
               "SYSTEMROOT": system_root}
    version = subprocess.run([str(program), "--version"], env=env, cwd=home,
                             capture_output=True, text=True, timeout=120)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"{NAME} {declared_version()}"
    result = subprocess.run([str(program), "self-test"], env=env, cwd=home,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed:"), result.stdout
    assert seconds < BUILD_BUDGET_S, f"the build took {seconds:.0f} s"
