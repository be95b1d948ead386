"""Judgement deductions: the exercise controller's, weighed by the scoring table, in the score
and the after-action report with their notes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import main
from console.domain.enums import Team
from console.domain.errors import ConsoleError, PermissionDenied
from console.services.app import Services
from console.store.models import LogEntry
from tests.conftest import FakeClock
from tests.drill_helpers import DRILL_WALL_START, as_user, copy_of, make_template
from tests.pdftext import flat
from tests.test_drills import _scripted_response

NOTE = "제1보 요약에 피해 시스템 수 누락"


@pytest.fixture(scope="module")
def flood_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("drill-judge"))


@pytest.fixture
def drill(flood_template: Path, tmp_path: Path) -> Iterator[Services]:
    services = Services.open(copy_of(flood_template, tmp_path),
                             clock=FakeClock(DRILL_WALL_START))
    yield services
    services.close()


def test_scoring_with_one_judgement_deduction(drill: Services) -> None:
    _scripted_response(drill)  # misses exactly one deadline: 95
    controller = as_user(drill, "controller")
    with drill.db.sessions() as session:
        entry = session.scalars(select(LogEntry.id).where(LogEntry.team == Team.SITUATION.value,
                                                          LogEntry.text.like("호우경보%"))).one()
    drill.drill_score.judge(controller, "summary_error", NOTE, about=entry)
    result = drill.drill_score.score(controller)
    figures = result.figures()
    assert figures["score"] == 90  # less the default table's 5 for a wrong summary
    assert [d["outcome"] for d in figures["deductions"]] == ["missed"]  # deadlines unchanged
    [judged] = figures["judgements"]
    assert judged["kind"] == "summary_error" and judged["label"] == "요약 오류"
    assert judged["points"] == 5 and judged["note"] == NOTE and judged["about"] == entry
    assert result.count == 2
    pdf = drill.drill_score.after_action_report(controller, "ko")
    text = flat(pdf)
    for expected in ("90점 / 100점 (감점 2건)", "판정 감점", "요약 오류", NOTE):
        assert expected in text, expected
    assert "wrong summary" in flat(drill.drill_score.after_action_report(controller, "en"))


def test_a_judgement_is_the_controllers_and_of_the_tables_kinds(drill: Services,
                                                                tmp_path: Path) -> None:
    controller = as_user(drill, "controller")
    with pytest.raises(PermissionDenied):
        drill.drill_score.judge(as_user(drill, "situation"), "typo", "오탈자")
    for kind, note, about, code in (("gossip", "x", None, "drill.unknown_judgement"),
                                    ("typo", "  ", None, "drill.judgement_needs_note"),
                                    ("typo", "x", "no-such-id", "drill.unknown_record")):
        with pytest.raises(ConsoleError) as refused:
            drill.drill_score.judge(controller, kind, note, about)
        assert refused.value.code == code
    assert drill.drill_score.score(controller).judgements == []
    # The points are the table's: an edited table weighs a typo differently.
    table = json.loads((Path(__file__).parents[1] / "resources/drills/scoring.json")
                       .read_text(encoding="utf-8"))
    table["judgements"]["typo"]["points"] = 7
    own = tmp_path / "own.json"
    own.write_text(json.dumps(table), encoding="utf-8")
    drill.drill_score.set_table(controller, own)
    drill.drill_score.judge(controller, "typo", "제2보 '복귀' → '복구'")
    assert drill.drill_score.score(controller).score == 93


def test_drill_judge_on_the_command_line(flood_template: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(flood_template, tmp_path)
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    base = ["--db", str(path), "--lang", "en", "drill"]
    assert main(["--user", "controller", *base, "judge", "--kind", "wrong_date",
                 "--note", "date of no. 1 wrong"]) == 0
    assert "wrong date or time -3" in capsys.readouterr().out
    assert main(["--user", "controller", *base, "score", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["score"] == 97 and figures["judgements"][0]["note"] == "date of no. 1 wrong"
    assert main(["--user", "press", *base, "score", "--json"]) == 1  # trainees never see it
    assert main(["--user", "press", *base, "judge", "--kind", "typo", "--note", "x"]) == 1
