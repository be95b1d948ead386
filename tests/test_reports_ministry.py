"""The situation report as the ministry reads it (issue 13): every figure as of its moment."""

from __future__ import annotations

import re

import pytest

from console.domain.clock import kst, parse_time
from console.domain.enums import Team
from console.domain.errors import ValidationError
from console.reports import printouts
from console.services.app import Services
from console.services.demo import DEMO_USERS
from tests.pdftext import flat, pdf_pages

MOMENTS = ["2025-09-27T19:00+09:00", "2025-10-01T12:00+09:00", "2025-10-14T18:00+09:00"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_alternative_means_figures_are_the_outage_clocks(demo: Services, moment: str) -> None:
    as_of = parse_time(moment)
    situation = demo.situation.view(as_of=as_of).situation
    now, total = situation.alternative_active, situation.alternative_total
    citizen = sum(1 for o in situation.outages
                  if o.alternative_active and o.fact.category == "citizen")
    text = flat(demo.reports.preview(as_of=as_of))
    # The page-1 box: restored / affected, down, citizen down, on alternative means now.
    box = (f"{situation.restored} / 64 {64 - situation.restored} {situation.citizen_down} "
           f"{now} 복구")
    assert box in text
    assert f"대체수단 운영 중(누계 {total})" in text
    # §6 says the same numbers, as of the same moment.
    local = kst(as_of)
    stamp = f"{local.month}. {local.day}. {local:%H:%M}"
    assert f"{stamp} 현재 대체수단 운영 중 {now}개(대시민 {citizen}개), 누계 {total}개" in text
    running = len(re.findall(r"운영 중(?! \()", text.split("6. 대시민 안내")[1]
                             .split("대시민 안내 실적")[0]))
    assert running == now + 1  # the rows "운영 중" plus the lead line's "운영 중 N개"


def test_expected_figures_at_the_three_moments(demo: Services) -> None:
    """The demo's outage clock at the issue's three moments: 15, 11 and 0 running."""
    running = [demo.situation.view(as_of=parse_time(m)).situation.alternative_active
               for m in MOMENTS]
    assert running == [15, 11, 0]


def test_phase_rows_count_the_systems_of_each_phase(demo: Services) -> None:
    early = demo.situation.view(as_of=parse_time("2025-09-28T12:00+09:00")).situation
    text = flat(demo.reports.preview(as_of=early.as_of))
    assert f"1차 복구 대상 64개 중 {early.restored}개 복구" in text
    assert "2차 복구 대상" not in text  # nobody knew of a phase 2 then
    late = flat(demo.reports.preview(as_of=parse_time("2025-10-08T12:00+09:00")))
    assert "1차 복구 대상 63개 중 63개 복구 · 2차 복구 대상 1개 중 0개 복구" in late


def test_phase_two_starts_when_it_was_decided(demo: Services) -> None:
    snapshot = demo.reports.snapshot(as_of=parse_time("2025-10-14T18:00+09:00"))
    assert snapshot["phase_starts"]["2"] == "2025-10-06T10:00:00.000000Z"  # 10. 6. 19:00 KST
    text = flat(demo.reports.preview(as_of=parse_time("2025-10-14T18:00+09:00")))
    assert "붉은 점선" not in text and "1차 붉은색, 2차 녹색" in text


def _between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_body_name_on_every_page(demo: Services) -> None:
    pages = pdf_pages(demo.reports.preview(as_of=parse_time("2025-10-01T12:00+09:00")))
    assert all("서울특별시 재난안전대책본부" in page for page in pages)
    assert not any("디지털재난 대책본부" in page for page in pages)


def test_header_says_level_since_kind_recipients_and_stand_down(demo: Services) -> None:
    first = flat(demo.reports.preview(as_of=parse_time("2025-09-27T19:00+09:00")))
    assert "심각(9. 27. 18:00 상향)" in first
    assert "보고 구분 중간보고" in first and "대책본부 해제 -" in first  # after 제1보 (18:25)
    before_first = flat(demo.reports.preview(as_of=parse_time("2025-09-27T18:20+09:00")))
    assert "보고 구분 최초보고" in before_first
    assert "보고처 서울특별시장, 행정안전부 중앙재난안전상황실" in first
    lowered = flat(demo.reports.preview(as_of=parse_time("2025-10-08T12:00+09:00")))
    assert "경계(10. 6. 18:30 하향)" in lowered
    final = flat(demo.reports.preview(as_of=parse_time("2025-10-18T12:00+09:00")))
    assert "대책본부 해제 2025. 10. 17.(금) 18:00" in final and "최종보고" in final
    assert "○ 10. 17. 18:00 대책본부 해산(상황 종료)" in final


def test_a_stored_draft_names_its_preparer(demo: Services) -> None:
    actor = demo.accounts.login("situation", "demo", "ko")
    drafted = demo.reports.draft(actor, as_of=parse_time("2025-10-01T12:00+09:00"))
    assert "작성 상황총괄반장 승인 (승인 전)" in flat(drafted.pdf)


def test_overview_is_written_as_of_the_moment(demo: Services) -> None:
    text = flat(demo.reports.preview(as_of=parse_time("2025-09-27T19:00+09:00")))
    overview = _between(text, "1. 개요", "2. 피해현황")
    assert "복구하였다" not in text and "27개" not in overview
    for line in ("○ 9. 26. 20:20 국가정보자원관리원 대전센터 5층 전산실(UPS 배터리) 화재 발생",
                 "○ 연계 시스템 64개(23개 실국) 장애 발생(대시민 38·내부행정 26)",
                 "○ 9. 27. 18:00 재난안전대책본부 가동",
                 "○ 9. 27. 19:00 현재 64개 중 0개 복구(0.0%), 대체수단 운영 중 15개"):
        assert line in overview, line
    before = flat(demo.reports.preview(as_of=parse_time("2025-09-27T12:00+09:00")))
    assert "재난안전대책본부 가동" not in _between(before, "1. 개요", "2. 피해현황")


def test_no_space_before_a_bracket(demo: Services) -> None:
    text = flat(demo.reports.preview(as_of=parse_time("2025-10-01T12:00+09:00")))
    assert not re.findall(r"[가-힣0-9%.] \((?!P10)", text.replace("(승인 전)", ""))
    assert "(복구 목표 RTO)" in text and "(RTO)" not in text


@pytest.mark.parametrize("moment", [*MOMENTS, "2025-10-08T12:00+09:00"])
def test_no_sentence_mentions_an_event_after_its_moment(demo: Services, moment: str) -> None:
    """Every time printed in 1.–2. and 4.–6. is at or before the moment (3. lists expected
    recoveries and 7. the plans: those are ahead by nature)."""
    as_of = kst(parse_time(moment))
    text = flat(demo.reports.preview(as_of=parse_time(moment)))
    past = _between(text, "1. 개요", "3. 복구현황") + _between(text, "4. 조치사항", "7. 향후계획")
    times = re.findall(r"(?<![\d.])(\d{1,2})\. (\d{1,2})\. (\d{2}):(\d{2})", past)
    assert times
    for month, day, hour, minute in times:
        printed = as_of.replace(month=int(month), day=int(day), hour=int(hour),
                                minute=int(minute))
        assert printed <= as_of, f"{month}. {day}. {hour}:{minute} after {moment}"


def test_printouts_name_authors_and_write_the_official_way(demo: Services) -> None:
    log = flat(demo.reports.printout("log", Team.SITUATION))
    assert "상황총괄반장" in log and not re.search(r"\bsituation\b", log)
    row = {"code": "SEO-0001", "name": "가", "department": "나", "category": "citizen",
           "importance_grade": 1, "grade": 1, "status": "workaround", "phase": 1,
           "detected_at": "2025-09-26T11:20:00Z", "restored_at": None,
           "alternative_active": True}
    register = flat(printouts.outage_register("사고", [row], "2025-09-27T10:00:00Z"))
    assert "대체운영 9. 26. 20:20 - ○" in register
    inventory = flat(demo.reports.printout("inventory"))
    assert "48시간" in inventory and not re.search(r"\d+h\b", inventory)


def test_next_steps_come_from_the_record(demo: Services) -> None:
    down = flat(demo.reports.preview(as_of=parse_time("2025-10-01T12:00+09:00")))
    assert "○ 미복구 31개 시스템 복구 지속" in _between(down, "7. 향후계획", "다음 보고 예정")
    final = flat(demo.reports.preview(as_of=parse_time("2025-10-18T12:00+09:00")))
    plans = final.split("7. 향후계획", 1)[1]
    assert "사후 평가 및 재발방지 대책(이중화·분산) 수립 지시(10. 17. 18:00 결정)" in plans


def test_sections_4_and_6_count_the_same_period_as_their_rows(demo: Services) -> None:
    snapshot = demo.reports.snapshot(as_of=parse_time("2025-09-30T18:00+09:00"))
    since = snapshot["since"]
    assert since == {"number": 10, "as_of": "2025-09-30T03:00:00.000000Z"}  # the demo's 제10보
    text = flat(demo.reports.render(snapshot))
    systems = snapshot["teams"]["systems"]
    assert (f"시스템장애조치반(완료 {len(systems['done'])}(누계 {systems['counts']['done']})"
            in text)
    assert all(item[1] > since["as_of"] for item in systems["done"])
    period = [n for n in snapshot["notices"] if n["at"] > since["as_of"]]
    assert period and len(period) < len(snapshot["notices"])
    assert f"제10보 이후 {len(period)}건, 누계 {len(snapshot['notices'])}건" in text
    notices = _between(text, "대시민 안내 실적", "7. 향후계획")
    assert "9. 28. 11:00" not in notices and "9. 30. 14:00" in notices


def test_a_short_table_moves_whole_with_its_heading() -> None:
    from reportlab.platypus import Spacer

    from console.reports.layout import PageFrame, build_pdf, heading_with, table

    frame = PageFrame("머리", "오른쪽", lambda x, y: f"쪽 {x} / {y}")
    rows = [[f"행{i}", str(i)] for i in range(1, 5)]
    story = [Spacer(1, 640), *heading_with("짧은 표", table(["이름", "값"], rows, [0.5, 0.5]))]
    pages = pdf_pages(build_pdf(story, frame, title="t"))
    assert len(pages) == 2
    assert "짧은 표" in pages[1] and all(f"행{i}" in pages[1] for i in range(1, 5))


def test_a_report_made_today_of_the_closed_incident_charts_until_the_stand_down(
        demo: Services) -> None:
    text = flat(demo.reports.preview(as_of=parse_time("2026-12-01T10:00+09:00")))
    chart = _between(text, "복구 추이", "실선:")
    labels = re.findall(r"(\d{1,2})\. (\d{1,2})\.", chart)
    assert 3 <= len(labels) <= 12
    assert max((int(m), int(d)) for m, d in labels) <= (10, 17)
    assert "대책본부 해제 2025. 10. 17.(금) 18:00" in text


def test_the_demo_holds_its_40_reports_and_the_next_is_41(demo: Services) -> None:
    issued = [r for r in demo.reports.list() if r.number is not None]
    assert [r.number for r in issued] == list(range(1, 41))
    assert kst(issued[0].as_of).strftime("%m-%d %H:%M") == "09-27 18:25"
    assert kst(issued[-1].as_of).strftime("%m-%d %H:%M") == "10-17 17:00"
    assert all(r.approved_by == "controller" and r.prepared_by == "situation" for r in issued)
    twentieth = demo.reports.reprint(issued[19].id)
    assert twentieth.first_print and twentieth.matches
    text = flat(twentieth.pdf)
    assert "상황보고 제20보(중간보고)" in text and "제20보 · 쪽 1 /" in text
    assert "작성 상황총괄반장 승인 통제관 (디지털도시국장)" in text
    assert "5. 주요 결정사항(제19보 이후)" in text
    first = flat(demo.reports.reprint(issued[0].id).pdf)
    assert "상황보고 제1보(최초보고)" in first
    controller = demo.accounts.login("controller", "demo", "ko")
    with pytest.raises(ValidationError) as refused:
        demo.reports.approve(controller, as_of=parse_time("2025-10-20T09:00+09:00"))
    assert "종료(대책본부 해제)" in refused.value.render("ko")
    assert len(demo.reports.list()) == 40  # nothing issued
    final = demo.reports.approve(controller, as_of=parse_time("2025-10-20T09:00+09:00"),
                                 reason="최종 결과 보고")
    assert final.row.number == 41
    text = flat(final.pdf)
    assert "상황보고 제41보(최종보고)" in text
    assert "※ 상황 종료 후 발행: 발행 사유 — 최종 결과 보고" in text


def test_a_back_dated_report_needs_a_reason_and_says_so(demo: Services) -> None:
    controller = demo.accounts.login("controller", "demo", "ko")
    moment = parse_time("2025-10-01T12:00+09:00")
    with pytest.raises(ValidationError) as refused:
        demo.reports.approve(controller, as_of=moment, reason="  ")
    assert "이미 발행한 제40보(2025. 10. 17.(금) 17:00 현재)보다 이른 시점" in (
        refused.value.render("ko"))
    issued = demo.reports.approve(controller, as_of=moment, reason="12시 보고 누락분")
    assert issued.row.number == 41
    text = flat(issued.pdf)
    assert ("※ 소급 보고(이미 발행한 보고보다 이른 시점), 상황 종료 후 발행: 발행 사유 — 12시 보고 누락분"
            in text)


def test_the_register_lists_each_report_and_its_paper_copies(demo: Services) -> None:
    situation = demo.accounts.login("situation", "demo", "ko")
    twentieth = next(r for r in demo.reports.list() if r.number == 20)
    copy = demo.reports.reprint_copy(situation, twentieth.id)
    pages = pdf_pages(copy.pdf)
    assert all("재출력 · 2025. 10. 20.(월) 09:00" in page for page in pages)  # the demo clock
    assert copy.matches
    row = next(r for r in demo.reports.list() if r.number == 20)
    assert row.reprints == ((parse_time("2025-10-20T00:00Z"), "situation"),)
    assert row.report_to == ("서울특별시장", "행정안전부 중앙재난안전상황실")
    assert kst(row.as_of).strftime("%m-%d %H:%M") == "10-03 18:00"
    assert not any("재출력" in page for page in pdf_pages(demo.reports.reprint(row.id).pdf))


def test_the_inventory_marks_grade_1_2_systems_without_alternative_means(
        demo: Services) -> None:
    systems = demo.inventory.systems()
    missing = [s for s in systems if s.grade <= 2 and not s.alternative_means]
    assert missing
    text = flat(demo.reports.printout("inventory"))
    assert text.count("미수립") == len(missing)
    first = missing[0]
    assert re.search(rf"{first.code} .*?미수립", text)


def test_the_commanders_summary_is_one_page_as_of_its_moment(demo: Services, demo_db,
                                                              tmp_path, capsys) -> None:
    from console.cli import main

    moment = parse_time("2025-10-01T12:00+09:00")
    situation = demo.situation.view(as_of=moment).situation
    pages = pdf_pages(demo.reports.summary(as_of=moment))
    assert len(pages) == 1
    text = re.sub(r"\s+", " ", pages[0])
    assert "위기경보: 심각(9. 27. 18:00 상향)" in text
    assert f"64개 중 {situation.restored}개 복구" in text
    for grade in (1, 2, 3, 4):
        of = [o for o in situation.outages if o.fact.importance_grade == grade]
        done = sum(1 for o in of if o.status.is_restored)
        assert f"{grade}등급 {len(of)} {done} {len(of) - done}" in text
    assert f"대시민 서비스 미복구({situation.citizen_down})" in text
    assert "복구 완료 전망(추정치)" in text
    out = tmp_path / "summary.pdf"
    assert main(["--db", str(demo_db), "summary", "--out", str(out), "--as-of",
                 "2025-10-01T12:00+09:00"]) == 0
    assert capsys.readouterr().out.strip() == str(out) and len(pdf_pages(out.read_bytes())) == 1


def test_the_register_and_the_timeline_name_people_as_the_pages_do(demo: Services) -> None:
    """The window's report list and timeline show who by name and position, as the printed
    pages do; the login id stays in the JSON and in "new since your last log-in"."""
    row = next(r for r in demo.reports.list() if r.number == 1)
    assert row.approved_name and row.approved_name != row.approved_by
    assert row.approved_name in {display for *_, display in DEMO_USERS}
    entries = [e for e in demo.timeline.entries() if e.author == "situation"]
    assert entries and {e.author_name for e in entries} == {"상황총괄반장"}
