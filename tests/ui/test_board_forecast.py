"""The board's fan chart at the demo's 10-01 12:00: computed off the GUI thread, labelled as
an estimate with its basis, and its band holds the real completion (10-14 15:30)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from console.domain.clock import parse_time
from console.locate import resource
from console.services.app import Services
from console.ui.board import BoardView
from console.ui.context import UiContext
from tests.conftest import FAST_HASHER

BOARD_MOMENT = datetime(2025, 10, 1, 3, 0, tzinfo=UTC)  # 12:00 KST
REAL_COMPLETION = parse_time("2025-10-14T15:30:00+09:00")


@pytest.fixture
def board_moment(demo_db: Path) -> Iterator[Services]:
    app = Services.open(demo_db, clock=lambda: BOARD_MOMENT, hasher=FAST_HASHER)
    yield app
    app.close()


def test_the_fan_holds_the_real_completion(board_moment: Services, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(resource("translations", "board_ko.qm")))
    QCoreApplication.installTranslator(translator)
    threads: set[str] = set()
    service = board_moment.forecast
    original = service.forecast

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return original(*args, **kwargs)

    service.forecast = recorded  # type: ignore[method-assign]
    try:
        board = BoardView(UiContext(board_moment, board_moment.accounts.login("observer", "demo"),
                                    lang="ko"))
        qtbot.addWidget(board)
        board.resize(1600, 1000)
        board.refresh()
        qtbot.waitUntil(lambda: bool(board.forecast_shown()[0]), timeout=15000)
        qtbot.waitUntil(lambda: not board.reading, timeout=15000)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert threads and threading.main_thread().name not in threads
    points, caption = board.forecast_shown()
    assert "추정치" in caption and "근거" in caption and "모의 2000회" in caption
    # The fan starts at what is restored at the moment and ends at every system back.
    assert points[0][0] == BOARD_MOMENT and points[0][2] == 33
    assert points[-1][3] == 64
    # At the real completion, all 64 back lies inside the band: P10 ≤ 64 ≤ P90 of the count.
    after = next(p for p in points if p[0] >= REAL_COMPLETION)
    assert after[1] <= 64 <= after[3] and after[3] == 64
    band = board_moment.forecast.forecast().all_restored
    assert band is not None and band.contains(REAL_COMPLETION)
