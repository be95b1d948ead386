"""After a dead-computer day the hand-written ICS-214 sheets are typed in: an entry keeps the
time written on paper (``at``) and the time it was typed in (``recorded_at``), names its
sheet, and the timeline and the ICS 214 printout print both ("수기 … / 입력 …"). A time from
paper before the incident began, in the future, or without its sheet is refused with nothing
recorded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from console.cli import main
from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import ValidationError
from console.services.app import Services
from tests.conftest import FakeClock
from tests.pdftext import pdf_pages

OPENED = datetime(2025, 9, 27, 0, 0, tzinfo=UTC)  # 09:00 KST


@pytest.fixture
def day_after(services: Services, login, clock: FakeClock) -> Services:  # type: ignore[no-untyped-def]
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER, OPENED)
    clock.advance(hours=21)  # the computers are back: 9-28 15:00 KST (the clock is UTC)
    return services


def test_a_transcribed_entry_keeps_both_times_and_its_sheet(day_after: Services,
                                                            login) -> None:  # type: ignore[no-untyped-def]
    written = OPENED + timedelta(hours=1, minutes=10)  # 10:10 KST on the sheet
    day_after.journal.add_log(login("situation"), Team.SITUATION, "상암 UPS 2호기 정지 확인",
                              significant=True, at=written, paper_ref="ICS-214 #3")
    entry = day_after.journal.log(Team.SITUATION)[0]
    assert entry.at == written and entry.paper_ref == "ICS-214 #3"
    assert entry.recorded_at == datetime(2025, 9, 28, 6, 0, tzinfo=UTC)
    line = next(e for e in day_after.timeline.entries() if e.ref == entry.id)
    assert line.at == written
    assert line.text == "상암 UPS 2호기 정지 확인 [수기 9. 27. 10:10 / 입력 9. 28. 15:00 · ICS-214 #3]"
    printed = " ".join(" ".join(pdf_pages(day_after.reports.printout(
        "log", Team.SITUATION))).split())
    assert "수기 9. 27. 10:10 / 입력 9. 28. 15:00 · ICS-214 #3" in printed
    english = next(e for e in day_after.timeline.entries(lang="en") if e.ref == entry.id)
    assert "on paper 09-27 10:10 / entered 09-28 15:00 · ICS-214 #3" in english.text


def test_a_sheet_outside_the_incident_or_unnamed_is_refused(day_after: Services,
                                                           login) -> None:  # type: ignore[no-untyped-def]
    situation = login("situation")
    cases = [(OPENED - timedelta(minutes=1), "ICS-214 #1", "before the incident began"),
             (datetime(2025, 9, 29, tzinfo=UTC), "ICS-214 #1", "future"),
             (None, "ICS-214 #1", "needs the time written on the sheet"),
             (OPENED, "  ", "name the paper sheet")]
    for at, ref, words in cases:
        with pytest.raises(ValidationError) as refused:
            day_after.journal.add_log(situation, Team.SITUATION, "x", at=at, paper_ref=ref)
        assert words in refused.value.render("en")
        assert refused.value.render("ko")  # both languages
    assert day_after.journal.log() == []


def test_the_cli_takes_the_written_time_and_the_sheet(demo_db, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    db = ["--db", str(demo_db)]
    # The demo incident is closed: a new one, as after a second dead-computer day.
    assert main([*db, "--user", "controller", "incident", "open", "--title", "재발 정전",
                 "--at", "2025-10-21T08:00"]) == 0
    assert main([*db, "--user", "situation", "log", "add", "--team", "situation",
                 "--text", "종이 접수 12건", "--written-at", "2025-10-21T09:10",
                 "--from-paper", "장애 접수서 #12"]) == 0
    capsys.readouterr()
    assert main([*db, "log", "list", "--json"]) == 0
    newest = json.loads(capsys.readouterr().out)[0]
    assert newest["at"] == "2025-10-21T09:10:00+09:00"
    assert newest["from_paper"] == "장애 접수서 #12" and newest["recorded_at"] != newest["at"]
    assert main([*db, "--lang", "en", "--user", "situation", "log", "add", "--team",
                 "situation", "--text", "x", "--from-paper", "ICS-214 #4"]) == 1
    assert "needs the time written on the sheet" in capsys.readouterr().err
