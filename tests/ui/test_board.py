"""The situation board over the demo database: figures, live refresh, wall mode, languages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from console.domain.clock import KST
from console.domain.enums import OutageStatus
from console.domain.situation import OutageFilter
from console.locate import resource
from console.services.app import Services
from console.services.context import Actor
from console.store.models import FailureGradeRule
from console.ui.board import BoardView
from console.ui.board.figures import percent_text
from console.ui.board.plot import KstAxis
from console.ui.context import UiContext
from tests.conftest import FAST_HASHER, FakeClock

PHASE_1 = datetime(2025, 10, 1, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
def korean_font(qapp: QApplication) -> Iterator[None]:
    # Offscreen Qt has no Hangul font of its own: without this, labels are boxes.
    QFontDatabase.addApplicationFont(str(resource("fonts", "NanumGothic.ttf")))
    previous = qapp.font()
    qapp.setFont(QFont("NanumGothic", 10))
    yield
    qapp.setFont(previous)


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource("translations", "board_ko.qm")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def open_board(qtbot) -> Iterator[Callable[..., BoardView]]:
    boards: list[BoardView] = []

    def _open(services: Services, lang: str = "ko", actor: Actor | None = None) -> BoardView:
        actor = actor or services.accounts.login("observer", "demo")
        board = BoardView(UiContext(services, actor, lang=lang))
        qtbot.addWidget(board)
        board.resize(1600, 1000)
        with qtbot.waitSignal(board.loaded, timeout=5000):
            board.refresh()
        boards.append(board)
        return board

    yield _open
    # Never close a database under a read that is still running on the pool.
    for board in boards:
        qtbot.waitUntil(lambda board=board: not board.reading, timeout=5000)


@pytest.fixture
def phase_1(demo_db: Path) -> Iterator[Services]:
    app = Services.open(demo_db, clock=lambda: PHASE_1, hasher=FAST_HASHER)
    yield app
    app.close()


def restored_of(board: BoardView) -> int:
    return int(board.figures()["restored"].split("/")[0])


def test_demo_board_shows_all_64_restored(demo: Services, open_board, korean) -> None:
    board = open_board(demo)
    shown = board.figures()
    assert shown["affected"] == "64"
    assert shown["restored"] == "64 / 64"
    assert shown["restored.detail"] == "복구율 100 %"
    assert shown["citizen_down"] == "0" and shown["importance_1_2_down"] == "0"
    # Alternative means as a state in time: none running at the end, 27 used, 26 at once.
    assert shown["alternative_active"] == "0"
    assert shown["alternative_active.caption"] == "대체수단 운영 중"
    assert shown["alternative_active.detail"] == "누계 27 · 동시 최대 26"
    assert shown["importance_1_2_down.caption"] == "중요도 1·2등급 미복구"
    assert shown["importance_1_2_down.detail"] == "장애등급 1·2 미복구 0"
    assert shown["grades.title"] == "중요도 등급별 복구 (시스템 기준)"
    assert shown["level"] == "위기경보 관심 (1/4)"
    assert shown["title"].startswith("국가정보자원관리원")
    view = demo.situation.view()
    assert board.curve_points() == len(view.situation.curve) == 64
    assert board.phase_markers() == ["1차", "2차"]


def test_board_mid_phase_1_matches_the_service(phase_1: Services, open_board) -> None:
    board = open_board(phase_1)
    situation = phase_1.situation.view().situation
    assert 0 < situation.restored < 64
    assert restored_of(board) == situation.restored
    assert board.figures()["citizen_down"] == str(situation.citizen_down)
    assert board.figures()["importance_1_2_down"] == str(situation.importance_1_2_down)
    assert board.figures()["alternative_active"] == str(situation.alternative_active)
    assert board.curve_points() == len(situation.curve)
    assert board.phase_markers() == ["Phase 1"]


def test_bus_refresh_drops_restored_by_one(phase_1: Services, open_board, qtbot) -> None:
    board = open_board(phase_1, lang="en")
    before = restored_of(board)
    controller = phase_1.accounts.login("controller", "demo")
    restored = next(o for o in phase_1.situation.view().situation.outages
                    if o.status.is_restored)
    phase_1.outages.change_status(controller, restored.fact.id, OutageStatus.DOWN,
                                  note="relapse")
    board._context.bus.changed.emit({"outage"})
    qtbot.waitUntil(lambda: restored_of(board) == before - 1, timeout=5000)
    assert board.figures()["restored"] == f"{before - 1} / 64"


def test_bursts_are_coalesced_and_other_tables_ignored(
        demo: Services, open_board, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    board = open_board(demo)
    reads: list[datetime | None] = []
    original = demo.situation.view

    def counting_view(incident_id: str | None = None, as_of: datetime | None = None,
                      only: OutageFilter | None = None):
        reads.append(as_of)
        return original(incident_id, as_of, only)

    monkeypatch.setattr(demo.situation, "view", counting_view)
    board._context.bus.changed.emit({"user"})
    for _ in range(5):
        board._context.bus.changed.emit({"task"})
    with qtbot.waitSignal(board.loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: not board.reading, timeout=5000)
    assert len(reads) == 1


def test_a_grading_rule_change_arriving_by_sync_redraws_the_board(
        demo: Services, open_board, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A synced or pulled change names its tables by the models' __tablename__."""
    board = open_board(demo)
    reads: list[datetime | None] = []
    original = demo.situation.view

    def counting_view(incident_id: str | None = None, as_of: datetime | None = None,
                      only: OutageFilter | None = None):
        reads.append(as_of)
        return original(incident_id, as_of, only)

    monkeypatch.setattr(demo.situation, "view", counting_view)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board._context.bus.changed.emit({FailureGradeRule.__tablename__})
    assert len(reads) == 1


@pytest.fixture
def early_clock() -> FakeClock:
    return FakeClock(datetime(2025, 9, 27, 9, 10, tzinfo=UTC))  # 10 min after activation


@pytest.fixture
def early(demo_db: Path, early_clock: FakeClock) -> Iterator[Services]:
    app = Services.open(demo_db, clock=early_clock, hasher=FAST_HASHER)
    yield app
    app.close()


def test_countdown_ticks_without_reading(early: Services, early_clock: FakeClock, open_board,
                                         qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    board = open_board(early, lang="en")
    assert board.figures()["next_report"] == "0:20:00"
    assert board.figures()["next_report.detail"].startswith("Report No. 1 due")
    monkeypatch.setattr(early.situation, "view", lambda *a, **k: pytest.fail("read"))
    board.show()
    early_clock.advance(seconds=5)
    qtbot.waitUntil(lambda: board.figures()["next_report"] == "0:19:55", timeout=3000)
    early_clock.advance(minutes=30)
    qtbot.waitUntil(lambda: board.figures()["next_report"] == "Overdue 0:10:05", timeout=3000)
    assert board.figures()["activation"].endswith("0h 40m elapsed")


def test_wall_mode_enlarges_type_and_keeps_decisions_and_events(demo: Services, open_board
                                                                ) -> None:
    board = open_board(demo)
    board.show()
    desk_size = board.tile_font_size()
    assert set(board.visible_panels()) >= {"tasks", "decisions", "log"}
    board.set_wall_mode(True)
    assert board.wall_mode()
    assert board.tile_font_size() >= 1.7 * desk_size
    # The room's wall keeps what it acts on: decisions, significant events and what citizens
    # were told; only the task counts are left to the desks.
    assert set(board.visible_panels()) == {"curve", "departments", "grades", "decisions",
                                           "log", "notices"}
    board.set_wall_mode(False)
    assert board.tile_font_size() == desk_size
    assert "log" in board.visible_panels()


def test_korean_labels_with_the_translator(demo: Services, open_board, korean) -> None:
    board = open_board(demo)
    shown = board.figures()
    assert shown["affected.caption"] == "영향 시스템"
    assert shown["citizen_down.caption"] == "대시민 서비스 미복구"
    assert shown["curve.title"] == "복구 추이"
    assert shown["next_report.caption"] == "다음 상황보고"
    assert board.task_cell(0, 1) == "대기"
    assert board.task_cell(1, 0) == "상황총괄반"
    assert any("✓" in line for line in board.entries()["log"])
    assert len(board.entries()["decisions"]) == 5


def test_english_labels_without_it(demo: Services, open_board) -> None:
    board = open_board(demo, lang="en")
    shown = board.figures()
    assert shown["affected.caption"] == "Systems affected"
    assert shown["level"] == "Crisis level Interest (1/4)"
    assert shown["curve.title"] == "Restoration over time"
    assert board.task_cell(1, 0) == "Situation control"
    assert board.phase_markers() == ["Phase 1", "Phase 2"]


def test_next_report_in_korean(phase_1: Services, open_board, korean) -> None:
    """The demo holds the reports its log records (issue 13): at 10. 1. 12:00 제13보 has
    just gone out, and 제14보 is due at the 18:00 slot."""
    view = phase_1.situation.view()
    assert view.last_report_number == 13 and not view.report_overdue
    board = open_board(phase_1)
    assert board.figures()["next_report"] == "6:00:00"
    assert board.figures()["next_report.detail"].startswith("제14보")


def test_no_incident_is_shown_not_raised(services: Services, login, qtbot) -> None:
    actor = login("observer")
    board = BoardView(UiContext(services, actor, lang="en"))
    qtbot.addWidget(board)
    board.refresh()
    qtbot.waitUntil(lambda: board.figures()["error"] != "", timeout=5000)
    assert "no incident" in board.figures()["error"]
    qtbot.waitUntil(lambda: not board.reading, timeout=5000)


def test_percent_never_rounds_up_to_done() -> None:
    assert percent_text(63, 64) == "98.4 %"
    assert percent_text(639, 640) == "99.8 %"
    assert percent_text(64, 64) == "100 %"
    assert percent_text(32, 64) == "50 %"
    assert percent_text(0, 0) == "0 %"


def test_date_ticks_are_evenly_spaced_kst_midnights(qapp) -> None:  # type: ignore[no-untyped-def]
    axis = KstAxis()
    start = datetime(2025, 9, 26, 20, 20, tzinfo=KST).timestamp()
    end = datetime(2025, 10, 17, 18, 0, tzinfo=KST).timestamp()
    for width in (300, 700, 1500):
        [(spacing, values)] = axis.tickValues(start, end, width)
        assert len(values) >= 2
        assert {b - a for a, b in pairwise(values)} == {spacing}
        assert all(datetime.fromtimestamp(v, KST).hour == 0 for v in values)
        assert start <= values[0] and values[-1] <= end
    narrow = axis.tickValues(start, end, 300)[0][0]
    wide = axis.tickValues(start, end, 1500)[0][0]
    assert narrow > wide  # fewer labels where there is less room


def test_first_text_countdown_then_sent(early: Services, early_clock: FakeClock,
                                        open_board, qtbot) -> None:
    """20 minutes from activation for the first 재난문자; the demo's went out at 18:16."""
    board = open_board(early, lang="en")
    assert board.figures()["first_text"] == "0:10:00"
    assert board.figures()["first_text.caption"] == "First emergency text"
    early_clock.advance(minutes=7)  # 18:17, a minute after the demo's first text
    board.refresh()
    qtbot.waitUntil(lambda: board.figures()["first_text"] == "✓", timeout=5000)
    assert board.figures()["first_text.detail"] == "Sent 09-27 18:16"
    assert "notices" in board.visible_panels()
