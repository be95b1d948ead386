"""The incident's life on real SQLite files: activate, report cadence, stand-down, timeline."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.cli import main
from console.domain.cadence import ReportSchedule, next_report_due
from console.domain.clock import parse_time
from console.domain.enums import Cause, CrisisLevel, DisasterArea, OutageStatus, Team
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.timeline import EntryKind
from console.services.app import Services
from console.services.context import Actor
from tests.conftest import FakeClock
from tests.test_services import inventory  # noqa: F401  (the fixture)

Login = Callable[[str], Actor]
KST_18 = datetime(2025, 9, 27, 9, 0, tzinfo=UTC)  # 2025. 9. 27. 18:00 KST


def test_fixed_hours_take_the_next_slot_and_an_early_report_answers_its_slot() -> None:
    three = ReportSchedule.at_hours([18, 8, 12])
    assert three.encode() == "hours=8,12,18" and ReportSchedule.parse("hours=8,12,18") == three
    activated = parse_time("2025-09-27T18:00")
    assert next_report_due(None, None, three) is None
    assert next_report_due(activated, None, three) == parse_time("2025-09-27T18:30")
    assert next_report_due(activated, parse_time("2025-09-27T18:25"), three) == parse_time(
        "2025-09-28T08:00")
    # Signed at 11:45 for the 12:00 slot: the next one is 18:00, not 12:00 again.
    assert next_report_due(activated, parse_time("2025-09-28T11:45"), three) == parse_time(
        "2025-09-28T18:00")
    assert next_report_due(activated, parse_time("2025-09-28T11:20"), three) == parse_time(
        "2025-09-28T12:00")
    every = ReportSchedule.every(4)
    assert next_report_due(activated, parse_time("2025-09-27T19:00"), every) == parse_time(
        "2025-09-27T23:00")
    for bad in ([], [24], [-1]):
        with pytest.raises(ValidationError):
            ReportSchedule.at_hours(bad)
    with pytest.raises(ValidationError):
        ReportSchedule.every(0)


def _incident(services: Services, login: Login) -> str:
    return services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                                   Cause.POWER).first_id


def test_activate_countdown_approve_next_slot_overdue(inventory: Services, login: Login,  # noqa: F811
                                                      clock: FakeClock) -> None:
    incident = _incident(inventory, login)
    assert inventory.situation.view(incident).next_report_due is None
    with pytest.raises(PermissionDenied):
        inventory.incidents.activate(login("systems"))
    inventory.incidents.activate(login("commander"), level=CrisisLevel.ALERT)
    view = inventory.situation.view(incident)
    assert view.next_report_due == KST_18 + timedelta(minutes=30) and not view.report_overdue
    assert view.crisis_level == "alert"
    with pytest.raises(ValidationError, match="already"):
        inventory.incidents.activate(login("controller"))
    inventory.incidents.set_schedule(login("controller"), ReportSchedule.at_hours([8, 12, 18]))
    clock.advance(minutes=20)
    inventory.reports.approve(login("controller"))
    # Approved at 18:20: the next slot of 08·12·18 is tomorrow 08:00 KST.
    view = inventory.situation.view(incident)
    assert view.next_report_due == parse_time("2025-09-28T08:00") and not view.report_overdue
    clock.moment = parse_time("2025-09-28T08:05")
    assert inventory.situation.view(incident).report_overdue


def test_a_closed_incident_takes_no_new_outage(inventory: Services, login: Login,  # noqa: F811
                                               clock: FakeClock) -> None:
    incident = _incident(inventory, login)
    inventory.incidents.activate(login("controller"))
    inventory.outages.open(login("systems"), "SEO-1")
    with pytest.raises(ValidationError):
        inventory.incidents.close(login("controller"), " ")
    clock.advance(hours=5)
    inventory.incidents.close(login("controller"), "복구 완료, 상시 모니터링 전환")
    before = inventory.maintenance.digest()
    with pytest.raises(ValidationError) as refused:
        inventory.outages.open(login("systems"), "SEO-2")
    assert refused.value.code == "incident.closed"
    assert inventory.maintenance.digest() == before
    view = inventory.situation.view(incident)
    assert view.closed and view.next_report_due is None
    assert [e.kind for e in inventory.incidents.life(incident)] == ["activated", "closed"]
    # A new incident takes it, and the closed one still reads as it stood.
    inventory.incidents.open(login("controller"), "재발", DisasterArea.SYSTEM_FAILURE, Cause.OTHER)
    inventory.outages.open(login("systems"), "SEO-2")
    assert inventory.situation.view(incident).situation.affected == 1


def test_a_closed_incident_takes_no_new_decision_or_log_entry(
        inventory: Services, login: Login, clock: FakeClock) -> None:  # noqa: F811
    _incident(inventory, login)
    inventory.incidents.activate(login("controller"))
    inventory.journal.add_decision(login("commander"), "대체 창구 운영")
    clock.advance(hours=2)
    inventory.incidents.close(login("controller"), "복구 완료")
    before = inventory.maintenance.digest()
    refusals = []
    for write in (lambda: inventory.journal.add_decision(login("commander"), "사후 결정"),
                  lambda: inventory.journal.add_log(login("systems"), Team.SYSTEMS, "사후 기록")):
        with pytest.raises(ValidationError) as refused:
            write()
        refusals.append(refused.value)
    assert [r.code for r in refusals] == ["incident.closed"] * 2
    assert "종료" in refusals[0].render("ko") and "closed" in refusals[0].render("en")
    assert inventory.maintenance.digest() == before


def test_timeline_is_one_chronological_list_filtered_by_team(inventory: Services,  # noqa: F811
                                                             login: Login, clock: FakeClock
                                                             ) -> None:
    _incident(inventory, login)
    clock.advance(minutes=1)
    inventory.incidents.activate(login("controller"))
    clock.advance(minutes=5)
    outage = inventory.outages.open(login("systems"), "SEO-1").first_id
    clock.advance(minutes=5)
    inventory.journal.add_decision(login("commander"), "대체 창구 운영")
    clock.advance(minutes=5)
    inventory.outages.change_status(login("systems"), outage, OutageStatus.RESTORED)
    kinds = [e.kind for e in inventory.timeline.entries()]
    assert kinds == [EntryKind.CRISIS_LEVEL, EntryKind.ACTIVATED, EntryKind.OUTAGE,
                     EntryKind.DECISION, EntryKind.OUTAGE]
    assert [e.kind for e in inventory.timeline.entries(team="systems")] == [EntryKind.OUTAGE] * 2


def test_demo_reads_activated_scheduled_and_stood_down(demo: Services) -> None:
    life = demo.incidents.life()
    assert [(e.kind, e.at) for e in life] == [
        ("activated", parse_time("2025-09-27T18:00")),
        ("schedule", parse_time("2025-09-27T19:30")),
        ("schedule", parse_time("2025-10-06T18:30")),
        ("closed", parse_time("2025-10-17T18:00"))]
    assert life[0].level == "serious" and "해산" in life[-1].reason
    assert demo.incidents.schedule(as_of=parse_time("2025-09-28T00:00")).hours == (8, 12, 18)
    assert demo.incidents.schedule(as_of=parse_time("2025-10-08T00:00")).hours == (17,)
    assert not demo.situation.view(as_of=parse_time("2025-09-27T17:00")).activated


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
         ) -> tuple[int, str, str]:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    try:
        code = main(["--lang", "en", *argv])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_life_commands(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    code, _, err = _cli(monkeypatch, capsys, *db, "--user", "systems", "outage", "open",
                        "--system", "SEO-0174")
    assert code == 1 and err.count("\n") == 1 and "closed" in err
    for argv in (("--user", "commander", "decision", "add", "--summary", "사후 결정"),
                 ("--user", "systems", "log", "add", "--team", "systems", "--text", "사후")):
        code, _, err = _cli(monkeypatch, capsys, *db, *argv)
        assert code == 1 and err.count("\n") == 1 and "closed" in err, err
    code, out, _ = _cli(monkeypatch, capsys, *db, "incident", "list", "--json")
    (row,) = json.loads(out)
    assert (row["activated_at"], row["closed_at"]) == ("2025-09-27T18:00:00+09:00",
                                                      "2025-10-17T18:00:00+09:00")
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "open",
                "--title", "new")[0] == 0
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "activate")[0] == 0
    code, _, err = _cli(monkeypatch, capsys, *db, "--user", "controller", "incident",
                        "schedule", "--hours", "8,x")
    assert code == 1 and "8,x" in err
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "schedule",
                "--every", "4")[0] == 0
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "schedule",
                "--hours", "8", "--every", "4")[0] == 2
    code, out, _ = _cli(monkeypatch, capsys, *db, "situation", "--json")
    figures = json.loads(out)
    assert figures["next_report_due"] and figures["report_schedule"] == "every=4"
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "close",
                "--reason", "done")[0] == 0
    code, out, _ = _cli(monkeypatch, capsys, *db, "timeline", "--json")
    assert [r["kind"] for r in json.loads(out)][-1] == "closed"


def test_cli_users(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                   capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    monkeypatch.setenv("CONSOLE_NEW_PASSWORD", "night-shift")
    add = ["user", "add", "--name", "kim", "--role", "team_lead", "--team", "systems",
           "--full-name", "김반장", "--phone", "010-0000-0000"]
    code, _, err = _cli(monkeypatch, capsys, *db, "--user", "controller", *add)
    assert code == 1 and "administrator" in err
    before = sqlite3.connect(demo_db).execute("SELECT count(*) FROM app_user").fetchone()
    assert _cli(monkeypatch, capsys, *db, "--user", "admin", *add)[0] == 0
    code, out, _ = _cli(monkeypatch, capsys, *db, "user", "list", "--json")
    kim = next(u for u in json.loads(out) if u["name"] == "kim")
    assert (kim["full_name"], kim["team"], kim["active"]) == ("김반장", "systems", True)
    monkeypatch.setenv("CONSOLE_PASSWORD", "night-shift")
    assert main(["--db", str(demo_db), "--user", "kim", "outage", "list"]) == 0
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    assert _cli(monkeypatch, capsys, *db, "--user", "admin", "user", "disable", "kim")[0] == 0
    code, _, err = _cli(monkeypatch, capsys, *db, "--user", "admin", "user", "disable", "admin")
    assert code == 1 and "last administrator" in err
    after = sqlite3.connect(demo_db).execute("SELECT count(*) FROM app_user").fetchone()
    assert after[0] == before[0] + 1
    monkeypatch.setenv("CONSOLE_PASSWORD", "night-shift")
    capsys.readouterr()
    assert main(["--db", str(demo_db), "--user", "kim", "task", "add", "--team", "systems",
                 "--title", "x"]) == 1


def test_outages_default_to_the_attention_order(inventory: Services, login: Login,  # noqa: F811
                                               clock: FakeClock) -> None:
    """Unrestored first, then past their RTO (4 h here), then by grade; restored outages that
    breached keep reading as breached: a fact of the past."""
    from console.services.table_specs import TableQuery

    systems = login("systems")
    ids = {code: inventory.outages.open(systems, code).first_id
           for code in ("SEO-3", "SEO-2", "SEO-1")}
    clock.advance(hours=1)
    inventory.outages.change_status(systems, ids["SEO-3"], OutageStatus.RESTORED)
    clock.advance(hours=5)
    inventory.outages.change_status(systems, ids["SEO-2"], OutageStatus.RESTORED)
    order = inventory.tables.ids("outages", TableQuery())
    rows = inventory.tables.rows("outages", order)
    assert [rows[i]["code"] for i in order] == ["SEO-1", "SEO-2", "SEO-3"]
    assert [rows[i]["rto_breach"] for i in order] == [1, 1, 0]
    assert inventory.tables.ids("outages", TableQuery()) == order


def test_task_edit_changes_priority_within_1_to_3(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    _, out, _ = _cli(monkeypatch, capsys, *db, "task", "list", "--json")
    task = json.loads(out)[0]
    assert _cli(monkeypatch, capsys, *db, "--user", "controller", "task", "edit", task["id"],
                "--priority", "1", "--title", "우선 처리")[0] == 0
    code, _, err = _cli(monkeypatch, capsys, *db, "--user", "controller", "task", "edit",
                        task["id"], "--priority", "7")
    assert code == 1 and "1–3" in err
    _, out, _ = _cli(monkeypatch, capsys, *db, "task", "list", "--json")
    edited = next(t for t in json.loads(out) if t["id"] == task["id"])
    assert (edited["priority"], edited["title"]) == (1, "우선 처리")
