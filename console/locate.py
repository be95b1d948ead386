"""Find the program's data folders (resources/, db/) in every way it can be installed.

Order: a frozen build (PyInstaller puts data beside the executable in ``sys._MEIPASS``),
then the source tree or editable install (folders beside the ``console`` package),
then a wheel install (data copied into ``console/_data``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR.parent)
    roots.append(_PACKAGE_DIR / "_data")
    return roots


@cache
def data_root(name: str) -> Path:
    """The folder ``name`` (``resources`` or ``db``), or FileNotFoundError naming where we looked."""
    tried = []
    for root in _candidates():
        candidate = root / name
        tried.append(str(candidate))
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"program data folder '{name}' not found; looked in: {', '.join(tried)}")


def resource(*parts: str) -> Path:
    return data_root("resources").joinpath(*parts)


def migrations_dir() -> Path:
    return data_root("db")
