"""교훈 및 재발방지 대책 in the 최종(결과)보고: the lessons command records (also after the
stand-down) and the record's lines that state a follow-up, read back from the PDF."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from console.cli import main
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.lessons import states_follow_up
from console.services.app import Services
from tests.pdftext import pdf_pages

LESSON = "연계 시스템 이중화·분산 배치 기준 수립(재발방지)"


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", "", " ".join(pdf_pages(data)))


def test_what_states_a_follow_up() -> None:
    assert states_follow_up("대책본부 해산, 사후 평가 및 재발방지 대책(이중화·분산) 수립 지시")
    assert states_follow_up("국가 센터 연계 이중화 개선안 작성")
    assert states_follow_up("Lessons learnt: keep paper forms at every desk")
    assert not states_follow_up("수기 접수분 사후 입력 완료(누계 5,872건)")  # typing in later
    assert not states_follow_up("SEO-0030 대체운영 개시")


def test_the_final_report_lists_lessons_and_stated_follow_ups(demo: Services) -> None:
    commander = demo.accounts.login("commander", "demo")
    # After the stand-down (10-17 18:00): the closed incident takes it.
    demo.lessons.add(commander, LESSON, at=datetime(2025, 10, 19, 1, 0, tzinfo=UTC))
    lessons = demo.lessons.all()
    assert [(x.source, x.text) for x in lessons] == [
        ("log", "연계 회선 장애 이력 정리, 국가 센터 연계 이중화 개선안 작성"),
        ("decision", "대책본부 해산, 사후 평가 및 재발방지 대책(이중화·분산) 수립 지시"),
        ("lesson", LESSON)]
    text = _flat(demo.final_report.render())
    section = text.split("6.교훈및재발방지대책(3)")[1]
    assert "10.19.10:00교훈기록" + re.sub(r"\s+", "", LESSON) in section
    assert "10.17.18:00결정사항대책본부해산,사후평가및재발방지대책" in section
    assert "10.10.14:00활동일지연계회선장애이력정리" in section
    assert "5.후속조치" in text
    english = re.sub(r"\s+", " ", " ".join(pdf_pages(demo.final_report.render(lang="en"))))
    assert "6. Lessons and prevention of recurrence (3)" in english


def test_only_command_records_a_lesson_and_bad_input_changes_nothing(demo: Services) -> None:
    with pytest.raises(PermissionDenied):
        demo.lessons.add(demo.accounts.login("situation", "demo"), LESSON)
    commander = demo.accounts.login("commander", "demo")
    with pytest.raises(ValidationError, match="no text"):
        demo.lessons.add(commander, "  ")
    with pytest.raises(ValidationError, match="before the incident began"):
        demo.lessons.add(commander, LESSON, at=datetime(2025, 1, 1, tzinfo=UTC))
    assert demo.lessons.recorded() == []


def test_the_cli_records_and_lists_lessons(demo_db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    db = ["--db", str(demo_db)]
    assert main([*db, "--user", "deputy", "incident", "lesson", "--text", LESSON]) == 0
    capsys.readouterr()
    assert main([*db, "incident", "lessons", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["source"] for r in rows] == ["log", "decision", "lesson"]
    assert rows[-1]["text"] == LESSON and rows[-1]["by"] == "deputy"
    assert main([*db, "--user", "press", "incident", "lesson", "--text", "x"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
