"""The command line's share of a live incident (issue 12): the board's department and
facility filter on ``situation``, and clearing a task's due time with ``task edit --due ''``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main
from console.domain.clock import parse_time
from console.domain.situation import OutageFilter
from console.services.app import Services


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
         *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_situation_narrowed_reads_what_the_boards_filter_reads(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    as_of = "2025-09-28T12:00"
    services = Services.open(demo_db)
    try:
        whole = services.situation.view(None)
        department, facility = whole.departments[0], whole.facilities[0]
        cases = {(department, None), (None, facility), (department, facility)}
        expected = {case: services.situation.view(
            None, parse_time(as_of),
            OutageFilter(*case)).situation.figures() for case in cases}
    finally:
        services.close()
    code, out, _ = _cli(monkeypatch, capsys, *db, "situation", "--as-of", as_of, "--json")
    assert code == 0
    everything = json.loads(out)
    assert "department" not in everything
    for (dep, fac), figures in expected.items():
        argv = [*db, "situation", "--as-of", as_of, "--json"]
        argv += ["--department", dep] if dep else []
        argv += ["--facility", fac] if fac else []
        code, out, err = _cli(monkeypatch, capsys, *argv)
        assert code == 0, err
        narrowed = json.loads(out)
        assert {k: narrowed[k] for k in figures} == figures
        assert (narrowed["department"], narrowed["facility"]) == (dep, fac)
        assert narrowed["affected"] <= everything["affected"]
    assert expected[(department, None)]["affected"] < everything["affected"]


def test_an_unknown_department_is_one_line_naming_the_known(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "situation",
                          "--department", "없는 부서", "--json")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "없는 부서" in err and "departments:" in err
    code, _, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "situation",
                        "--facility", "nowhere")
    assert code == 1 and "facilities:" in err


def test_task_edit_with_an_empty_due_clears_it(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    code, out, _ = _cli(monkeypatch, capsys, *db, "task", "list", "--json")
    task = next(t for t in json.loads(out) if t["team"] == "systems")
    edit = [*db, "--user", "systems", "task", "edit", task["id"]]
    assert _cli(monkeypatch, capsys, *edit, "--due", "2025-10-21T09:30")[0] == 0

    def due() -> object:
        listed = json.loads(_cli(monkeypatch, capsys, *db, "task", "list", "--json")[1])
        return next(t for t in listed if t["id"] == task["id"])["due"]

    assert due() is not None
    assert _cli(monkeypatch, capsys, *edit, "--title", "제목만")[0] == 0
    assert due() is not None  # no --due: as it was
    code, _, err = _cli(monkeypatch, capsys, *edit, "--due", "")
    assert code == 0, err
    assert due() is None
