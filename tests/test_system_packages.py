"""dev.py's own installer of Debian packages (packaging/system_packages.py), against stand-in
apt-get and apt-cache programs on PATH that record what they were asked: the real ones would
change this machine."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_system_packages_test", ROOT / "packaging" / "system_packages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _program(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\necho \"{name} $*\" >> \"{folder}/calls\"\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def apt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("apt-get is a Debian/Ubuntu tool")
    # apt-cache knows libglib2.0-0t64 but not libglib2.0-0 (Debian 13's rename).
    _program(tmp_path, "apt-cache", 'case "$2" in *t64|chromium) exit 0;; *) exit 100;; esac')
    _program(tmp_path, "apt-get", "exit 0")
    _program(tmp_path, "sudo", 'shift; [ "$1" = true ] && exit 0; exec "$@"')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return tmp_path


def test_installs_with_the_renamed_package(apt: Path) -> None:
    assert _module().install(["libglib2.0-0", "chromium"]) is True
    calls = (apt / "calls").read_text().splitlines()
    install = next(line for line in calls if line.startswith("apt-get install"))
    assert install.endswith("--no-install-recommends libglib2.0-0t64 chromium")
    assert calls.index("apt-get update -qq") < calls.index(install)


def test_nothing_to_install_asks_nothing(apt: Path) -> None:
    assert _module().install([]) is True
    assert not (apt / "calls").exists()


def test_a_failing_apt_get_is_reported(apt: Path) -> None:
    _program(apt, "apt-get", "exit 100")
    assert _module().install(["chromium"]) is False
