"""Scenario files: the shipped ones parse; a bad one is refused with its file, line and field;
the drill commands keep the contract's names (DESIGN.md §7, second part)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main
from console.domain.errors import ConsoleError
from console.domain.scenario import parse_scenario
from console.locate import resource
from console.services.drills import load_named, scenario_names

FLOOD = resource("scenarios", "flood.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", scenario_names())
def test_every_shipped_scenario_parses(name: str) -> None:
    scenario, _ = load_named(name)
    assert scenario.name == name and scenario.injects
    assert [i.at for i in scenario.injects] == sorted(i.at for i in scenario.injects)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_bad_team_is_refused_with_its_line() -> None:
    text = FLOOD.replace('"at": "12m", "team": "network"', '"at": "12m", "team": "firemen"')
    with pytest.raises(ConsoleError) as refused:
        parse_scenario(text, "flood.json")
    line = _line_of(text, '"firemen"')
    assert refused.value.render("en") == (
        f"scenario flood.json line {line}, injects[3].team: 'firemen' is not allowed: one of "
        "situation, systems, network, continuity, press")
    assert f"{line}행" in refused.value.render("ko")


def test_a_missing_field_and_bad_json_name_their_lines() -> None:
    data = json.loads(FLOOD)
    del data["injects"][2]["text"]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    with pytest.raises(ConsoleError) as missing:
        parse_scenario(text, "x.json")
    assert "injects[2].text: this required field is missing" in missing.value.render("en")
    broken = FLOOD.replace('"within": "10m",\n              "text": "복구', '"within": "10m"\n'
                           '              "text": "복구')
    with pytest.raises(ConsoleError) as bad_json:
        parse_scenario(broken, "x.json")
    line = _line_of(broken, '"text": "복구 조치과제')
    assert bad_json.value.render("en").startswith(f"scenario x.json line {line}, -: not valid")
    late = FLOOD.replace('"at": "8m"', '"at": "1m"')
    with pytest.raises(ConsoleError) as order:
        parse_scenario(late, "x.json")
    assert "injects[2].at: injects must be in order" in order.value.render("en")


def test_the_drill_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    assert main(["drill", "scenarios", "--json"]) == 0
    names = {row["name"] for row in json.loads(capsys.readouterr().out)}
    assert {"flood", "nirs-2025"} <= names
    drill = tmp_path / "d.sqlite"
    assert main(["drill", "new", "--scenario", "flood", "--out", str(drill)]) == 0
    capsys.readouterr()
    assert main(["drill", "new", "--scenario", "flood", "--out", str(drill)]) == 1
    assert capsys.readouterr().err.count("\n") == 1  # one line
    assert main(["drill", "new", "--scenario", "nope", "--out", str(tmp_path / "n.sqlite")]) == 1
    assert "flood" in capsys.readouterr().err
    db = ["--db", str(drill), "--user", "controller"]
    assert main([*db, "drill", "advance", "--by", "6m"]) == 0
    assert main([*db, "drill", "advance", "--to", "7m"]) == 0
    assert main([*db, "--lang", "en", "drill", "advance", "--to", "1m"]) == 1
    assert "does not go back" in capsys.readouterr().err
    assert main([*db, "drill", "advance", "--by", "soon"]) == 1
    capsys.readouterr()
    assert main([*db, "drill", "score", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= {"score", "deductions"}
    assert [d["kind"] for d in figures["deductions"]] == ["acknowledgement", "inject"]
    assert main([*db, "drill", "lesson", "--text", "첫 접수 기록이 늦음"]) == 0
    assert main([*db, "drill", "aar", "--out", str(tmp_path / "aar.pdf")]) == 0
    assert (tmp_path / "aar.pdf").read_bytes().startswith(b"%PDF")
    assert main([*db, "--lang", "en", "sync", "export", "--out", str(tmp_path / "b.zip")]) == 1
    assert "exercise database" in capsys.readouterr().err
    assert main(["--db", str(drill), "--user", "systems", "drill", "score"]) == 1


def test_nirs_2025_is_the_demo_incident_replayed(demo_db: Path) -> None:
    """The shipped replay is exactly what ``drill from-incident`` makes of the demo's record
    (so it can be made again after the demo changes)."""
    from console.services.app import Services
    from console.services.drill_replay import scenario_from_incident

    services = Services.open(demo_db)
    try:
        made = scenario_from_incident(services, "nirs-2025")
    finally:
        services.close()
    shipped = json.loads(resource("scenarios", "nirs-2025.json").read_text(encoding="utf-8"))
    assert made == shipped
    scenario = parse_scenario(json.dumps(made, ensure_ascii=False), "nirs-2025.json")
    down = {code for inject in scenario.injects for code in inject.effects.systems_down}
    assert len(down) == 64  # every system the demo lost
    kinds = [i.expect.kind.value for i in scenario.injects if i.expect]
    assert kinds == ["log", "activate", "close"]


def test_an_open_incident_is_not_replayed(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    drill = tmp_path / "d.sqlite"
    assert main(["drill", "new", "--scenario", "flood", "--out", str(drill)]) == 0
    assert main(["--db", str(drill), "--lang", "en", "drill", "from-incident", "--out",
                 str(tmp_path / "s.json")]) == 1
    assert "is not closed yet" in capsys.readouterr().err


def test_the_scoring_table_can_be_edited_and_a_bad_one_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    drill = tmp_path / "d.sqlite"
    assert main(["drill", "new", "--scenario", "flood", "--out", str(drill)]) == 0
    db = ["--db", str(drill), "--user", "controller"]
    assert main([*db, "drill", "advance", "--by", "20m"]) == 0
    capsys.readouterr()
    assert main([*db, "drill", "score", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)["score"]
    table = json.loads(resource("drills", "scoring.json").read_text(encoding="utf-8"))
    table["deductions"]["acknowledgement"]["missed"] = 40
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps(table), encoding="utf-8")
    assert main([*db, "drill", "scoring", "--table", str(mine)]) == 0
    capsys.readouterr()
    assert main([*db, "drill", "score", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"] == before - 30
    table["deductions"]["inject"]["late"] = "two"
    mine.write_text(json.dumps(table), encoding="utf-8")
    assert main([*db, "--lang", "en", "drill", "scoring", "--table", str(mine)]) == 1
    assert "deductions.inject.late" in capsys.readouterr().err
