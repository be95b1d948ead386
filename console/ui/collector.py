"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles in whichever thread happens to allocate when a threshold is
crossed. With database reads on worker threads (``console.ui.worker``), that was often a
worker: a cycle holding a closed widget or a chart item was then destroyed off the GUI
thread, which Qt does not allow, and the program died with a segmentation fault (seen in CI,
inside SQLAlchemy's row loading on a worker, "Garbage-collecting"). So automatic collection is
switched off and a timer on the GUI thread collects with the same generational thresholds.
pyqtgraph's ``GarbageCollector`` does the same for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


def collect_due() -> int:
    """Collect the oldest generation whose threshold is passed; how many objects were found."""
    first, second, third = gc.get_threshold()
    young, middle, old = gc.get_count()
    if young <= first:
        return 0
    if old > third:
        return gc.collect(2)
    if middle > second:
        return gc.collect(1)
    return gc.collect(0)


def install_gui_thread_collector(owner: QObject, interval_ms: int = INTERVAL_MS) -> QTimer:
    """Switch automatic collection off; ``owner`` (the application) keeps the timer alive."""
    gc.disable()
    existing = owner.findChild(QTimer, "gui-thread-collector")
    if existing is not None:
        return existing
    timer = QTimer(owner)
    timer.setObjectName("gui-thread-collector")
    timer.setInterval(interval_ms)
    timer.timeout.connect(collect_due)
    timer.start()
    return timer
