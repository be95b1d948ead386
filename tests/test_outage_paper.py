"""An outage written on a paper 장애 접수서 during a dead-computer day and typed in later keeps
the time written on the sheet (the event's ``at``), the time it was typed in
(``recorded_at``) and the sheet's mark, as a transcribed ICS-214 entry does: the timeline, the
outage register printout and the window print "수기 … / 입력 … · 장애 접수서 #N". A sheet not
named, or without its written time, is refused in one line with nothing recorded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from console.cli import main
from console.domain.enums import Cause, DisasterArea, OutageStatus
from console.domain.errors import ValidationError
from console.services.app import Services
from tests.conftest import FakeClock
from tests.pdftext import pdf_pages
from tests.test_services import inventory  # noqa: F401  (the fixture)

OPENED = datetime(2025, 9, 27, 0, 0, tzinfo=UTC)  # 09:00 KST


@pytest.fixture
def day_after(inventory: Services, login, clock: FakeClock) -> Services:  # type: ignore[no-untyped-def]  # noqa: F811
    inventory.incidents.open(login("controller"), "상암 센터 정전",
                             DisasterArea.RESOURCE_FAILURE, Cause.POWER, OPENED)
    clock.advance(hours=21)  # the computers are back: 9-28 15:00 KST (the clock is UTC)
    return inventory


def _printed(services: Services, lang: str = "ko") -> str:
    return " ".join(" ".join(pdf_pages(services.reports.printout("outages", lang=lang))).split())


def test_an_outage_from_a_paper_sheet_keeps_both_times_and_its_mark(
        day_after: Services, login) -> None:  # type: ignore[no-untyped-def]
    systems = login("systems")
    down = OPENED + timedelta(hours=1, minutes=10)  # 10:10 KST on the sheet
    back = OPENED + timedelta(hours=6, minutes=30)  # 15:30 KST on the same sheet
    outage = day_after.outages.open(systems, "SEO-1", down, "민원 접수 불가",
                                    paper_ref="  장애 접수서   #12 ").first_id
    day_after.outages.change_status(systems, outage, OutageStatus.RESTORED, back, "복전",
                                    paper_ref="장애 접수서 #12")
    row = next(o for o in day_after.outages.list() if o.id == outage)
    assert row.detected_at == down and row.restored_at == back  # the clock reads paper times
    events = day_after.tables.outage_detail(outage).events
    assert [(e[0], e[1], e[5]) for e in events] == [
        (down, "down", "장애 접수서 #12"), (back, "restored", "장애 접수서 #12")]
    entered = datetime(2025, 9, 28, 6, 0, tzinfo=UTC)  # 15:00 KST the next day
    assert {e[6] for e in events} == {entered}
    assert day_after.outages.paper_marks()[outage][1].status is OutageStatus.RESTORED

    lines = {e.ref: e.text for e in day_after.timeline.entries()}
    opened_line = next(t for t in lines.values() if t.startswith("SEO-1") and "중단" in t
                       and "10:10" in t)
    assert opened_line.endswith("— 민원 접수 불가 [수기 9. 27. 10:10 / 입력 9. 28. 15:00 · 장애 접수서 #12]")
    assert any(t.endswith("— 복전 [수기 9. 27. 15:30 / 입력 9. 28. 15:00 · 장애 접수서 #12]")
               for t in lines.values())
    english = [e.text for e in day_after.timeline.entries(lang="en")]
    assert any("[on paper 09-27 15:30 / entered 09-28 15:00 · 장애 접수서 #12]" in t
               for t in english)

    # The outage register prints each status from paper under the system's name.
    printed = _printed(day_after)
    assert "중단: 수기 9. 27. 10:10 / 입력 9. 28. 15:00 · 장애 접수서 #12" in printed
    assert "복구: 수기 9. 27. 15:30 / 입력 9. 28. 15:00 · 장애 접수서 #12" in printed
    assert "Restored: on paper 09-27 15:30 / entered 09-28 15:00" in _printed(day_after, "en")


def test_a_status_entered_live_carries_no_mark(day_after: Services, login) -> None:  # type: ignore[no-untyped-def]
    systems = login("systems")
    outage = day_after.outages.open(systems, "SEO-2").first_id
    day_after.outages.change_status(systems, outage, OutageStatus.WORKAROUND)
    assert [e[5] for e in day_after.tables.outage_detail(outage).events] == [None, None]
    assert day_after.outages.paper_marks() == {}
    assert "수기" not in _printed(day_after)
    assert not any("수기" in e.text for e in day_after.timeline.entries())


def test_a_sheet_unnamed_or_without_its_time_is_refused(day_after: Services, login) -> None:  # type: ignore[no-untyped-def]
    systems = login("systems")
    live = day_after.outages.open(systems, "SEO-3").first_id
    before = day_after.maintenance.digest()
    written = OPENED + timedelta(hours=2)
    cases = [
        (lambda: day_after.outages.open(systems, "SEO-1", written, paper_ref=" "),
         "name the paper sheet"),
        (lambda: day_after.outages.open(systems, "SEO-1", None, paper_ref="장애 접수서 #1"),
         "needs the time written on it (--at)"),
        (lambda: day_after.outages.change_status(systems, live, OutageStatus.RESTORED, None,
                                                 paper_ref="장애 접수서 #2"),
         "needs the time written on it (--at)"),
        (lambda: day_after.outages.change_status(systems, live, OutageStatus.RESTORED,
                                                 written, paper_ref=""),
         "name the paper sheet"),
        # A sheet dated before the incident began is no record of it (the outage rule).
        (lambda: day_after.outages.open(systems, "SEO-1", OPENED - timedelta(minutes=5),
                                        paper_ref="장애 접수서 #3"), "before"),
    ]
    for attempt, words in cases:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert words in refused.value.render("en")
        assert refused.value.render("ko")  # both languages
    assert day_after.maintenance.digest() == before


def test_the_cli_takes_the_sheet_on_open_and_status(demo_db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    db = ["--db", str(demo_db)]
    # The demo incident is closed: a new one, as after a second dead-computer day.
    assert main([*db, "--user", "controller", "incident", "open", "--title", "재발 정전",
                 "--at", "2025-10-21T08:00"]) == 0
    capsys.readouterr()
    assert main([*db, "--user", "systems", "outage", "open", "--system", "SEO-0001",
                 "--at", "2025-10-21T09:10", "--from-paper", "장애 접수서 #12"]) == 0
    outage = capsys.readouterr().out.strip()
    assert main([*db, "--user", "systems", "outage", "status", outage, "--to", "restored",
                 "--at", "2025-10-21T11:40", "--note", "수기 접수 종료",
                 "--from-paper", "장애 접수서 #13"]) == 0
    capsys.readouterr()
    assert main([*db, "timeline", "--json"]) == 0
    texts = [e["text"] for e in json.loads(capsys.readouterr().out) if e["id"]]
    assert any(t.endswith("· 장애 접수서 #12]") and "수기 10. 21. 09:10 / 입력 " in t for t in texts)
    assert any("수기 접수 종료 [수기 10. 21. 11:40 / 입력 " in t and t.endswith("· 장애 접수서 #13]")
               for t in texts)
    out = demo_db.parent / "register.pdf"
    assert main([*db, "printout", "--kind", "outages", "--out", str(out)]) == 0
    printed = " ".join(" ".join(pdf_pages(out.read_bytes())).split())
    assert "복구: 수기 10. 21. 11:40 / 입력" in printed and "장애 접수서 #13" in printed

    # Without the written time: one line, exit 1, nothing recorded.
    capsys.readouterr()
    assert main([*db, "--lang", "en", "--user", "systems", "outage", "status", outage,
                 "--to", "verified", "--from-paper", "장애 접수서 #14"]) == 1
    err = capsys.readouterr().err
    assert "needs the time written on it (--at)" in err and len(err.strip().splitlines()) == 1
    assert main([*db, "--user", "systems", "outage", "status", outage, "--to", "verified",
                 "--from-paper", "장애 접수서 #14"]) == 1
    assert "종이에 적힌 시각이 필요합니다(--at)" in capsys.readouterr().err
    assert main([*db, "outage", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert next(r for r in rows if r["id"] == outage)["status"] == "restored"
