"""The status-bar sync indicator, automatic hub sync and the paper fallback pack timer.

Timers are driven by calling their slots directly; the work must run off the GUI thread and a
tick while the previous run is still at work must start nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from console.domain.enums import Cause, DisasterArea, Team
from console.reports import pack
from console.ui import settings as opts
from console.ui.actions import ActionId
from console.ui.context import UiContext
from console.ui.main_window import MainWindow
from tests.sync.conftest import Station, hub_url, postgres_url, stations  # noqa: F401
from tests.ui.conftest import settle

UNREACHABLE = "postgresql://x@127.0.0.1:1/none"


def wait_background(window: MainWindow) -> None:
    assert window.background.runner.wait(30.0), "background work did not finish"
    settle(window)


class Gate:
    """Wraps a service method: records the thread it ran on and holds it until released,
    so a test can see a second tick while the first run is still at work."""

    def __init__(self, target: Callable[..., Any]) -> None:
        self.target = target
        self.threads: list[threading.Thread] = []
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        self.entered.set()
        assert self.release.wait(20.0)
        return self.target(*args, **kwargs)


@pytest.fixture
def station_window(qtbot, translated, ui_settings) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def _make(station: Station, user: str = "commander", lang: str = "ko") -> MainWindow:
        translated(lang)
        context = UiContext(station.app, station.login(user), lang)
        window = MainWindow(context, ui_settings, idle_lock=False)
        qtbot.addWidget(window)
        window.show()
        settle(window)
        windows.append(window)
        return window

    yield _make
    for window in windows:
        window.close()


def test_unreachable_hub_is_shown_and_work_goes_on(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    services, actor = window.context.services, window.context.actor
    status = window.status
    assert "허브 미설정" in status.sync.text()
    assert status.conflicts.text() == "충돌 0건"
    services.sync.set_hub_url(actor, UNREACHABLE)
    gate = Gate(services.sync.hub_sync)
    monkeypatch.setattr(services.sync, "hub_sync", gate)

    assert window.background.sync_tick()
    assert gate.entered.wait(10.0)
    assert not window.background.sync_tick(), "a second tick while one runs starts nothing"
    assert not window.background.sync_now(), "nor does a sync asked for by a person"
    assert status.sync.text() == "허브와 동기화 중…"
    sync_page = window.pages["sync"]
    assert sync_page.busy and not sync_page.sync_now.isEnabled()  # the page shares the guard
    sync_page.run_hub_sync()
    window.show_view("outages")  # the GUI thread is free while the sync waits
    QApplication.processEvents()
    assert window.current_view() == "outages"
    gate.release.set()
    wait_background(window)

    assert len(gate.threads) == 1, "the page's 'Sync now' started nothing while one ran"
    assert gate.threads[0] is not threading.main_thread()
    assert "연결할 수 없습니다" in (window.background.last_sync_error or "")
    assert "허브 연결 안 됨" in status.sync.text()
    assert "#c62828" in status.sync.styleSheet()
    assert "최근 동기화 실패" in status.sync.toolTip()
    assert window.context.messages.history == [], "an automatic sync never opens a box"
    assert not sync_page.busy and sync_page.sync_now.isEnabled()
    assert not window.background.syncing and window.background.sync_tick()
    wait_background(window)


def test_conflicts_and_clock_skew_in_the_indicator(stations, station_window,  # noqa: F811
                                                   tmp_path: Path) -> None:
    a, b = stations(2)
    for station in (a, b):
        if station is b:
            station.clock.advance(minutes=45)  # b's clock runs ahead
        station.app.incidents.open(station.login("commander"), "fire",
                                   DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    # One user created apart with two roles: a conflict (first administrators created apart
    # are none: docs/sync.md, Histories, rule 11).
    from console.domain.enums import Role, Team

    a.app.accounts.add_user(a.admin, "kim", "pw", Role.TEAM_LEAD, Team.SYSTEMS)
    b.app.accounts.add_user(b.admin, "kim", "pw", Role.COMMANDER)
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    a.app.sync.import_bundle(a.login("commander"), tmp_path / "b.zip")
    expected = a.app.sync.status()
    assert expected.open_conflicts > 0 and expected.clock_warning

    window = station_window(a, "commander", "ko")
    status = window.status
    assert status.conflicts.text() == f"충돌 {expected.open_conflicts}건"
    assert "#c62828" in status.conflicts.styleSheet()  # conflicts stand out in red
    assert status.sync.text().startswith("⚠ 시계 차이")
    assert "#b26a00" in status.sync.styleSheet()
    assert "시계 경고" in status.sync.toolTip() and "clock skew" in status.sync.toolTip()
    assert "미공유" in status.sync.text()
    sync_page = window.show_view("sync")
    sync_page.refresh()
    settle(window)
    assert f"미해소 충돌 {expected.open_conflicts}건" in sync_page.status_label.text()
    assert "시계 경고" in sync_page.status_label.text()


@pytest.mark.hub
def test_automatic_sync_pulls_and_refreshes_the_board(stations, station_window,  # noqa: F811
                                                       hub_url: str) -> None:  # noqa: F811
    a, b = stations(2)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.sync.hub_sync(a.admin, hub_url)
    window = station_window(a, "commander", "ko")
    assert window.background.sync_timer.isActive()
    assert window.background.sync_timer.interval() == 2 * 60_000  # the default
    changed: list[set[str]] = []
    window.context.bus.changed.connect(changed.append)

    b.app.sync.hub_sync(b.admin, hub_url)
    b.app.journal.add_log(b.login("commander"), Team.SITUATION, "from b")
    b.app.sync.hub_sync(b.admin)
    window.background.sync_tick()  # what the timer calls
    wait_background(window)

    assert window.background.last_sync_error is None
    assert any("log_entry" in tables for tables in changed)
    assert a.digest() == b.digest()
    assert "허브 연결됨" in window.status.sync.text()
    assert "미공유 0건" in window.status.sync.text()


def test_interval_setting_and_observer(make_window, ui_settings) -> None:  # type: ignore[no-untyped-def]
    ui_settings.set(opts.AUTO_SYNC_MINUTES, 5)
    window: MainWindow = make_window("commander", "en")
    assert window.background.sync_timer.interval() == 5 * 60_000
    assert window.background.sync_timer.isActive()
    window.background.set_sync_minutes(0)
    assert not window.background.sync_timer.isActive()
    assert "no hub" in window.status.sync.text()  # English status bar
    assert window.status.conflicts.text() == "Conflicts: 0"
    observer: MainWindow = make_window("observer", "ko")
    assert not observer.background.sync_timer.isActive()  # an observer may not sync
    assert not observer.background.sync_tick()
    window.close()
    assert not window.background.pack_timer.isActive()


def test_fallback_pack_timer_writes_off_the_gui_thread(make_window, tmp_path: Path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    reports, actor = window.context.services.reports, window.context.actor
    assert not window.status.pack.isVisible()  # no folder: nothing to show
    assert window.background.pack_timer.isActive()
    folder = tmp_path / "usb" / "pack"
    reports.configure_fallback(actor, folder, every_minutes=10, keep=3)
    gate = Gate(reports.write_fallback_pack)
    monkeypatch.setattr(reports, "write_fallback_pack", gate)

    assert window.background.pack_tick()  # what the timer calls
    assert gate.entered.wait(10.0)
    assert not window.background.pack_tick(), "never two packs at once"
    gate.release.set()
    wait_background(window)

    assert gate.threads and gate.threads[0] is not threading.main_thread()
    written = pack.latest(folder)
    assert written is not None and pack.check(written) == []
    assert any(p.name.startswith("02-") for p in written.iterdir())
    assert window.background.last_pack is not None and window.background.last_pack.path == written
    assert window.status.pack.isVisible()
    assert window.status.pack.text() == "비상 출력: 09:00"  # the demo clock, in KST
    assert str(folder) in window.status.pack.toolTip()

    window.background.pack_tick()  # not due again within 10 minutes: nothing new
    wait_background(window)
    assert len(gate.threads) == 1 and len(pack.generations(folder)) == 1


def test_failed_pack_is_shown_and_not_retried_at_once(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the stick should be")
    window.context.services.reports.configure_fallback(window.context.actor, blocker / "pack")
    window.background.pack_tick()
    wait_background(window)
    last = window.background.last_pack
    assert last is not None and last.path is None and last.error
    assert window.status.pack.text() == "비상 출력 실패"
    assert "#c62828" in window.status.pack.styleSheet()
    assert last.error in window.status.pack.toolTip()
    assert not window.background.pack_tick()  # waits before rendering it all again


def test_window_actions_for_sync_settings(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    menu = [a.objectName() for a in window.menus["settings"].actions()]
    assert "action_auto_sync" in menu and "action_fallback_pack" in menu
    window.registry[ActionId.SYNC_NOW].trigger()  # no hub configured: the reason is shown
    wait_background(window)
    assert "허브 주소가 없습니다" in window.context.messages.history[-1].text
    window.set_fallback(str(tmp_path / "pack"), 10, 2)
    wait_background(window)
    wait_background(window)
    settings = window.context.services.reports.fallback_settings()
    assert settings.folder == tmp_path / "pack" and settings.every_minutes == 10
    assert pack.latest(tmp_path / "pack") is not None  # written at once after configuring


def test_the_status_page_is_rewritten_every_few_minutes(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Besides after every approved or issued notice: the services' states move between them."""
    window: MainWindow = make_window("commander", "ko")
    services, actor = window.context.services, window.context.actor
    folder = tmp_path / "usb" / "status"
    services.status_page.configure(actor, folder)
    assert window.background.pack_tick()  # what the timer calls each minute
    wait_background(window)
    page = folder / "index.html"
    assert page.is_file() and "<html" in page.read_text(encoding="utf-8")
    assert (folder / "en.html").is_file()
    first = page.stat().st_mtime_ns
    window.background.pack_tick()  # within the interval: not again
    wait_background(window)
    assert page.stat().st_mtime_ns == first
    page.unlink()
    window.background._status_page_after = 0.0  # the interval has passed
    window.background.pack_tick()
    wait_background(window)
    assert page.is_file() and window.background.last_status_page_error is None
