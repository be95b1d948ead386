"""Views are built on first visit, and the board's chart library after its first paint: what
a start-up saves must never show as a missing or half-built page."""

from __future__ import annotations

import sys

from console.ui.board.view import BoardView
from console.ui.main_window import VIEW_NAMES, MainWindow
from console.ui.page_stack import PageStack
from tests.ui.conftest import settle


def test_only_the_board_is_built_at_start_and_a_visit_builds_the_real_page(
        make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    pages = window.pages
    assert isinstance(pages, PageStack)
    assert [name for name in VIEW_NAMES if pages.built(name)] == ["board"]
    assert window.stack.count() == len(VIEW_NAMES)

    window.nav.setCurrentRow(VIEW_NAMES.index("tasks"))  # as a click in the navigation
    assert pages.built("tasks") and window.current_view() == "tasks"
    assert window.stack.currentWidget() is pages["tasks"]
    assert pages["tasks"].objectName() == "page_tasks"
    settle(window)
    assert pages["tasks"].model.rowCount() == 45
    # Every view keeps its place in the stack whatever the order it was built in.
    for name in reversed(VIEW_NAMES):
        assert window.show_view(name) is window.stack.widget(VIEW_NAMES.index(name))
        assert window.current_view() == name
    assert window.stack.count() == len(VIEW_NAMES)


def test_the_sync_page_built_late_is_still_wired_to_the_window(
        make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    assert not window.pages.built("sync")
    sync = window.pages["sync"]
    assert sync.background is window.background


def test_the_chart_library_loads_after_the_figures_are_painted(
        make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko")
    board = window.pages["board"]
    assert isinstance(board, BoardView)
    chart = board._chart
    window.show()
    qtbot.waitUntil(lambda: chart.built, timeout=20_000)  # by itself, after a paint
    assert "console.ui.board.plot" in sys.modules
    settle(window)
    assert board.curve_points() > 0


def test_a_reader_builds_the_chart_on_the_spot(
        make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko")
    board = BoardView(window.context, None)  # never shown: nothing asks for the plot
    with qtbot.waitSignal(board.loaded, timeout=20_000):
        board.refresh()
    settle(window)
    assert board.figures()["affected"] == "64"
    chart = board._chart
    assert not chart.built
    assert board.curve_points() > 0  # the draws made before it existed are replayed
    assert chart.built
    board.deleteLater()
