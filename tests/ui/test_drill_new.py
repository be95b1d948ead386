"""File ▸ New drill…: the window makes an exercise database from a scenario."""

from __future__ import annotations

from pathlib import Path

from console.services.app import Services
from console.ui.actions import ActionId


def test_a_drill_is_made_from_the_window(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window("commander")
    assert window.registry[ActionId.NEW_DRILL].text()
    target = tmp_path / "flood.sqlite"
    window.new_drill.run("flood", target, open_it=False)
    qtbot.waitUntil(lambda: window.new_drill.made == target, timeout=60000)
    services = Services.open(target)
    try:
        assert services.drills.is_exercise()
        assert services.drills.status().scenario.name == "flood"
    finally:
        services.close()
    assert not window.context.services.drills.is_exercise()  # this window's file is as it was
