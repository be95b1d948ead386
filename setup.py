"""Only a build hook: everything else about the package is declared in pyproject.toml.

A wheel must carry the program's data folders, ``resources/`` and ``db/``, which live beside
the ``console`` package in the source tree (the customer's layout). They are copied into the
built package as ``console/_data/resources`` and ``console/_data/db``, where
``console.locate`` looks for them after a wheel install. An editable install needs no copy:
the locator finds the folders in the source tree.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("resources", "db")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in DATA_FOLDERS:
            target = Path(self.build_lib) / "console" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)  # no stale files from an earlier build
            shutil.copytree(ROOT / name, target,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithData})
