"""The main window: views with the demo data, actions, wall mode, languages, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from console.ui import settings as opts
from console.ui.about import AboutDialog
from console.ui.actions import ActionId
from console.ui.app import take_screenshot
from console.ui.board.view import BoardView
from console.ui.main_window import VIEW_NAMES, MainWindow
from console.ui.reports_view import ReportsView
from console.ui.sync_view import SyncView
from tests.ui.conftest import settle

DEMO_ROWS = {"systems": 429, "outages": 64, "tasks": 45, "decisions": 16, "log": 152}


def test_each_view_shows_the_demo_data(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    assert window.current_view() == "board"
    for view, rows in DEMO_ROWS.items():
        page = window.show_view(view)
        settle(window)
        assert page.model.rowCount() == rows, view
        assert page.findChild(QLabel, "rowCount").text() == f"{rows}건"
        assert page.detail.toPlainText(), f"{view}: the first row's detail is shown"
    for view, page_class in (("board", BoardView), ("reports", ReportsView), ("sync", SyncView)):
        assert window.show_view(view) is window.pages[view]
        assert type(window.pages[view]) is page_class  # the real page, never a stand-in


def test_about_opens_the_about_dialog(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "en")
    window.about()
    dialogs = window.findChildren(AboutDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()


def test_actions_have_shortcuts_and_switch_views(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    shortcuts = {a: window.registry[a].shortcut().toString() for a in ActionId}
    assert shortcuts[ActionId.VIEW_BOARD] == "Ctrl+1"
    assert shortcuts[ActionId.VIEW_SYNC] == "Ctrl+8"
    assert shortcuts[ActionId.REFRESH] == "F5"
    assert shortcuts[ActionId.WALL_MODE] == "F11"
    assert shortcuts[ActionId.SEARCH] == "Ctrl+F"
    assert shortcuts[ActionId.NEW_ITEM] == "Ctrl+N"
    assert shortcuts[ActionId.LOCK] == "Ctrl+L"
    assert len({s for s in shortcuts.values() if s}) == len([s for s in shortcuts.values() if s])
    window.registry[ActionId.VIEW_TASKS].trigger()
    assert window.current_view() == "tasks"
    window.registry[ActionId.SEARCH].trigger()
    assert QApplication.focusWidget() in (window.pages["tasks"].search, None)
    menus = [m.title() for m in window.menus.values()]
    assert menus[0] == "파일(&F)"
    assert QKeySequence(window.registry[ActionId.VIEW_OUTAGES].shortcut()).toString() == "Ctrl+3"


def test_wall_mode_toggles(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko", "outages")
    window.registry[ActionId.WALL_MODE].trigger()
    assert window.wall_mode and window.isFullScreen()
    assert window.current_view() == "board"
    assert not window.findChild(QListWidget, "navigation").isVisible()
    window.registry[ActionId.WALL_MODE].trigger()
    assert not window.wall_mode and not window.isFullScreen()
    assert window.findChild(QListWidget, "navigation").isVisible()


def test_window_state_is_remembered(make_window, ui_settings) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko", "decisions")
    window.close()
    assert ui_settings.get(opts.LAST_VIEW) == "decisions"
    assert not ui_settings.get(opts.GEOMETRY).isEmpty()
    again: MainWindow = make_window("commander", "ko")
    again.show_view(ui_settings.get(opts.LAST_VIEW))
    assert again.current_view() == "decisions"


def test_language_choice_is_saved_for_next_start(make_window, ui_settings) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    window.registry[ActionId.LANG_EN].trigger()
    assert ui_settings.get(opts.LANGUAGE) == "en"
    assert window.context.messages.history[-1].text == \
        "바뀐 언어는 콘솔을 다시 시작하면 적용됩니다."


@pytest.mark.parametrize(("lang", "nav", "header"), [
    ("ko", ["상황판", "시스템", "장애", "조치과제", "결정사항", "활동일지", "상황보고", "동기화",
            "사고 경과", "대시민 안내"], "장애등급"),
    ("en", ["Situation board", "Systems", "Outages", "Tasks", "Decisions", "Activity log",
            "Situation reports", "Sync", "Timeline", "Public notices"], "Failure grade"),
])
def test_both_languages_render(make_window, lang: str, nav: list[str], header: str) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", lang, "outages")
    navigation = window.findChild(QListWidget, "navigation")
    assert [navigation.item(i).text() for i in range(navigation.count())] == nav
    model = window.pages["outages"].model
    titles = [model.headerData(i, Qt_Horizontal()) for i in range(model.columnCount())]
    assert header in titles
    status = model.data(model.index(0, [c.key for c in model.columns].index("status")))
    assert status == ("복구확인" if lang == "ko" else "Verified")
    rto = model.data(model.index(0, [c.key for c in model.columns].index("rto_hours")))
    assert rto == ("4시간" if lang == "ko" else "4 h")  # SEO-0108's RTO, first in the list


def Qt_Horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


@pytest.mark.parametrize("view", VIEW_NAMES)
def test_screenshot_of_each_view(qapp, demo_db: Path, tmp_path: Path, view: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{view}.png"
    assert take_screenshot(demo_db, view, out, "ko") == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_screenshot_refuses_a_missing_database(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert take_screenshot(tmp_path / "none.sqlite", "board", tmp_path / "x.png") == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_the_program_screenshot_prints_nothing_but_its_result(demo_db: Path,
                                                               tmp_path: Path) -> None:
    """No platform chatter around the one-line result (the offscreen plugin's size hints)."""
    import subprocess
    import sys

    program = Path(sys.executable).with_name("incident-console")
    blocker = tmp_path / "file"
    blocker.write_text("")
    for out, code in ((tmp_path / "board.png", 0), (blocker / "board.png", 1)):
        done = subprocess.run([str(program), "--db", str(demo_db), "screenshot", "--view",
                               "board", "--out", str(out)], capture_output=True, text=True,
                              check=False, timeout=120)
        assert done.returncode == code
        assert done.stderr == ("" if code == 0 else f"error: cannot write {out}\n")
