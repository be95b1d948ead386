"""The command line over a running drill: the injects that fell due since the last command are
applied by the next one, whatever it is."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from console.cli import main
from console.domain.drill_clock import ClockState
from console.services.drills import CLOCK_KEY
from tests.drill_helpers import copy_of, make_template


def _shift_anchor(path: Path, back: timedelta) -> None:
    """As if the running clock had been started ``back`` of wall time earlier (no sleeping)."""
    with sqlite3.connect(path) as raw:
        (text,) = raw.execute("SELECT value FROM setting WHERE key = ?",
                              (CLOCK_KEY,)).fetchone()
        state = ClockState.decode(text)
        assert state.anchor is not None
        moved = replace(state, anchor=state.anchor - back)
        raw.execute("UPDATE setting SET value = ? WHERE key = ?", (moved.encode(), CLOCK_KEY))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_any_command_applies_the_injects_a_running_clock_has_passed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "template").mkdir()
    path = copy_of(make_template(tmp_path / "template"), tmp_path)
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    drill = ["--db", str(path), "--user", "controller", "drill"]
    situation = ["--db", str(path), "situation", "--json"]
    assert main([*drill, "speed", "10"]) == 0
    assert main([*drill, "start"]) == 0  # inject 1 (+0m) is applied on start
    capsys.readouterr()
    assert _run(capsys, *situation)["affected"] == 0
    _shift_anchor(path, timedelta(seconds=30))  # 5 drill minutes at 10×: inject 2 (+3m) due
    assert _run(capsys, *situation)["affected"] == 4  # its four systems, by a read command
    assert _run(capsys, *drill, "status", "--json")["applied"] == 2
    # Paused, the clock stands: later commands apply nothing more.
    assert main([*drill, "pause"]) == 0
    capsys.readouterr()
    assert _run(capsys, *situation)["affected"] == 4
    assert _run(capsys, *drill, "status", "--json")["applied"] == 2
