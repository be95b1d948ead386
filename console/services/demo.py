"""The demo scenario: the 2025 national data-centre fire as Seoul's task force lived it.

Built from ``resources/demo/scenario.json`` with deterministic ids and times, so every demo
workstation starts from the same records and they merge cleanly when synced. ``scale`` copies
systems, outages, their events and log entries for benchmarks.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert

from console.domain.clock import Clock, parse_time
from console.domain.enums import OutageStatus, Role, TaskStatus, Team
from console.domain.errors import ValidationError
from console.domain.ids import natural_id
from console.locate import resource
from console.services.accounts import AccountService
from console.services.contacts import EXTERNAL_CONTACTS
from console.services.context import Actor, ServiceBase
from console.services.demo_contacts import DEMO_EXTERNAL, DEMO_PHONES
from console.services.inventory import department_id, facility_id, system_id
from console.services.report_history import logged_reports
from console.services.reports import ReportService
from console.store import derived
from console.store.database import Database
from console.store.models import (
    Base,
    CrisisLevelChange,
    Decision,
    Department,
    Facility,
    Incident,
    IncidentEvent,
    InformationSystem,
    LogEntry,
    LogVerification,
    Outage,
    OutageEstimate,
    OutageEvent,
    PublicNotice,
    PublicNoticeEvent,
    PublicNoticeVersion,
    Setting,
    SystemDependency,
    Task,
    TaskEvent,
    TaskOutage,
    User,
)

DEMO_PASSWORD = "demo"
DEMO_USERS: list[tuple[str, Role, Team | None, str]] = [
    ("commander", Role.COMMANDER, None, "본부장 (서울특별시장)"),
    ("deputy", Role.DEPUTY, None, "차장 (행정1부시장)"),
    ("controller", Role.CONTROLLER, None, "통제관 (디지털도시국장)"),
    ("situation", Role.TEAM_LEAD, Team.SITUATION, "상황총괄반장"),
    ("systems", Role.TEAM_LEAD, Team.SYSTEMS, "시스템장애조치반장"),
    ("network", Role.TEAM_LEAD, Team.NETWORK, "통신장애조치반장"),
    ("continuity", Role.TEAM_LEAD, Team.CONTINUITY, "업무연속성반장"),
    ("press", Role.TEAM_LEAD, Team.PRESS, "언론·홍보대응반장"),
    ("observer", Role.OBSERVER, None, "참관"),
    ("admin", Role.ADMIN, None, "관리자"),
]
# The demo password is public, so a fixed salt costs nothing, and every demo workstation then
# holds the very same user rows: syncing two demos must not raise password "conflicts".
DEMO_SALT = b"incident-console-demo"
SCENARIO_WORKSTATION = natural_id("workstation", "demo-scenario")
MAX_SCALE = 1000
DEMO_SCHEDULES: list[tuple[str, str, tuple[int, ...]]] = [
    # The controller's decision of 9. 27. 19:30: 1일 3회(08·12·18시).
    ("2025-09-27T19:30:00+09:00", "controller", (8, 12, 18)),
    # From 10. 7. the demo's activity log has one report a day at 17:00 (제30보 onwards),
    # after the 10. 6. 18:30 decision to scale the task force down.
    ("2025-10-06T18:30:00+09:00", "controller", (17,)),
]


def load_scenario() -> dict[str, Any]:
    with resource("demo", "scenario.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _id(*key: object) -> str:
    return natural_id("demo", *key)


def _user(name: str) -> str:
    return natural_id("user", name)


class _Rows:
    """Rows per table, inserted set-based at the end: the ORM would take minutes at scale."""

    def __init__(self) -> None:
        self.tables: dict[type[Base], list[dict[str, Any]]] = {}

    def entity(self, model: type[Base], stamp: datetime, by: str | None, /, **fields: Any
               ) -> None:
        self.tables.setdefault(model, []).append(
            {"created_at": stamp, "updated_at": stamp, "created_by": by, "updated_by": by,
             "deleted": False, **fields})

    def record(self, model: type[Base], stamp: datetime, by: str | None, /, **fields: Any
               ) -> None:
        self.tables.setdefault(model, []).append(
            {"recorded_at": stamp, "author_id": by, "workstation_id": SCENARIO_WORKSTATION,
             **fields})


class DemoBuilder(ServiceBase):
    def __init__(self, db: Database, clock: Clock, accounts: AccountService,
                 reports: ReportService) -> None:
        super().__init__(db, clock)
        self.accounts = accounts
        self.reports = reports

    def build(self, scale: int = 1, workstation_name: str = "demo", records: bool = True
              ) -> Actor:
        """``records=False``: only the users and the inventory, no incident (a drill's
        starting point: services/drills.py)."""
        if not 1 <= scale <= MAX_SCALE:
            raise ValidationError("demo.bad_scale", scale=scale, max=MAX_SCALE)
        scenario = load_scenario()
        station_id = self.accounts.initialise_workstation(workstation_name)
        admin = Actor(_user("admin"), "admin", Role.ADMIN, None, station_id)
        rows = _Rows()
        self._users(rows, scenario)
        if not records:
            self._inventory(rows, scenario, 0)
        else:
            incident_id = self._incident(rows, scenario)
            for copy in range(scale):
                self._inventory(rows, scenario, copy)
                self._outages(rows, scenario, incident_id, copy)
                self._log(rows, scenario, incident_id, copy)
                self._estimates(rows, scenario, incident_id, copy)
            self._tasks(rows, scenario, incident_id)
            self._decisions(rows, scenario, incident_id)
            self._notices(rows, incident_id)
        with self.db.transaction() as session:
            for model, table_rows in rows.tables.items():
                for start in range(0, len(table_rows), 5000):
                    session.execute(insert(cast(Table, model.__table__)),
                                    table_rows[start:start + 5000])
            # Every cache by the rule the services and sync use (console/store/derived.py).
            derived.refresh(session.connection(), outages=None, tasks=None, incidents=None)
            self.audit(session, admin, "demo", f"scale {scale}")
        # The 40 reports its log records (제1보 9. 27. 18:25 … 제40보 10. 17. 17:00), frozen at
        # those moments from the records just written: the next approval issues 제41보. Not at
        # scale: the copies are benchmark filler, and 40 frozen annexes of thousands of rows
        # each would be most of the database and of its build time.
        if scale == 1 and records:
            self.reports.record_issued(
                logged_reports(scenario["log"]), prepared_by=_user("situation"),
                approved_by=_user("controller"), record_id=lambda n: _id("report", n),
                workstation_id=SCENARIO_WORKSTATION, incident_id=incident_id)
        return admin

    def _users(self, rows: _Rows, scenario: dict[str, Any]) -> None:
        at = parse_time(scenario["incident"]["started_at"])
        # One hash for all: the demo password is public anyway, and 10 hashes would cost seconds.
        shared_hash = self.accounts.hasher.hash(DEMO_PASSWORD, salt=DEMO_SALT)
        for name, role, team, display in DEMO_USERS:
            rows.entity(User, at, None, id=_user(name), name=name, display_name=display,
                        role=role.value, team=team.value if team else None,
                        password_hash=shared_hash, contact=DEMO_PHONES.get(name, ""),
                        active=True)
        rows.entity(Setting, at, None, id=natural_id("setting", EXTERNAL_CONTACTS),
                    key=EXTERNAL_CONTACTS, value=json.dumps(DEMO_EXTERNAL, ensure_ascii=False))

    def _incident(self, rows: _Rows, scenario: dict[str, Any]) -> str:
        data = scenario["incident"]
        incident_id = _id("incident", data["title"])
        levels = sorted(scenario["crisis_levels"], key=lambda c: c["at"])
        started = parse_time(data["started_at"])
        rows.entity(Incident, started, _user("controller"), id=incident_id, title=data["title"],
                    area=data["area"], cause=data["cause"], location=data["location"],
                    summary=data["summary"], started_at=started,
                    activated_at=parse_time(data["activated_at"]),
                    closed_at=parse_time(data["closed_at"]) if data.get("closed_at") else None,
                    crisis_level=levels[0]["level"])
        for index, change in enumerate(levels):
            rows.record(CrisisLevelChange, parse_time(change["at"]), _user(change["by"]),
                        id=_id("level", index), incident_id=incident_id, level=change["level"],
                        at=parse_time(change["at"]), reason=change["reason"])
        self._task_force(rows, scenario, incident_id, levels)
        return incident_id

    def _task_force(self, rows: _Rows, scenario: dict[str, Any], incident_id: str,
                    levels: list[dict[str, Any]]) -> None:
        """The incident's life as the services record it: activation and stand-down at the
        scenario's times, by whoever decided them in its decision log, and the schedules."""
        data = scenario["incident"]
        decided = {parse_time(d["at"]): d for d in scenario["decisions"]}

        def level_at(at: datetime) -> str:
            passed = [c["level"] for c in levels if parse_time(c["at"]) <= at]
            return passed[-1] if passed else levels[0]["level"]

        activated = parse_time(data["activated_at"])
        steps: list[tuple[str, datetime, str, str, str]] = [
            ("activated", activated, decided.get(activated, {}).get("by", "commander"),
             level_at(activated), "")]
        steps += [("schedule", parse_time(at), by, "", "hours=" + ",".join(map(str, hours)))
                  for at, by, hours in DEMO_SCHEDULES]
        if data.get("closed_at"):
            closed = parse_time(data["closed_at"])
            decision = decided.get(closed, {})
            steps.append(("closed", closed, decision.get("by", "commander"), level_at(closed),
                          decision.get("summary", "")))
        for index, (kind, when, by, level, text) in enumerate(steps):
            rows.record(IncidentEvent, when, _user(by), id=_id("life", index),
                        incident_id=incident_id, kind=kind, at=when, level=level,
                        reason=text if kind == "closed" else "",
                        schedule=text if kind == "schedule" else "")

    def _inventory(self, rows: _Rows, scenario: dict[str, Any], copy: int) -> None:
        at = parse_time("2025-01-02T09:00:00+09:00")
        if copy == 0:
            for dept in scenario["departments"]:
                rows.entity(Department, at, None, id=department_id(dept["name"]),
                            name=dept["name"], name_en=dept.get("name_en", ""))
            for fac in scenario["facilities"]:
                rows.entity(Facility, at, None, id=facility_id(fac["name"]), name=fac["name"],
                            name_en=fac.get("name_en", ""), kind=fac["kind"])
        for system in scenario["systems"]:
            code = _code(system["code"], copy)
            rows.entity(InformationSystem, at, None, id=system_id(code), code=code,
                        name=system["name"] if copy == 0 else f"{system['name']} ({copy + 1})",
                        department_id=department_id(system["department"]),
                        facility_id=facility_id(system["facility"]),
                        category=system["category"], importance_grade=system["grade"],
                        rto_hours=system.get("rto_hours"), rpo_hours=system.get("rpo_hours"),
                        alternative_means=system.get("alternative_means", ""), contacts="")
            for needed in system.get("depends_on", ()):
                source, target = system_id(code), system_id(_code(needed, copy))
                rows.entity(SystemDependency, at, None, id=natural_id("dependency", source, target),
                            system_id=source, depends_on_id=target)

    def _outages(self, rows: _Rows, scenario: dict[str, Any], incident_id: str, copy: int
                 ) -> None:
        for outage in scenario["outages"]:
            system = system_id(_code(outage["system"], copy))
            outage_id = natural_id("outage", incident_id, system, 1)
            detected = parse_time(outage["detected_at"])
            events = [{"status": OutageStatus.DOWN.value, "at": outage["detected_at"], "phase": 1,
                       "note": outage.get("note", "")}, *outage["events"]]
            events.sort(key=lambda e: e["at"])  # keeps the events' deterministic ids
            # The caches (status …) start as a new outage's; build() refreshes them.
            rows.entity(Outage, detected, _user("systems"), id=outage_id, incident_id=incident_id,
                        system_id=system, episode=1, detected_at=detected, scope=outage["scope"],
                        alternative_active=False, grade_override=None,
                        grade_override_reason="", note=outage.get("note", ""),
                        status=OutageStatus.DOWN.value, status_at=detected, restored_at=None,
                        first_restored_at=None, phase=1)
            for index, event in enumerate(events):
                when = parse_time(event["at"])
                rows.record(OutageEvent, when, _user("systems"), id=_id("oe", outage_id, index),
                            outage_id=outage_id, status=event["status"], at=when,
                            phase=event.get("phase", 1), note=event.get("note", ""))

    def _estimates(self, rows: _Rows, scenario: dict[str, Any], incident_id: str, copy: int
                   ) -> None:
        """The teams' ETRs and their revisions, given at their times."""
        for index, estimate in enumerate(scenario.get("estimates", ())):
            outage_id = natural_id("outage", incident_id, system_id(_code(estimate["system"],
                                                                           copy)), 1)
            when = parse_time(estimate["at"])
            user = next(u for u in DEMO_USERS if u[0] == estimate["by"])
            rows.record(OutageEstimate, when, _user(estimate["by"]),
                        id=_id("etr", outage_id, index), outage_id=outage_id, at=when,
                        restore_by=parse_time(estimate["restore_by"]),
                        next_update_at=parse_time(estimate["next_update"])
                        if estimate.get("next_update") else None,
                        team=user[2].value if user[2] else None, note=estimate["note"])

    def _log(self, rows: _Rows, scenario: dict[str, Any], incident_id: str, copy: int) -> None:
        for index, entry in enumerate(scenario["log"]):
            when = parse_time(entry["at"])
            entry_id = _id("log", index, copy)
            rows.record(LogEntry, when, _user(entry["author"]), id=entry_id,
                        incident_id=incident_id, team=entry["team"], at=when, text=entry["text"],
                        significant=entry["significant"], corrects_id=None)
            if entry.get("verified") and entry["significant"]:
                rows.record(LogVerification, when, _user("controller"), id=_id("lv", index, copy),
                            log_entry_id=entry_id, at=when)

    def _tasks(self, rows: _Rows, scenario: dict[str, Any], incident_id: str) -> None:
        for index, task in enumerate(scenario["tasks"]):
            created = parse_time(task["created_at"])
            task_id = _id("task", index)
            events = sorted(task.get("events", ()), key=lambda e: e["at"])
            rows.entity(Task, created, _user(task["assignee"]), id=task_id,
                        incident_id=incident_id, team=task["team"], title=task["title"],
                        detail=task.get("detail", ""), priority=task.get("priority", 2),
                        assignee_id=_user(task["assignee"]),
                        due_at=parse_time(task["due"]) if task.get("due") else None,
                        status=TaskStatus.OPEN.value, status_at=created)
            all_events = [{"status": "open", "at": task["created_at"], "note": ""}, *events]
            for number, event in enumerate(all_events):
                when = parse_time(event["at"])
                rows.record(TaskEvent, when, _user(task["assignee"]), id=_id("te", index, number),
                            task_id=task_id, status=event["status"], at=when,
                            note=event.get("note", ""))
            for code in task.get("outages", ()):
                outage_id = natural_id("outage", incident_id, system_id(code), 1)
                rows.entity(TaskOutage, created, _user(task["assignee"]),
                            id=natural_id("task_outage", task_id, outage_id), task_id=task_id,
                            outage_id=outage_id)

    def _decisions(self, rows: _Rows, scenario: dict[str, Any], incident_id: str) -> None:
        role_of = {name: role.value for name, role, _, _ in DEMO_USERS}
        for index, decision in enumerate(scenario["decisions"]):
            when = parse_time(decision["at"])
            corrects = decision.get("corrects")
            rows.record(Decision, when, _user(decision["by"]), id=_id("decision", index),
                        incident_id=incident_id, at=when, role=role_of[decision["by"]],
                        summary=decision["summary"], rationale=decision.get("rationale", ""),
                        alternatives=decision.get("alternatives", ""), links="",
                        corrects_id=_id("decision", corrects) if corrects is not None else None)

    def _notices(self, rows: _Rows, incident_id: str) -> None:
        """The notices the press team's log describes, each drafted, submitted, approved by
        a second person and issued at the time the log gives (resources/demo/notices.json)."""
        with resource("demo", "notices.json").open(encoding="utf-8") as handle:
            notices = json.load(handle)["notices"]
        press = _user("press")
        for item in notices:
            issued = parse_time(item["at"])
            notice_id = _id("notice", item["key"])
            drafted = issued - timedelta(minutes=12)
            references = _id("notice", item["updates"]) if item.get("updates") else None
            rows.entity(PublicNotice, drafted, press, id=notice_id, incident_id=incident_id,
                        channel=item["channel"], tier=item.get("tier"), area=item["area"],
                        lang="ko", systems=item.get("systems", ""), references_id=references,
                        msg_type="update" if references else "alert", exercise=False)
            version_id = _id("notice-version", item["key"], 1)
            rows.record(PublicNoticeVersion, drafted, press, id=version_id,
                        notice_id=notice_id, number=1, text=item["text"],
                        text_en=item.get("text_en", ""))
            steps = [("submitted", issued - timedelta(minutes=9), press),
                     ("approved", issued - timedelta(minutes=5), _user(item["approved_by"])),
                     ("issued", issued, press)]
            for seq, (status, when, by) in enumerate(steps, start=1):
                rows.record(PublicNoticeEvent, when, by, id=_id("notice-event", item["key"], seq),
                            notice_id=notice_id, version_id=version_id, seq=seq,
                            status=status, at=when, reason="", despite_duplicate=False)
            if references:
                earlier = next(n for n in notices if n["key"] == item["updates"])
                rows.record(PublicNoticeEvent, issued, press,
                            id=_id("notice-event", earlier["key"], 4),
                            notice_id=references, version_id=_id("notice-version",
                                                                 earlier["key"], 1),
                            seq=4, status="superseded", at=issued, reason=notice_id,
                            despite_duplicate=False)


def _code(code: str, copy: int) -> str:
    return code if copy == 0 else f"{code}-{copy:03d}"
