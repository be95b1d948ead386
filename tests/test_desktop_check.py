"""The pre-Qt desktop check: which libraries and display a Linux desktop lacks (no Qt here)."""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
import sys
from collections.abc import Callable, Iterable

import pytest

from console import desktop_check
from console.desktop_check import apt_install_hint, missing_desktop_parts, missing_packages

ALL_LIBRARIES = (
    desktop_check.BASE_LIBRARIES + desktop_check.XCB_LIBRARIES + desktop_check.WAYLAND_LIBRARIES
)


def _pretend_missing(monkeypatch: pytest.MonkeyPatch, absent: Iterable[str]) -> None:
    """Make find_library (and the dlopen fallback) see every library except ``absent``."""
    absent_names = set(absent)
    absent_sonames = {soname for name, soname, _ in ALL_LIBRARIES if name in absent_names}

    def find_library(name: str) -> str | None:
        return None if name in absent_names else f"lib{name}.so.1"

    def cdll(soname: str, *args: object, **kwargs: object) -> object:
        if soname in absent_sonames:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()

    monkeypatch.setattr(ctypes.util, "find_library", find_library)
    monkeypatch.setattr(ctypes, "CDLL", cdll)


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch) -> Callable[[Iterable[str]], None]:
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    return lambda absent: _pretend_missing(monkeypatch, absent)


def test_complete_x11_desktop_lacks_nothing(linux, monkeypatch: pytest.MonkeyPatch) -> None:
    linux([])
    monkeypatch.setenv("DISPLAY", ":0")
    assert missing_desktop_parts() == []
    assert apt_install_hint([]) == ""


def test_missing_xcb_libraries_name_their_debian_packages(
    linux, monkeypatch: pytest.MonkeyPatch
) -> None:
    linux(["xcb-cursor", "xcb-icccm", "xcb-keysyms"])
    monkeypatch.setenv("DISPLAY", ":0")
    missing = missing_desktop_parts()
    assert missing == [
        "libxcb-cursor.so.0 is missing (Debian/Ubuntu package libxcb-cursor0)",
        "libxcb-icccm.so.4 is missing (Debian/Ubuntu package libxcb-icccm4)",
        "libxcb-keysyms.so.1 is missing (Debian/Ubuntu package libxcb-keysyms1)",
    ]
    assert apt_install_hint(missing) == (
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


def test_every_library_maps_to_one_package(linux, monkeypatch: pytest.MonkeyPatch) -> None:
    linux([name for name, _, _ in ALL_LIBRARIES])
    monkeypatch.setenv("DISPLAY", ":0")
    missing = missing_desktop_parts()
    expected = [pkg for _, _, pkg in desktop_check.BASE_LIBRARIES + desktop_check.XCB_LIBRARIES]
    assert missing_packages(missing) == expected
    assert "libgl1" in expected and "libxcb-cursor0" in expected and "libegl1" in expected
    hint = apt_install_hint(missing)
    assert hint.startswith("sudo apt-get install libgl1 ")
    assert "\n" not in hint


def test_no_display_is_reported(linux) -> None:
    linux([])
    assert missing_desktop_parts() == [desktop_check.NO_DISPLAY_HINT]
    assert apt_install_hint([desktop_check.NO_DISPLAY_HINT]) == ""


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "OFFSCREEN", "offscreen:x=1"])
def test_headless_platforms_need_no_display_nor_xcb(
    linux, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    linux(["xcb-cursor", "xcb"])
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    assert missing_desktop_parts() == []


def test_headless_platforms_still_need_the_base_libraries(
    linux, monkeypatch: pytest.MonkeyPatch
) -> None:
    linux(["GL", "fontconfig"])
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert missing_packages(missing_desktop_parts()) == ["libgl1", "libfontconfig1"]


def test_wayland_session_checks_wayland_libraries(linux, monkeypatch: pytest.MonkeyPatch) -> None:
    linux(["wayland-cursor", "xcb-cursor"])
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert missing_packages(missing_desktop_parts()) == ["libwayland-cursor0"]
    # With XWayland alongside, Qt may use xcb, so those libraries count.
    monkeypatch.setenv("DISPLAY", ":0")
    assert missing_packages(missing_desktop_parts()) == ["libxcb-cursor0"]
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert missing_packages(missing_desktop_parts()) == ["libwayland-cursor0"]


def test_explicit_environ_mapping_is_used(linux) -> None:
    linux(["xcb-icccm"])
    assert missing_desktop_parts({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert missing_packages(missing_desktop_parts({"DISPLAY": ":1"})) == ["libxcb-icccm4"]


def test_found_by_loader_when_not_in_ldconfig_cache(linux, monkeypatch: pytest.MonkeyPatch) -> None:
    linux([])
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert missing_desktop_parts({"DISPLAY": ":0"}) == []


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_need_nothing(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    _pretend_missing(monkeypatch, [name for name, _, _ in ALL_LIBRARIES])
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert missing_desktop_parts() == []


def test_runs_without_importing_qt() -> None:
    code = (
        "import sys, console.desktop_check as d; d.missing_desktop_parts(); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
