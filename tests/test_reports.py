"""Situation reports: figures read back from the PDF against the database, numbering, records."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pypdf
import pytest

from console.domain.clock import parse_time
from console.domain.enums import Role, Team
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ids import natural_id
from console.reports.snapshot import dumps, loads
from console.services.app import Services
from console.services.context import Actor
from console.store.models import SituationReport, Workstation
from tests.pdftext import flat, pdf_pages

PHASE_ONE = parse_time("2025-10-03T12:00+09:00")
END_OF_PHASE_ONE = parse_time("2025-10-06T20:00+09:00")
THE_END = parse_time("2025-10-20T00:00+09:00")
LATE = "시험: 지난 시점의 보고"
"""The demo holds its 40 reports (to 10. 17. 17:00) and is closed: a report of an earlier
moment needs a reason."""


def demo_actor(services: Services, name: str, lang: str = "ko") -> Actor:
    return services.accounts.login(name, "demo", lang)


def test_phase_one_figure_matches_the_database(demo: Services) -> None:
    restored = demo.situation.view(as_of=PHASE_ONE).situation.restored
    assert 0 < restored < 63
    text = flat(demo.reports.preview(as_of=PHASE_ONE))
    assert f"10. 3. 12:00 현재 64개 중 {restored}개 복구({100 * restored / 64:.1f}%)" in text
    assert f"{restored} / 64" in text  # the key-figure box agrees
    english = flat(demo.reports.preview(as_of=PHASE_ONE, lang="en"))
    assert f"{restored} of 64 restored" in english


def test_end_of_phase_one_and_the_end(demo: Services) -> None:
    text = flat(demo.reports.preview(as_of=END_OF_PHASE_ONE))
    assert "10. 6. 20:00 현재 64개 중 63개 복구(98.4%)" in text
    assert "미복구 시스템(1)" in text
    still_down = demo.situation.view(as_of=END_OF_PHASE_ONE).situation.still_down[0].fact
    assert still_down.code in text
    end = flat(demo.reports.preview(as_of=THE_END))
    assert "64개 중 64개 복구(100.0%)" in end
    assert "미복구 시스템 없음" in end


def test_report_structure_teams_and_page_numbers(demo: Services) -> None:
    pages = pdf_pages(demo.reports.preview(as_of=PHASE_ONE))
    text = re.sub(r"\s+", " ", " ".join(pages))
    for heading in ("상황보고(초안", "1. 개요", "2. 피해현황", "3. 복구현황", "4. 조치사항",
                    "5. 주요 결정사항", "6. 대시민 안내", "7. 향후계획", "붙임. 장애 시스템 목록",
                    "위기경보", "대책본부 가동", "2025. 9. 27.(토) 18:00", "심각"):
        assert heading in text, heading
    for team in Team:
        assert team.ko in text, team
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        assert f"초안 · 쪽 {number} / {len(pages)}" in page
        assert "상황보고 초안 · 2025. 10. 3.(금) 12:00 현재" in page  # the running header
    english = flat(demo.reports.preview(as_of=PHASE_ONE, lang="en"))
    for team in Team:
        assert team.en in english
    assert "1. Overview" in english and "page 1 /" in english


def test_font_is_embedded_and_nothing_else_is_used(demo: Services) -> None:
    reader = pypdf.PdfReader(io.BytesIO(demo.reports.preview(as_of=PHASE_ONE)))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "NanumGothic" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"]
            seen.add(font["/BaseFont"].split("+")[-1])
    assert seen == {"NanumGothic", "NanumGothicBold"}


def test_same_snapshot_same_bytes_in_any_order(demo: Services) -> None:
    snapshot = demo.reports.snapshot(as_of=PHASE_ONE)
    first = demo.reports.render(snapshot)
    demo.reports.render(snapshot, "en")  # another document in between changes nothing
    again = demo.reports.render(loads(dumps(snapshot)))
    assert first == again
    assert dumps(snapshot) == dumps(demo.reports.snapshot(as_of=PHASE_ONE))


def test_approval_permissions_and_numbering(demo: Services) -> None:
    for name in ("observer", "systems", "situation"):
        with pytest.raises(PermissionDenied) as denied:
            demo.reports.approve(demo_actor(demo, name), as_of=PHASE_ONE)
        assert denied.value.render("ko") == "본부장·차장·통제관만 상황보고를 승인할 수 있습니다"
    with pytest.raises(PermissionDenied) as denied:
        demo.reports.draft(demo_actor(demo, "observer"), as_of=PHASE_ONE)
    assert "상황보고를 작성할 수 있습니다" in denied.value.render("ko")
    controller = demo_actor(demo, "controller")
    first = demo.reports.approve(controller, as_of=PHASE_ONE, reason=LATE)
    second = demo.reports.approve(demo_actor(demo, "deputy"), as_of=END_OF_PHASE_ONE,
                                  reason=LATE)
    assert (first.row.number, second.row.number) == (41, 42)  # after the demo's 40
    assert "상황보고 제41보" in flat(first.pdf) and "제41보 · 쪽 1 /" in flat(first.pdf)
    text = flat(second.pdf)
    assert "상황보고 제42보" in text and "초안" not in text
    assert "차장 (행정1부시장)" in text  # prepared and approved by, frozen in the record
    # Since the last report before its moment: the demo's 10. 6. 17:00 report (제29보)... as
    # the stored register says, whatever its number.
    before = max((r for r in demo.reports.list() if r.number and r.as_of < END_OF_PHASE_ONE),
                 key=lambda r: r.as_of)
    assert f"5. 주요 결정사항(제{before.number}보 이후)" in text
    assert [r.title() for r in demo.reports.list()][-2:] == ["제41보", "제42보"]


def test_draft_then_approve_keeps_the_draft_and_its_author(demo: Services) -> None:
    drafted = demo.reports.draft(demo_actor(demo, "situation"), as_of=PHASE_ONE)
    assert drafted.row.number is None and drafted.row.prepared_by == "situation"
    issued = demo.reports.approve(demo_actor(demo, "commander"), draft_id=drafted.row.id,
                                  reason=LATE)
    assert issued.row.number == 41
    assert issued.row.prepared_by == "situation" and issued.row.approved_by == "commander"
    assert issued.row.as_of == drafted.row.as_of
    assert "상황총괄반장" in flat(issued.pdf) and "본부장 (서울특별시장)" in flat(issued.pdf)
    rows = {r.id: r for r in demo.reports.list()}
    assert rows[drafted.row.id].approved_as == issued.row.id
    assert rows[drafted.row.id].approved_number == 41
    assert rows[drafted.row.id].title() == "제41보로 승인됨"  # not "초안" any more
    assert rows[drafted.row.id].title("en") == "Approved as No. 41"
    with pytest.raises(ValidationError, match="already issued"):
        demo.reports.approve(demo_actor(demo, "commander"), draft_id=issued.row.id)
    with pytest.raises(NotFound):
        demo.reports.approve(demo_actor(demo, "commander"), draft_id="nope")


def test_reprint_is_identical_and_a_changed_renderer_is_reported(demo: Services) -> None:
    issued = demo.reports.approve(demo_actor(demo, "controller"), as_of=END_OF_PHASE_ONE,
                                  reason=LATE)
    again = demo.reports.reprint(issued.row.id)
    assert again.matches and again.pdf == issued.pdf
    assert pdf_pages(again.pdf) == pdf_pages(issued.pdf)
    with demo.db.transaction() as session:
        session.get(SituationReport, issued.row.id).pdf_sha256 = "0" * 64
    changed = demo.reports.reprint(issued.row.id)
    assert not changed.matches and pdf_pages(changed.pdf) == pdf_pages(issued.pdf)


def test_two_workstations_issuing_the_same_number_are_flagged_not_renumbered(
        demo: Services) -> None:
    """Sync is a grow-only set of records: simulate what it delivers, a second workstation's
    제2보 arriving in a database that issued its own 제2보 while offline."""
    controller = demo_actor(demo, "controller")
    demo.reports.approve(controller, as_of=PHASE_ONE, reason=LATE)
    mine = demo.reports.approve(controller, as_of=END_OF_PHASE_ONE, reason=LATE)
    other_station = natural_id("workstation", "상황실-2")
    with demo.db.transaction() as session:
        session.add(Workstation(id=other_station, name="상황실-2", public_key=None, trusted=True,
                                created_at=THE_END, updated_at=THE_END, deleted=False))
        original = session.get(SituationReport, mine.row.id)
        session.add(SituationReport(
            id=natural_id("test", "theirs"), incident_id=original.incident_id, number=42,
            as_of=parse_time("2025-10-06T21:00+09:00"), issued_at=THE_END,
            prepared_by=original.prepared_by, approved_by=original.approved_by, lang="ko",
            snapshot_json=original.snapshot_json, pdf_sha256=original.pdf_sha256,
            recorded_at=THE_END, author_id=original.author_id, workstation_id=other_station))
    rows = demo.reports.list()
    assert [r.number for r in rows] == [*range(1, 42), 42, 42]
    by_id = {r.id: r for r in rows}
    assert by_id[mine.row.id].title() == "제42보 (중복: 상황실-2 발행본과 번호 중복)"
    assert by_id[natural_id("test", "theirs")].title() == "제42보 (중복: demo 발행본과 번호 중복)"
    assert "duplicate: same number as 상황실-2's report" in by_id[mine.row.id].title("en")
    assert len(demo.reports.duplicates()) == 2
    assert demo.reports.approve(controller, reason=LATE).row.number == 43  # after the max
    assert not [f for f in demo.maintenance.verify() if "report" in f]  # not an error


def test_expected_recovery_uses_an_open_linked_task(demo: Services) -> None:
    stuck = demo.situation.view(as_of=END_OF_PHASE_ONE).situation.still_down[0].fact
    actor = demo_actor(demo, "systems")
    due = parse_time("2025-10-08T18:00+09:00")
    demo.tasks.add(actor, Team.SYSTEMS, "인사랑 2차 복구", outage=stuck.id, due=due,
                   at=parse_time("2025-10-06T19:00+09:00"))
    snapshot = demo.reports.snapshot(as_of=END_OF_PHASE_ONE)
    assert snapshot["still_down"][0]["basis"] == "task"
    text = flat(demo.reports.render(snapshot))
    assert "10. 8. 18:00(과제 기한)" in text


def test_since_and_as_of_history(demo: Services) -> None:
    """A past report re-made with as-of shows the world as it stood then."""
    early = demo.reports.snapshot(as_of=parse_time("2025-09-27T18:25+09:00"))
    assert early["figures"]["restored"] == 0 and early["crisis_level"] == "serious"
    assert early["since"] is None
    demo.reports.approve(demo_actor(demo, "controller"),
                         as_of=parse_time("2025-09-27T18:25+09:00"), reason=LATE)
    right_after = demo.reports.snapshot(as_of=parse_time("2025-09-27T19:00+09:00"))
    assert right_after["since"]["number"] == 41  # the report just issued for 18:25
    later = demo.reports.snapshot(as_of=PHASE_ONE)
    # The demo's report of 10. 3. 08:00 is the last one before 10. 3. 12:00.
    assert later["since"] == {"number": 18, "as_of": "2025-10-02T23:00:00.000000Z"}
    assert all(d["at"] > later["since"]["as_of"] for d in later["decisions"])
    ended = demo.reports.snapshot(as_of=THE_END)
    assert ended["crisis_level"] == "interest" and ended["incident"]["closed_at"]


def test_a_workstation_without_the_incident_refuses_cleanly(services: Services,
                                                            login) -> None:
    with pytest.raises(NotFound):
        services.reports.preview()
    actor = login("commander")
    assert actor.role is Role.COMMANDER
    with pytest.raises(NotFound):
        services.reports.approve(actor, as_of=datetime(2025, 9, 27))


@pytest.mark.parametrize("kind", ["log", "outages", "decisions", "roster", "inventory"])
def test_printouts(demo: Services, kind: str) -> None:
    pages = pdf_pages(demo.reports.printout(kind))
    text = re.sub(r"\s+", " ", " ".join(pages))
    for number, page in enumerate(pages, start=1):
        assert f"쪽 {number} / {len(pages)}" in page
    if kind == "log":
        for block in ("1. 사고명", "2. 운영 기간", "3. 명칭(반)", "4. ICS 직위", "5. 소속 기관",
                      "6. 배치 인원", "7. 활동 기록", "8. 작성자", "서명"):
            assert block in text
        assert all(team.ko in text for team in Team)
    elif kind == "outages":
        assert "64개 중 64개 복구" in text and "SEO-0073" in text
    elif kind == "decisions":
        assert "재난안전대책본부 가동" in text
    elif kind == "roster":
        assert all(name in text for name in ("commander", "controller", "press", "observer"))
        assert "본부장 (서울특별시장)" in text
    else:
        assert "SEO-0001" in text and "엑셀 서식으로 임시 관리" in text


def test_activity_log_of_one_team_and_period(demo: Services) -> None:
    start, end = parse_time("2025-09-27T18:00+09:00"), parse_time("2025-09-28T00:00+09:00")
    text = flat(demo.reports.printout("log", Team.PRESS, start, end))
    assert "언론·홍보대응반" in text and "시스템장애조치반" not in text
    assert "2025. 9. 27.(토) 18:00 ~ 2025. 9. 28.(일)" in text
    assert "안전안내문자" in text
    press = [e for e in demo.journal.log(Team.PRESS) if start <= e.at <= end]
    assert press and all(e.text[:15] in text for e in press)


def test_export_writes_reprints_under_readable_names(demo: Services, tmp_path) -> None:
    issued = demo.reports.approve(demo_actor(demo, "controller"), as_of=END_OF_PHASE_ONE,
                                  reason=LATE)
    written = demo.reports.export([issued.row.id], tmp_path / "out")
    assert [p.name for p in written] == ["상황보고_제41보_20251006-2000.pdf"]
    assert written[0].read_bytes() == issued.pdf


def test_text_longer_than_a_page_flows_on(demo: Services) -> None:
    """Nothing is clipped and nothing fails: a cell taller than a page continues."""
    snapshot = demo.reports.snapshot(as_of=PHASE_ONE)
    # The place is printed three times: its row of 1. 개요, the overview's first line, and
    # the note under the facility table.
    snapshot["incident"]["location"] = "긴 요약 문장입니다. " * 900
    snapshot["systems"][0]["name"] = "가" * 300
    pages = pdf_pages(demo.reports.render(snapshot))
    assert len(pages) > 9
    body = "".join(line for page in pages for line in page.splitlines()
                   if "초안 · 쪽" not in line and "초안 · 미승인" not in line)
    assert re.sub(r"\s+", "", body).count("긴요약문장입니다.") == 3 * 900


@pytest.mark.parametrize("text", [
    "국가정보자원관리원 연계 시스템 전수 점검 및 대체 인증 서버 방화벽 정책 개방",
    "가" * 150,
    "SEO-0327 우리동네키움센터 이용 신청\n둘째 줄",
    "a " * 80,
])
def test_cell_text_wraps_within_its_column(text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from console.reports.fonts import REGULAR, register_fonts
    from console.reports.layout import wrap_lines

    register_fonts()
    wrapped = wrap_lines(text, REGULAR, 8, 90.0)
    lines = wrapped.split("\n")
    assert all(stringWidth(line, REGULAR, 8) <= 90.0 for line in lines)
    assert re.sub(r"\s", "", wrapped) == re.sub(r"\s", "", text)  # nothing lost
    if " " in text:  # breaks between words where a word fits
        assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    assert len(lines) > 1


def test_documents_rendered_at_once_on_several_threads_match_serial_renders(
        demo: Services) -> None:
    """The window renders on two workers while the fallback pack's timer renders on a third:
    concurrent builds must give the very bytes of serial ones (no lock makes a preview wait
    behind a long inventory printout)."""
    import hashlib
    from concurrent.futures import ThreadPoolExecutor

    snapshot = demo.reports.snapshot(as_of=PHASE_ONE)
    jobs = [lambda: demo.reports.render(snapshot),
            lambda: demo.reports.render(snapshot, "en"),
            lambda: demo.reports.printout("log"),
            lambda: demo.reports.printout("outages"),
            lambda: demo.reports.printout("inventory")]
    serial = [hashlib.sha256(job()).hexdigest() for job in jobs]
    with ThreadPoolExecutor(max_workers=len(jobs) * 2) as pool:
        futures = [pool.submit(jobs[k % len(jobs)]) for k in range(len(jobs) * 4)]
        concurrent = [hashlib.sha256(f.result()).hexdigest() for f in futures]
    assert concurrent == [serial[k % len(jobs)] for k in range(len(jobs) * 4)]
