"""Freeze the situation at a moment into plain JSON data, once.

Everything a situation report shows is in the snapshot, with times as ISO UTC strings and enum
values (not labels), so the same snapshot renders the same PDF in Korean or English, today or
in ten years. The PDF is rendered from the snapshot only; a reprint is a re-render.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from console.domain.clock import iso, to_utc
from console.domain.enums import TaskStatus
from console.domain.situation import OutageState, Situation

SNAPSHOT_FORMAT = 1
Snapshot = dict[str, Any]


class _Decision(Protocol):
    at: datetime
    by: str | None
    role: str
    summary: str
    rationale: str
    corrects_id: str | None


class _LogLine(Protocol):
    at: datetime
    team: str
    text: str
    verified: bool


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
    def decisions(self) -> Sequence[_Decision]: ...
    @property
    def significant_log(self) -> Sequence[_LogLine]: ...


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
           workstation: str | None, interval: timedelta) -> Snapshot:
    """The snapshot of ``view``; ``since`` is the last issued report (number, as-of) before it,
    ``task_links`` maps outage ids to the ids of tasks linked to them, ``interval`` is the
    reporting interval (the next report is due that long after this one)."""
    situation = view.situation
    as_of = situation.as_of
    since_at = to_utc(since[1]) if since else None
    incident = view.incident
    return {
        "format": SNAPSHOT_FORMAT,
        "kind": "situation_report",
        "as_of": iso(as_of),
        "crisis_level": view.crisis_level,
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
        "notices": [{"at": iso(e.at), "text": e.text, "verified": e.verified}
                    for e in sorted(view.significant_log, key=lambda e: e.at)
                    if e.team == "press"],
        "plans": _plans(situation),
        "next_report_due": iso(as_of + interval),
        "names_en": dict(sorted(names_en.items())),
    }


def with_header(snapshot: Snapshot, **header: Any) -> Snapshot:
    """A copy with the issue details (number, issued_at, prepared_by, approved_by) set."""
    copy = json.loads(dumps(snapshot))
    copy["header"].update(header)
    return copy


def _figures(situation: Situation) -> dict[str, int]:
    return {
        "affected": situation.affected, "restored": situation.restored,
        "citizen_affected": situation.citizen_affected, "citizen_down": situation.citizen_down,
        "alternative_active": situation.alternative_active,
        "alternative_total": situation.alternative_total,
        "alternative_peak": situation.alternative_peak,
        "grade_1_2_down": situation.grade_1_2_down,
        "importance_1_2_down": situation.importance_1_2_down,
        "rto_breached": situation.rto_breached,
        "departments": len({o.fact.department for o in situation.outages}),
    }


def _system(state: OutageState) -> dict[str, Any]:
    fact = state.fact
    return {"code": fact.code, "name": fact.name, "department": fact.department,
            "facility": fact.facility, "category": fact.category,
            "importance_grade": fact.importance_grade, "grade": state.grade,
            "status": state.status.value, "phase": state.phase,
            "detected_at": iso(fact.detected_at), "restored_at": iso(state.restored_at),
            "alternative_active": state.alternative_active,
            "alternative_means": fact.alternative_means}


def _down(state: OutageState, situation: Situation, task_links: Mapping[str, Sequence[str]]
          ) -> dict[str, Any]:
    """A system still down, with its expected recovery: the earliest due time of an open
    linked task, else detection + RTO if that is still ahead, else none."""
    fact = state.fact
    open_due = {task.id: task.due_at for task, status, _ in situation.tasks
                if not status.is_closed and task.due_at is not None}
    dues = sorted(to_utc(open_due[t]) for t in task_links.get(fact.id, ()) if t in open_due)
    expected, basis = (dues[0], "task") if dues else (None, None)
    if expected is None and fact.rto_hours is not None:
        by_rto = to_utc(fact.detected_at) + timedelta(hours=fact.rto_hours)
        if by_rto > situation.as_of:
            expected, basis = by_rto, "rto"
    return {"code": fact.code, "name": fact.name, "department": fact.department,
            "category": fact.category, "grade": state.grade, "status": state.status.value,
            "elapsed_hours": round(state.elapsed_hours, 4),
            "expected": iso(expected), "basis": basis}


def _teams(situation: Situation, since: datetime | None) -> dict[str, dict[str, Any]]:
    teams: dict[str, dict[str, Any]] = {}
    for task, status, at in sorted(situation.tasks, key=lambda t: (t[2], t[0].title)):
        entry = teams.setdefault(task.team, {"done": [], "in_progress": [], "blocked": [],
                                             "counts": {s.value: 0 for s in TaskStatus}})
        entry["counts"][status.value] += 1
        item = [task.title, iso(at)]
        if status is TaskStatus.DONE and (since is None or to_utc(at) > since):
            entry["done"].append(item)
        elif status in (TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED):
            entry[status.value].append(item)
    return teams


def _plans(situation: Situation) -> list[dict[str, Any]]:
    plans = []
    for task, status, _ in situation.tasks:
        if status.is_closed:
            continue
        due = to_utc(task.due_at) if task.due_at else None
        plans.append({"team": task.team, "title": task.title, "status": status.value,
                      "due": iso(due), "overdue": bool(due and due < situation.as_of)})
    far = "9999"
    return sorted(plans, key=lambda p: (p["due"] or far, p["team"], p["title"]))
