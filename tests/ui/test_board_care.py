"""The board tells a corrected decision from one that stands, and the curve's count axis
keeps its labels however many systems are down (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from console.domain.enums import Cause, DisasterArea
from console.services.app import Services
from console.ui.board import BoardView
from console.ui.board.plot import RestorationPlot

# The board tests' fixtures (open_board, the Korean font) live in test_board.py.
from tests.ui.test_board import korean_font, open_board  # noqa: F401 (fixtures)


def test_a_corrected_decision_is_listed_as_corrected(
        demo: Services, open_board: Callable[..., BoardView]) -> None:  # noqa: F811
    commander = demo.accounts.login("commander", "demo")
    # The demo's incident is closed: the decisions go to a new one, which the board shows.
    demo.incidents.open(commander, "재발", DisasterArea.SYSTEM_FAILURE, Cause.OTHER,
                        started_at=datetime(2025, 10, 19, 0, 0, tzinfo=UTC))
    standing = demo.journal.add_decision(
        commander, "서초 센터 발전기 가동", at=datetime(2025, 10, 19, 1, 0, tzinfo=UTC))
    first = standing.first_id
    demo.journal.add_decision(commander, "상암 센터 발전기 가동으로 변경", corrects=first,
                              at=datetime(2025, 10, 19, 2, 0, tzinfo=UTC))
    board = open_board(demo, "en")
    lines = board.entries()["decisions"]
    assert lines[0].endswith("상암 센터 발전기 가동으로 변경")
    assert lines[1].endswith("(corrected) 서초 센터 발전기 가동"), lines
    assert "(corrected)" not in lines[0]


def test_the_count_axis_keeps_its_labels_from_1000_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = RestorationPlot()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    item = chart.plot.getPlotItem()
    for affected in (64, 1_500, 6_400, 30_080):
        chart.top = affected * 1.12
        item.setYRange(0, chart.top, padding=0)
        chart._fit_left_axis()
        qtbot.wait(10)
        labels = chart.count_labels()
        assert labels, f"no labels at {affected}"
        assert max(int(text) for text in labels if text.isdigit()) >= affected // 2


def test_the_count_axis_counts_whole_systems(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = RestorationPlot()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.show()
    item = chart.plot.getPlotItem()
    for affected in (1, 4, 7):
        chart.top = affected * 1.12
        item.setYRange(0, chart.top, padding=0)
        qtbot.wait(10)
        labels = chart.count_labels()
        assert labels and all(text.isdigit() for text in labels), (affected, labels)
