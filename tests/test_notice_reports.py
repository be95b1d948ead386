"""The 제N보's 대시민 안내 section lists what was issued up to its moment, from the notice
records; the demo holds the notices its log describes at their times."""

from __future__ import annotations

from datetime import datetime

from console.domain.clock import parse_time
from console.domain.enums import NoticeChannel, NoticeStatus
from console.services.app import Services
from tests.pdftext import flat

FIRST_TEXT = "[서울시] 국가 전산망 화재로 일부 온라인 민원·납부 서비스가 중단되었습니다"


def _at(text: str) -> datetime:
    return parse_time(text)


def test_demo_holds_the_logged_notices_issued_at_their_times(demo: Services) -> None:
    rows = demo.notices.list()
    issued = {(r.channel, f"{r.issued_at:%m-%d %H:%M}") for r in rows}
    assert (NoticeChannel.CBS, "09-27 09:16") in issued  # 18:16 KST, 16 minutes in
    assert {r.channel for r in rows} == set(NoticeChannel)
    scripts = [r for r in rows if r.channel is NoticeChannel.CALL_CENTRE]
    assert [r.status for r in scripts] == [NoticeStatus.SUPERSEDED, NoticeStatus.ISSUED]
    assert scripts[1].references_id == scripts[0].id
    assert all(r.approved_by not in (None, "press") for r in rows)


def test_first_text_went_out_within_20_minutes(demo: Services) -> None:
    assert demo.situation.view(as_of=_at("2025-09-27T18:10")).next_text_due == _at(
        "2025-09-27T18:20")
    assert demo.situation.view(as_of=_at("2025-09-27T18:17")).next_text_due is None


def test_report_lists_what_was_issued_by_its_moment(demo: Services) -> None:
    early = demo.reports.snapshot(as_of=_at("2025-09-27T18:20"))
    assert [(n["channel"], n["text"][:len(FIRST_TEXT)]) for n in early["notices"]] == [
        ("cbs", FIRST_TEXT)]
    evening = demo.reports.snapshot(as_of=_at("2025-09-27T21:00"))
    assert [n["channel"] for n in evening["notices"]] == ["cbs", "website", "call-centre",
                                                           "sns"]
    # §6 lists those since the last report (the demo's 제1보, 18:25), and counts them all.
    assert evening["since"]["number"] == 1
    text = flat(demo.reports.preview(as_of=_at("2025-09-27T21:00")))
    assert "[재난문자] " + FIRST_TEXT not in text  # 18:16, before 제1보
    assert "제1보 이후 3건, 누계 4건" in text
    assert "[SNS 게시]" in text
    first = flat(demo.reports.preview(as_of=_at("2025-09-27T18:20")))
    assert "[재난문자] " + FIRST_TEXT in first
    assert "120 안내 스크립트 v2" not in text  # issued the next day
    english = flat(demo.reports.preview(as_of=_at("2025-09-27T21:00"), lang="en"))
    assert "[Website banner]" in english
