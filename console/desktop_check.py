"""What a Linux desktop lacks to show Qt's window, checked *before* PySide6 is imported.

PySide6's wheels bundle Qt but not the system libraries Qt's platform plugins link against. On a
fresh Debian/Ubuntu machine a missing one makes Qt abort with "Could not load the Qt platform
plugin "xcb"", which tells the user nothing about what to install. This module names the missing
libraries together with the Debian/Ubuntu package that ships each, so the caller can print one
``sudo apt-get install ...`` line instead.

The lists below come from ``readelf -d`` (NEEDED entries) of PySide6 6.12's
``Qt/plugins/platforms/libqxcb.so``, ``libqwayland.so``, ``libqoffscreen.so`` and of
``libQt6Gui``, ``libQt6XcbQpa``, ``libQt6DBus`` and ``libQt6Core``.

Standard library only and no Qt import: ``dev.py`` loads this file by path with the system
Python, and ``console.cli`` may call it before the window module is imported.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import sys
from collections.abc import Iterable, Mapping

# (name as ctypes.util.find_library spells it, soname Qt links against, Debian/Ubuntu package)
Library = tuple[str, str, str]

#: Needed by Qt whatever the platform plugin, including ``offscreen`` (libqoffscreen links libX11
#: and libGL; libQt6Gui links libEGL, fontconfig, freetype and glib).
BASE_LIBRARIES: tuple[Library, ...] = (
    ("GL", "libGL.so.1", "libgl1"),
    ("EGL", "libEGL.so.1", "libegl1"),
    ("xkbcommon", "libxkbcommon.so.0", "libxkbcommon0"),
    ("fontconfig", "libfontconfig.so.1", "libfontconfig1"),
    ("freetype", "libfreetype.so.6", "libfreetype6"),
    ("glib-2.0", "libglib-2.0.so.0", "libglib2.0-0"),
    ("dbus-1", "libdbus-1.so.3", "libdbus-1-3"),
    ("X11", "libX11.so.6", "libx11-6"),
)

#: Needed by the ``xcb`` platform plugin (X11 sessions, and XWayland).
XCB_LIBRARIES: tuple[Library, ...] = (
    ("xkbcommon-x11", "libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("X11-xcb", "libX11-xcb.so.1", "libx11-xcb1"),
    ("xcb", "libxcb.so.1", "libxcb1"),
    ("xcb-cursor", "libxcb-cursor.so.0", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm.so.4", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image.so.0", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("xcb-randr", "libxcb-randr.so.0", "libxcb-randr0"),
    ("xcb-render", "libxcb-render.so.0", "libxcb-render0"),
    ("xcb-render-util", "libxcb-render-util.so.0", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape.so.0", "libxcb-shape0"),
    ("xcb-shm", "libxcb-shm.so.0", "libxcb-shm0"),
    ("xcb-sync", "libxcb-sync.so.1", "libxcb-sync1"),
    ("xcb-util", "libxcb-util.so.1", "libxcb-util1"),
    ("xcb-xfixes", "libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("xcb-xkb", "libxcb-xkb.so.1", "libxcb-xkb1"),
)

#: Needed by the ``wayland`` platform plugin.
WAYLAND_LIBRARIES: tuple[Library, ...] = (
    ("wayland-client", "libwayland-client.so.0", "libwayland-client0"),
    ("wayland-cursor", "libwayland-cursor.so.0", "libwayland-cursor0"),
)

#: Platforms that draw into memory and need neither a display nor X/Wayland client libraries.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc"})

NO_DISPLAY_HINT = (
    "no display: neither DISPLAY nor WAYLAND_DISPLAY is set; start the console from a desktop "
    "session (or set QT_QPA_PLATFORM=offscreen for headless use)"
)

_PACKAGE_RE = re.compile(r"\(Debian/Ubuntu package ([a-z0-9][a-z0-9.+-]*)\)")


def _library_present(name: str, soname: str) -> bool:
    """True if the dynamic loader can find the library.

    ``find_library`` reads the ldconfig cache; a library only reachable through
    LD_LIBRARY_PATH (or a stale cache) is not in it, so ask the loader itself before calling the
    library missing. Loading a shared library by soname has no effect beyond mapping it.
    """
    if ctypes.util.find_library(name) is not None:
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _platform_name(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will be asked for (``QT_QPA_PLATFORM``), without its options."""
    value = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    # "wayland;xcb" is a fallback list, "offscreen:fontengine=freetype" carries options.
    return value.split(";")[0].split(":")[0].strip()


def missing_desktop_parts(environ: Mapping[str, str] | None = None) -> list[str]:
    """Human hints for what this machine lacks to run Qt; empty when nothing is missing.

    Library hints end with ``(Debian/Ubuntu package NAME)``; :func:`apt_install_hint` turns them
    into one install command. ``environ`` defaults to ``os.environ``. Not Linux: always empty
    (the Qt wheels for Windows and macOS are self-contained).
    """
    if not sys.platform.startswith("linux"):
        return []
    env = os.environ if environ is None else environ
    platform = _platform_name(env)
    has_x11 = bool(env.get("DISPLAY"))
    has_wayland = bool(env.get("WAYLAND_DISPLAY"))

    libraries: list[Library] = list(BASE_LIBRARIES)
    hints: list[str] = []
    if platform in HEADLESS_PLATFORMS or platform.startswith("eglfs") or platform == "linuxfb":
        pass  # no windowing system involved
    else:
        if platform.startswith("wayland") or (not platform and has_wayland and not has_x11):
            libraries += WAYLAND_LIBRARIES
        else:
            libraries += XCB_LIBRARIES
        if not has_x11 and not has_wayland:
            hints.append(NO_DISPLAY_HINT)

    missing = [
        f"{soname} is missing (Debian/Ubuntu package {package})"
        for name, soname, package in libraries
        if not _library_present(name, soname)
    ]
    return missing + hints


def missing_packages(missing: Iterable[str]) -> list[str]:
    """The Debian/Ubuntu packages named in ``missing`` hints, in order, without repeats."""
    packages: list[str] = []
    for hint in missing:
        match = _PACKAGE_RE.search(hint)
        if match and match.group(1) not in packages:
            packages.append(match.group(1))
    return packages


def apt_install_hint(missing: Iterable[str]) -> str:
    """One line ``sudo apt-get install ...`` for the packages in ``missing``; '' if none."""
    packages = missing_packages(missing)
    if not packages:
        return ""
    return "sudo apt-get install " + " ".join(packages)


def main() -> int:
    """``python -m console.desktop_check``: print what is missing; exit 1 if anything is."""
    missing = missing_desktop_parts()
    if not missing:
        print("This desktop has everything Qt needs.")
        return 0
    for hint in missing:
        print(hint)
    command = apt_install_hint(missing)
    if command:
        print(f"Install them with: {command}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
