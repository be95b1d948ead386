"""Debian/Ubuntu packages the two commands install themselves, when this process may.

``python3 dev.py run`` and ``python3 dev.py test`` must do all the set-up on a fresh machine
that has only python3: Qt's platform plugins link system libraries the PySide6 wheels do not
bundle, and the status-page test drives Debian's chromium. When a package is missing and the
process runs as root, or may use ``sudo`` without a password, it is installed with apt-get;
otherwise the caller prints the one ``sudo apt-get install ...`` line and stops (or, for an
optional tool, goes on and the test that needs it says why it skipped).

Standard library only: dev.py loads this file by path with the system Python, before any
virtual environment exists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence


def _privilege() -> list[str] | None:
    """The prefix that runs apt-get as root here ([] as root), or None when nothing can."""
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") is None:
        return None
    probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
    return ["sudo", "-n"] if probe.returncode == 0 else None


def can_install() -> bool:
    return _privilege() is not None


def _debian_name(package: str) -> str:
    """Debian 13 / Ubuntu 24.04 renamed some libraries for 64-bit time_t (libglib2.0-0t64)."""
    if _known(package) or not _known(f"{package}t64"):
        return package
    return f"{package}t64"


def _known(package: str) -> bool:
    result = subprocess.run(["apt-cache", "show", package], capture_output=True, check=False)
    return result.returncode == 0


def install(packages: Sequence[str]) -> bool:
    """apt-get install ``packages``; True when they are installed, False when this cannot."""
    prefix = _privilege()
    if prefix is None or not packages:
        return not packages
    print(f"==> apt-get install {' '.join(packages)}", flush=True)
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False)
    if update.returncode:
        return False
    names = [_debian_name(package) for package in packages]
    command = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
               "-qq", "--no-install-recommends", *names]
    return subprocess.run(command, check=False).returncode == 0
