"""Render the application icon's PNG sizes and the Windows .ico from its SVG.

The outputs are committed (resources/icons/app/), so a build needs no renderer; run this again
after changing ``incident-console.svg``:  .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
SOURCE = ICONS / "incident-console.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)  # the hicolor theme's usual sizes; .ico takes them all


def render_pngs() -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 -- kept alive
    renderer = QSvgRenderer(str(SOURCE))
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data)
    return pngs


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an .ico directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> None:
    pngs = render_pngs()
    for size, png in pngs.items():
        (ICONS / f"incident-console-{size}.png").write_bytes(png)
    (ICONS / "incident-console.ico").write_bytes(ico(pngs))
    print(f"wrote {len(pngs)} PNGs and incident-console.ico to {ICONS}")


if __name__ == "__main__":
    main()
