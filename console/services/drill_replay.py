"""Replay a closed incident as a drill scenario (item 6 of issue 15): its append-only record
becomes timed injects, so a real response becomes next year's drill.

What the outside world did becomes an inject: systems going down (grouped by the moment they
were detected), the recovery reports (grouped by moment and status, as effects, so the board
moves as it did), and the significant log entries (what was reported in). What the task force
did becomes an expected response: an inject asks for activation half an hour before the real
activation, and for the stand-down half an hour before the real one. ``nirs-2025`` is made this
way from the demo (docs/drills.md).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from console.domain.clock import iso, to_utc
from console.domain.errors import ValidationError
from console.services.app import Services
from console.services.context import current_incident
from console.store.models import (
    CrisisLevelChange,
    InformationSystem,
    LogEntry,
    Outage,
    OutageEvent,
)

ASK_AHEAD = timedelta(minutes=30)
STATUS_WORDS = {"degraded": "부분 장애", "workaround": "대체수단 가동", "restored": "복구",
                "verified": "복구 확인"}


def duration_text(span: timedelta) -> str:
    """``1d2h5m`` (what parse_duration reads back)."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    text = (f"{days}d" if days else "") + (f"{hours}h" if hours else "") + \
        (f"{minutes}m" if minutes or not (days or hours) else "")
    return text


def scenario_from_incident(services: Services, name: str, incident_id: str | None = None
                           ) -> dict[str, Any]:
    with services.db.sessions() as session:
        incident = current_incident(session, incident_id)
        if incident.closed_at is None:
            raise ValidationError("drill.incident_open", title=incident.title)
        start = to_utc(incident.started_at)
        closed = to_utc(incident.closed_at)
        first_level = session.scalars(
            select(CrisisLevelChange.level).where(CrisisLevelChange.incident_id == incident.id)
            .order_by(CrisisLevelChange.at).limit(1)).first() or incident.crisis_level
        down: dict[datetime, list[str]] = defaultdict(list)
        for detected, code in session.execute(
                select(Outage.detected_at, InformationSystem.code)
                .join(InformationSystem, InformationSystem.id == Outage.system_id)
                .where(Outage.incident_id == incident.id, Outage.deleted.is_(False))
                .order_by(Outage.detected_at, InformationSystem.code)):
            down[to_utc(detected)].append(code)
        changed: dict[tuple[datetime, str], list[str]] = defaultdict(list)
        for at, status, code in session.execute(
                select(OutageEvent.at, OutageEvent.status, InformationSystem.code)
                .join(Outage, Outage.id == OutageEvent.outage_id)
                .join(InformationSystem, InformationSystem.id == Outage.system_id)
                .where(Outage.incident_id == incident.id, OutageEvent.status != "down")
                .order_by(OutageEvent.at, InformationSystem.code)):
            changed[(to_utc(at), status)].append(code)
        reported = [(to_utc(at), team, text) for at, team, text in session.execute(
            select(LogEntry.at, LogEntry.team, LogEntry.text).where(
                LogEntry.incident_id == incident.id, LogEntry.significant.is_(True),
                LogEntry.corrects_id.is_(None)).order_by(LogEntry.at))]
        activated = to_utc(incident.activated_at) if incident.activated_at else None
        data_incident = {"title": incident.title.removeprefix("[훈련] "), "area": incident.area,
                         "cause": incident.cause, "location": incident.location,
                         "level": first_level}
        title, source_id = incident.title, incident.id
    moments: list[tuple[datetime, int, dict[str, Any]]] = []
    for order, (at, codes) in enumerate(sorted(down.items())):
        inject: dict[str, Any] = {
            "team": "systems", "text": f"정보시스템 {len(codes)}개 장애 발생: "
            + ", ".join(codes[:8]) + (" 외" if len(codes) > 8 else ""),
            "effects": {"systems_down": codes}}
        if order == 0:
            inject["expect"] = {"kind": "log", "team": "systems", "within": "30m",
                                "text": "장애 접수·영향 파악 기록"}
        moments.append((at, 0, inject))
    for (at, status), codes in sorted(changed.items()):
        if at > closed:
            continue
        moments.append((at, 2, {
            "team": "systems", "text": f"복구 보고: {len(codes)}개 시스템 {STATUS_WORDS.get(status, status)}",
            "effects": {"systems_status": {"status": status, "systems": codes}}}))
    for at, team, text in reported:
        if start <= at <= closed:
            moments.append((at, 1, {"team": team, "text": text}))
    if activated is not None:
        moments.append((max(start, activated - ASK_AHEAD), 3, {
            "team": "situation", "text": "통제관: 대책본부 가동 여부 판단 요청",
            "expect": {"kind": "activate", "within": duration_text(2 * ASK_AHEAD),
                       "text": "대책본부 가동"}}))
    moments.append((max(start, closed - ASK_AHEAD), 4, {
        "team": "situation", "text": "통제관: 전 시스템 복구 확인, 해산 여부 판단 요청",
        "expect": {"kind": "close", "within": duration_text(2 * ASK_AHEAD), "text": "해산"}}))
    moments.sort(key=lambda m: (m[0], m[1]))
    injects = [{"at": duration_text(at - start), **inject} for at, _, inject in moments]
    return {"name": name, "title": f"{title} (재연 훈련)",
            "title_en": f"Replay of: {title}", "start": iso(start),
            "source": {"incident": source_id, "closed_at": iso(closed)},
            "incident": data_incident, "injects": injects}
