"""Freeze the situation at a moment into plain JSON data, once.

Everything a situation report shows is in the snapshot, with times as ISO UTC strings and enum
values (not labels), so the same snapshot renders the same PDF in Korean or English, today or
in ten years. The PDF is rendered from the snapshot only; a reprint is a re-render.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Literal, NotRequired, Protocol, TypedDict, Unpack, cast

from console.domain.clock import iso, to_utc
from console.domain.enums import NoticeChannel, TaskStatus
from console.domain.forecast_facts import Band, Forecast
from console.domain.records import DecisionLine, LogLine
from console.domain.situation import OutageState, Situation

SNAPSHOT_FORMAT = 1
REPORT_TO = ("서울특별시장", "행정안전부 중앙재난안전상황실")
"""보고처 of Seoul's situation reports: the Mayor (본부장) and the ministry's situation room,
frozen into each snapshot so a reprint names whom that report went to."""

# The stored shape, key by key. These are the JSON objects as stored (times are ISO UTC text,
# enums their values); renderers read a snapshot only through these types, so a misspelt key
# or a key read from the wrong row is a type error. Changing a key changes SNAPSHOT_FORMAT.


class IncidentPart(TypedDict):
    id: str
    title: str
    area: str
    cause: str
    location: str
    summary: str
    started_at: str
    activated_at: str | None
    closed_at: str | None
    """Only when the incident was closed by the snapshot's ``as_of``."""


class Person(TypedDict):
    """Who prepared or approved a report: user name, display name and role value."""

    name: str
    display: str
    role: str


class Header(TypedDict):
    number: int | None
    """제N보; None on a draft."""
    issued_at: str | None
    prepared_by: Person | None
    approved_by: Person | None
    workstation: str | None
    draft_id: NotRequired[str | None]
    """Set when a report is issued: the stored draft it was issued from, or None."""
    reason: NotRequired[str]
    """Why a report out of order was issued (printed on its page)."""
    out_of_order: NotRequired[list[str]]
    """"earlier" (a moment before the last issued report) and/or "closed" (after stand-down)."""


class HeaderUpdate(TypedDict, total=False):
    """The issue details ``with_header`` sets."""

    number: int | None
    issued_at: str | None
    prepared_by: Person | None
    approved_by: Person | None
    workstation: str | None
    draft_id: str | None
    reason: str
    out_of_order: list[str]


class Since(TypedDict):
    """The last issued report before this one: its number and as-of time."""

    number: int
    as_of: str


class Figures(TypedDict):
    affected: int
    restored: int
    citizen_affected: int
    citizen_down: int
    alternative_active: int
    """On alternative means at the moment."""
    alternative_total: NotRequired[int]
    """Used them at any time up to the moment (snapshots frozen before 2026-12 lack these)."""
    alternative_peak: NotRequired[int]
    grade_1_2_down: int
    """Not restored, failure grade 1–2."""
    importance_1_2_down: NotRequired[int]
    """Not restored, importance grade 1–2."""
    rto_breached: NotRequired[int]
    departments: int


class SystemRow(TypedDict):
    """An affected system (the annex and the damage and recovery tables)."""

    code: str
    name: str
    department: str
    facility: str
    category: str
    importance_grade: int
    grade: int
    """The failure grade (장애등급)."""
    status: str
    phase: int | None
    detected_at: str
    restored_at: str | None
    alternative_active: bool
    alternative_used: NotRequired[bool]
    """On alternative means at any time up to the moment (absent in older snapshots)."""
    alternative_means: str


class DownRow(TypedDict):
    """A system still down, with its expected recovery and what that is based on."""

    code: str
    name: str
    department: str
    category: str
    grade: int
    status: str
    elapsed_hours: float
    expected: str | None
    basis: Literal["task", "rto"] | None


TaskItem = list[str]
"""[task title, ISO time of its current status]."""
TaskKind = Literal["done", "in_progress", "blocked"]
TASK_KINDS: tuple[TaskKind, ...] = ("done", "in_progress", "blocked")


class TeamTasks(TypedDict):
    done: list[TaskItem]
    """Done since the last issued report (or since the start)."""
    in_progress: list[TaskItem]
    blocked: list[TaskItem]
    counts: dict[str, int]
    """Tasks per status value, all statuses."""


class DecisionItem(TypedDict):
    at: str
    by: str | None
    role: str
    summary: str
    rationale: str
    corrects: bool


class NoticeItem(TypedDict):
    """A public notice issued by the report's moment (older snapshots: a significant log entry
    of the press team, without a channel)."""

    at: str
    text: str
    verified: bool
    channel: NotRequired[str]


class PlanItem(TypedDict):
    """An open task: the next steps."""

    team: str
    title: str
    status: str
    due: str | None
    overdue: bool


class BandPart(TypedDict):
    p10: str
    p50: str
    p90: str
    done: bool


class ForecastPart(TypedDict):
    """The restoration forecast at the report's moment (console/domain/forecast.py): frozen
    with the rest, so a reprint says what was estimated then."""

    all_restored: BandPart | None
    importance_1_2: BandPart | None
    basis: dict[str, Any]
    curve: list[list[Any]]
    """[ISO time, P10, P50, P90] of the restored count."""


CurvePoint = list[Any]
"""[ISO time, restored count]: a JSON array, so a list after ``loads`` too."""


class Snapshot(TypedDict):
    format: int
    kind: Literal["situation_report"]
    as_of: str
    crisis_level: str
    crisis_since: NotRequired[str | None]
    """When that level was set (absent in snapshots frozen before 2026-12)."""
    crisis_previous: NotRequired[str | None]
    """The level before it (None: the first level of the incident)."""
    report_to: NotRequired[list[str]]
    """보고처: whom the report goes to."""
    incident: IncidentPart
    header: Header
    since: Since | None
    figures: Figures
    systems: list[SystemRow]
    """All affected systems, by department and code."""
    still_down: list[DownRow]
    curve: list[CurvePoint]
    phase_starts: dict[str, str]
    """Phase number (as text: a JSON key) to when it started."""
    teams: dict[str, TeamTasks]
    """By team value; only teams with tasks."""
    decisions: list[DecisionItem]
    """Decisions since the last issued report, oldest first."""
    notices: list[NoticeItem]
    plans: list[PlanItem]
    forecast: NotRequired[ForecastPart | None]
    """Absent in reports frozen before forecasts existed."""
    next_report_due: str
    names_en: dict[str, str]
    """English names of departments and facilities, by Korean name."""


class _Incident(Protocol):
    id: str
    title: str
    area: str
    cause: str
    location: str
    summary: str
    started_at: datetime
    activated_at: datetime | None
    closed_at: datetime | None


class ViewLike(Protocol):
    """What the situation service's view offers (kept structural: reports sit below services)."""

    @property
    def incident(self) -> _Incident: ...
    @property
    def crisis_level(self) -> str: ...
    @property
    def situation(self) -> Situation: ...
    @property
    def decisions(self) -> Sequence[DecisionLine]: ...
    @property
    def significant_log(self) -> Sequence[LogLine]: ...
    @property
    def crisis_since(self) -> datetime | None: ...
    @property
    def crisis_previous(self) -> str | None: ...
    @property
    def notices(self) -> Sequence[_Notice] | None:
        """Notices issued by the moment; None where the view has no notice records."""


class _Notice(Protocol):
    @property
    def issued_at(self) -> datetime | None: ...
    @property
    def channel(self) -> NoticeChannel: ...
    @property
    def text(self) -> str: ...


def dumps(snapshot: Snapshot) -> str:
    """Canonical JSON text: the stored form, stable across runs."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> Snapshot:
    snapshot = json.loads(text)
    if snapshot.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"snapshot format {snapshot.get('format')} is not {SNAPSHOT_FORMAT}")
    return snapshot


def freeze(view: ViewLike, *, since: tuple[int, datetime] | None,
           task_links: Mapping[str, Sequence[str]], names_en: Mapping[str, str],
           workstation: str | None, next_due: datetime | None) -> Snapshot:
    """The snapshot of ``view``; ``since`` is the last issued report (number, as-of) before it,
    ``task_links`` maps outage ids to the ids of tasks linked to them, ``next_due`` is when
    the report after this one is due (console/domain/cadence.py), None before activation."""
    situation = view.situation
    as_of = situation.as_of
    since_at = to_utc(since[1]) if since else None
    incident = view.incident
    return {
        "format": SNAPSHOT_FORMAT,
        "kind": "situation_report",
        "as_of": iso(as_of),
        "crisis_level": view.crisis_level,
        "crisis_since": iso(view.crisis_since) if view.crisis_since else None,
        "crisis_previous": view.crisis_previous,
        "report_to": list(REPORT_TO),
        "incident": {
            "id": incident.id, "title": incident.title, "area": incident.area,
            "cause": incident.cause, "location": incident.location, "summary": incident.summary,
            "started_at": iso(incident.started_at), "activated_at": iso(incident.activated_at),
            "closed_at": iso(incident.closed_at) if incident.closed_at
            and to_utc(incident.closed_at) <= as_of else None,
        },
        "header": {"number": None, "issued_at": None, "prepared_by": None, "approved_by": None,
                   "workstation": workstation},
        "since": {"number": since[0], "as_of": iso(since[1])} if since else None,
        "figures": _figures(situation),
        "systems": [_system(state) for state in sorted(
            situation.outages, key=lambda s: (s.fact.department, s.fact.code))],
        "still_down": [_down(state, situation, task_links) for state in situation.still_down],
        "curve": [[iso(at), count] for at, count in situation.curve],
        "phase_starts": {str(k): iso(v) for k, v in sorted(situation.phase_starts.items())},
        "teams": _teams(situation, since_at),
        "decisions": [{"at": iso(d.at), "by": d.by, "role": d.role, "summary": d.summary,
                       "rationale": d.rationale, "corrects": d.corrects_id is not None}
                      for d in sorted(view.decisions, key=lambda d: d.at)
                      if since_at is None or to_utc(d.at) > since_at],
        "notices": _notices(view),
        "plans": _plans(situation),
        "next_report_due": iso(next_due) if next_due else "",
        "names_en": dict(sorted(names_en.items())),
    }


def forecast_part(result: Forecast) -> ForecastPart | None:
    """The forecast as the snapshot keeps it; None once everything is restored."""
    if result.all_restored is None or result.all_restored.done:
        return None
    return {"all_restored": _band_part(result.all_restored),
            "importance_1_2": _band_part(result.importance_1_2),
            "basis": result.basis(),
            "curve": [[iso(p.at), round(p.p10, 2), round(p.p50, 2), round(p.p90, 2)]
                      for p in result.curve]}


def _band_part(band: Band | None) -> BandPart | None:
    if band is None:
        return None
    return {"p10": iso(band.p10), "p50": iso(band.p50), "p90": iso(band.p90), "done": band.done}


def _notices(view: ViewLike) -> list[NoticeItem]:
    """대시민 안내: what was issued up to the moment, from the notice records, oldest first."""
    if view.notices is None:
        return [{"at": iso(e.at), "text": e.text, "verified": e.verified}
                for e in sorted(view.significant_log, key=lambda e: e.at) if e.team == "press"]
    issued = sorted(((n.issued_at, n) for n in view.notices if n.issued_at is not None),
                    key=lambda pair: pair[0])
    return [{"at": iso(at), "text": n.text, "verified": True, "channel": n.channel.value}
            for at, n in issued]


def with_header(snapshot: Snapshot, **header: Unpack[HeaderUpdate]) -> Snapshot:
    """A copy with the issue details (number, issued_at, prepared_by, approved_by) set."""
    copy: Snapshot = json.loads(dumps(snapshot))
    copy["header"].update(header)
    return copy


def _figures(situation: Situation) -> Figures:
    """The board's figures (one list of them: Situation.figures), and the departments."""
    figures = {**situation.figures(),
               "departments": len({o.fact.department for o in situation.outages})}
    return cast(Figures, figures)


def _system(state: OutageState) -> SystemRow:
    fact = state.fact
    return {"code": fact.code, "name": fact.name, "department": fact.department,
            "facility": fact.facility, "category": fact.category,
            "importance_grade": fact.importance_grade, "grade": state.grade,
            "status": state.status.value, "phase": state.phase,
            "detected_at": iso(fact.detected_at), "restored_at": iso(state.restored_at),
            "alternative_active": state.alternative_active,
            "alternative_used": state.reading.alternative_used,
            "alternative_means": fact.alternative_means}


def _down(state: OutageState, situation: Situation, task_links: Mapping[str, Sequence[str]]
          ) -> DownRow:
    """A system still down, with its expected recovery: the earliest due time of an open
    linked task, else detection + RTO if that is still ahead, else none."""
    fact = state.fact
    open_due = {task.id: task.due_at for task, status, _ in situation.tasks
                if not status.is_closed and task.due_at is not None}
    dues = sorted(to_utc(open_due[t]) for t in task_links.get(fact.id, ()) if t in open_due)
    expected: datetime | None = dues[0] if dues else None
    basis: Literal["task", "rto"] | None = "task" if dues else None
    if expected is None and fact.rto_hours is not None:
        by_rto = to_utc(fact.detected_at) + timedelta(hours=fact.rto_hours)
        if by_rto > situation.as_of:
            expected, basis = by_rto, "rto"
    return {"code": fact.code, "name": fact.name, "department": fact.department,
            "category": fact.category, "grade": state.grade, "status": state.status.value,
            "elapsed_hours": round(state.elapsed_hours, 4),
            "expected": iso(expected), "basis": basis}


def _teams(situation: Situation, since: datetime | None) -> dict[str, TeamTasks]:
    teams: dict[str, TeamTasks] = {}
    for task, status, at in sorted(situation.tasks, key=lambda t: (t[2], t[0].title)):
        entry = teams.setdefault(task.team, {"done": [], "in_progress": [], "blocked": [],
                                             "counts": {s.value: 0 for s in TaskStatus}})
        entry["counts"][status.value] += 1
        item = [task.title, iso(at)]
        if status is TaskStatus.DONE and (since is None or to_utc(at) > since):
            entry["done"].append(item)
        elif status is TaskStatus.IN_PROGRESS:
            entry["in_progress"].append(item)
        elif status is TaskStatus.BLOCKED:
            entry["blocked"].append(item)
    return teams


def _plans(situation: Situation) -> list[PlanItem]:
    plans: list[PlanItem] = []
    for task, status, _ in situation.tasks:
        if status.is_closed:
            continue
        due = to_utc(task.due_at) if task.due_at else None
        plans.append({"team": task.team, "title": task.title, "status": status.value,
                      "due": iso(due), "overdue": bool(due and due < situation.as_of)})
    far = "9999"
    return sorted(plans, key=lambda p: (p["due"] or far, p["team"], p["title"]))
