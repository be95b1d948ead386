"""The first screen loads only what it shows (issue 12, start-up against the floor).

A fresh interpreter opens the window on the demo offscreen, as ``screenshot`` does, and looks
at ``sys.modules`` when the board's figures are first painted: the chart library, the
forecast's numpy, the report machinery behind the status bar's pack settings, the drill panel's
QtPdf and the restore's sync replay must not be there yet. Once the board settled they are
(the forecast was read, the status bar read the pack settings, the curve was drawn), so the
check sees the difference it is about (docs/window.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEFERRED = ("pyqtgraph", "numpy", "console.domain.forecast", "console.services.forecast",
            "console.services.reports", "console.services.report_pack", "PySide6.QtPdf",
            "console.ui.drill_panel", "console.services.maintenance", "reportlab", "alembic",
            "console.services.demo", "console.services.inventory")
"""Modules the first paint of the board's figures must not wait for."""

LATER = ("pyqtgraph", "numpy", "console.domain.forecast", "console.services.reports")
"""Of those, what the settled board has loaded by then."""

PROBE = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from console.services.app import Services
from console.ui.app import prepare, reader_actor
from console.ui.context import UiContext
from console.ui.main_window import MainWindow
from console.ui.settings import UiSettings

deferred, db = json.loads(sys.argv[1]), Path(sys.argv[2])
app, _translators = prepare("ko", offscreen=True)
services = Services.open(db)
context = UiContext(services, reader_actor(services, "ko"), "ko")
settings = UiSettings.at(Path(tempfile.mkdtemp()) / "probe.ini")
window = MainWindow(context, settings, idle_lock=False)
board = window.pages["board"]
landed, at_paint = [], []
board.loaded.connect(lambda: landed.append(True))

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if landed and not at_paint and event.type() == QEvent.Type.Paint \\
                and watched is board._tiles["affected"]:
            at_paint.append(sorted(m for m in deferred if m in sys.modules))
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.resize(1600, 1000)
window.show()
while not at_paint:
    app.processEvents()
figures = board.figures()["affected"]
while board.reading or not board._chart.built or window.status.pack_settings is None:
    app.processEvents()
context.runner.wait(30)
settled = sorted(m for m in deferred if m in sys.modules)
window.close()
context.runner.shutdown()
services.close()
print(json.dumps({"at_paint": at_paint[0], "settled": settled, "affected": figures}))
"""


def test_the_first_paint_of_the_board_loads_none_of_the_deferred_modules(
        demo_db: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(DEFERRED), str(demo_db)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["affected"] == "64"  # the figures were really there at that paint
    assert result["at_paint"] == []
    assert set(LATER) <= set(result["settled"])
