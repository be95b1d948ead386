"""The order of issued reports: a report out of time order needs a reason, and the demo's 40
reports as its log records them.

A 제N보 normally describes a moment later than every report before it. Approving one for an
earlier moment (a correction, a report that was missed), or after the stand-down (the 최종
결과보고), is allowed but never silent: the approver gives a reason and the page prints it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.clock import format_kst, from_iso, to_utc
from console.domain.errors import ValidationError
from console.reports.snapshot import HeaderUpdate, Snapshot
from console.store.models import Incident, SituationReport

SITREP_ENTRY = re.compile(r"^상황보고 제(\d+)보 작성·보고")
"""How the demo's situation team logged each report it issued."""


def out_of_order_reasons(session: Session, snapshot: Snapshot, reason: str) -> HeaderUpdate:
    """The header fields of a report issued out of order, or ``{}`` when it is in order;
    refused without a ``reason`` when it is out of order."""
    moment = from_iso(snapshot["as_of"])
    assert moment is not None
    incident_id = snapshot["incident"]["id"]
    last = session.execute(
        select(SituationReport.as_of, SituationReport.number)
        .where(SituationReport.incident_id == incident_id, SituationReport.number.is_not(None))
        .order_by(SituationReport.as_of.desc()).limit(1)).first()
    closed = session.scalar(select(Incident.closed_at).where(Incident.id == incident_id))
    kinds = []
    if last is not None and to_utc(moment) < to_utc(last[0]):
        kinds.append("earlier")
        if not reason:
            raise ValidationError("report.reason_earlier", moment=format_kst(moment),
                                  number=last[1], last=format_kst(last[0]))
    if closed is not None:
        kinds.append("closed")
        if not reason:
            raise ValidationError("report.reason_closed", closed=format_kst(closed))
    return {"reason": reason, "out_of_order": kinds} if kinds else {}


@dataclass(frozen=True)
class IssuedEntry:
    """A report the record says was issued: its number and when (as of and issued at once)."""

    number: int
    at: datetime


def logged_reports(log: Sequence[dict[str, object]]) -> list[IssuedEntry]:
    """The reports a scenario's activity log records ("상황보고 제N보 작성·보고")."""
    entries = []
    for entry in log:
        match = SITREP_ENTRY.match(str(entry.get("text", "")))
        if match:
            at = from_iso(str(entry["at"]))
            assert at is not None
            entries.append(IssuedEntry(int(match.group(1)), at))
    return sorted(entries, key=lambda e: e.number)
