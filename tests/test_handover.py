"""The shift-handover briefing (교대 브리핑, ICS 201): a period lists exactly the changes the
timeline service records for it, with the situation, tasks, contacts and two signatures."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from console.cli import main
from console.domain.clock import iso, parse_time, to_utc
from console.domain.errors import ValidationError
from console.services.app import Services
from tests.pdftext import pdf_pages


def _text(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(pdf_pages(data)))


@pytest.mark.parametrize("start, end", [("2025-10-01T08:00+09:00", "2025-10-01T16:00+09:00"),
                                        ("2025-09-27T17:00+09:00", "2025-09-28T01:00+09:00")])
def test_a_period_lists_exactly_the_timelines_changes_of_that_period(demo: Services, start,
                                                                     end) -> None:
    first, last = parse_time(start), parse_time(end)
    expected = [e for e in demo.timeline.entries(until=last) if to_utc(e.at) >= to_utc(first)]
    before = demo.timeline.entries(until=first - timedelta(seconds=1))
    assert expected and before  # the period has changes, and so does the time before it
    data = demo.handover.gather(start=first, end=last)
    assert [(c["at"], c["text"]) for c in data.changes] == [(iso(e.at), e.text)
                                                             for e in expected]
    text = _text(demo.handover.briefing(start=first, end=last))
    assert f"2. 기간 중 변동 사항({len(expected)})" in text
    for entry in expected:  # each change of the period is printed ...
        assert re.sub(r"\s+", "", entry.text)[:14] in text.replace(" ", "")
    situation = demo.situation.view(as_of=last).situation
    assert f"64개 중 {situation.restored}개 복구" in text
    for part in ("1. 현재 상황", "3. 반별 진행 과제", "4. 기한 경과 항목", "5. 승인 대기",
                 "6. 다음 근무 기간 목표", "7. 연락처", "인계자", "인수자"):
        assert part in text


def test_the_report_issued_in_the_period_is_a_change_and_one_outside_is_not(demo: Services
                                                                            ) -> None:
    data = demo.handover.gather(start=parse_time("2025-10-01T08:00+09:00"),
                                end=parse_time("2025-10-01T16:00+09:00"))
    reports = [c["text"] for c in data.changes if c["kind"] == "상황보고"]
    assert reports == ["제12보 발령", "제13보 발령"]


def test_open_tasks_carry_owner_and_due_and_overdue_ones_are_listed(demo: Services) -> None:
    end = parse_time("2025-10-05T12:00+09:00")
    data = demo.handover.gather(start=end - timedelta(hours=8), end=end)
    plans = demo.reports.snapshot(as_of=end)["plans"]
    assert [(t["team"], t["title"], t["due"]) for t in data.tasks] == [
        (p["team"], p["title"], p["due"]) for p in plans]
    assert sum(1 for t in data.tasks if t["overdue"]) == sum(1 for p in plans if p["overdue"])
    text = _text(demo.handover.briefing(start=end - timedelta(hours=8), end=end, lang="en"))
    assert "Shift handover briefing (ICS 201)" in text and "Outgoing lead" in text


def test_the_default_period_is_the_last_eight_hours_and_a_reversed_one_is_refused(
        demo: Services, demo_db, tmp_path, capsys) -> None:
    first, last = demo.handover.period(None, None)
    assert last - first == timedelta(hours=8) and last == demo.handover.now()
    with pytest.raises(ValidationError):
        demo.handover.period(parse_time("2025-10-02T00:00+09:00"),
                             parse_time("2025-10-01T00:00+09:00"))
    out = tmp_path / "handover.pdf"
    assert main(["--db", str(demo_db), "handover", "--out", str(out), "--from",
                 "2025-10-02T00:00+09:00", "--to", "2025-10-01T00:00+09:00"]) == 1
    assert not out.exists()
    assert "교대 브리핑 기간" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "handover", "--out", str(out), "--from",
                 "2025-10-01T08:00+09:00", "--to", "2025-10-01T16:00+09:00"]) == 0
    assert "교대 브리핑(ICS 201)" in _text(out.read_bytes())
