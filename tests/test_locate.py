"""console.locate finds resources/ and db/ in the source tree, a wheel install and the frozen
build (DESIGN.md §1)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from console import locate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_lookup() -> Iterator[None]:
    """data_root caches its answer; each test looks afresh and leaves no answer behind."""
    locate.data_root.cache_clear()
    yield
    locate.data_root.cache_clear()


def test_source_tree() -> None:
    assert locate.data_root("resources") == ROOT / "resources"
    assert locate.migrations_dir() == ROOT / "db"
    assert locate.resource("fonts", "NanumGothic.ttf").is_file()
    assert list((locate.migrations_dir() / "versions").glob("*.py"))


def test_frozen_layout_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PyInstaller sets sys._MEIPASS to the bundle's data folder (_internal/ of the one-folder
    # build); the spec puts resources/ and db/ at its root.
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "db" / "versions").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert locate.data_root("resources") == tmp_path / "resources"
    assert locate.migrations_dir() == tmp_path / "db"
    assert locate.resource("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_frozen_layout_missing_a_folder_says_where_it_looked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(FileNotFoundError, match="'nothing-here' not found; looked in: ") as error:
        locate.data_root("nothing-here")
    assert str(tmp_path / "nothing-here") in str(error.value)
    assert str(ROOT / "console" / "_data" / "nothing-here") in str(error.value)


@pytest.mark.slow
def test_wheel_carries_the_data_and_the_locator_finds_it(tmp_path: Path) -> None:
    # pip builds the wheel in an isolated environment with the setuptools pyproject asks for;
    # setup.py's build hook copies resources/ and db/ into console/_data/.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--disable-pip-version-check", str(ROOT), "-w", str(tmp_path / "wheel")],
                   check=True, cwd=tmp_path)
    (wheel,) = (tmp_path / "wheel").glob("incident_console-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    data = site / "console" / "_data"
    assert (data / "resources" / "fonts" / "NanumGothic.ttf").is_file()
    assert (data / "resources" / "fonts" / "LICENSE-NanumGothic.txt").is_file()
    assert {p.name for p in (data / "db" / "versions").glob("*.py")} == {
        p.name for p in (ROOT / "db" / "versions").glob("*.py")}
    assert (data / "db" / "env.py").is_file()
    assert not list(data.rglob("__pycache__"))
    # The unpacked wheel, and not this source tree, on a Python without site-packages (-S:
    # no editable-install finder) started elsewhere.
    probe = ("from console import locate; "
             "print(locate.data_root('resources')); print(locate.migrations_dir())")
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-S", "-c", probe], env=env, cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [str(data / "resources"), str(data / "db")]
