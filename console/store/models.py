"""The domain model as SQLAlchemy tables (DESIGN.md §2).

Two kinds of record: *entities* (merged per field; carry created/updated author and time and a
``deleted`` flag instead of being removed) and *records* (append-only; a correction is a new
record pointing at the old one). Status fields on outages and tasks are caches of their latest
event, kept by the services and checked by ``verify``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.store.base import Base as Base
from console.store.base import Id

# The sync bookkeeping tables (sync_tables.py), so that Base.metadata is the whole schema.
from console.store.sync_tables import (  # noqa: F401
    ChangeLog,
    SyncClock,
    SyncConflict,
    SyncPeer,
    SyncPendingBundle,
    SyncPendingRow,
    SyncSetAside,
    SyncState,
    SyncSuperseded,
)
from console.store.types import UtcTime


class Entity(Base):
    __abstract__ = True
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcTime)
    created_by: Mapped[str | None] = mapped_column(Id)
    updated_at: Mapped[datetime] = mapped_column(UtcTime)
    updated_by: Mapped[str | None] = mapped_column(Id)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Record(Base):
    __abstract__ = True
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcTime)
    author_id: Mapped[str | None] = mapped_column(Id)
    workstation_id: Mapped[str | None] = mapped_column(Id)


class Workstation(Entity):
    __tablename__ = "workstation"
    name: Mapped[str] = mapped_column(String(80))
    public_key: Mapped[str | None] = mapped_column(String(64))
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Entity):
    __tablename__ = "app_user"
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    team: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Department(Entity):
    __tablename__ = "department"
    name: Mapped[str] = mapped_column(String(120), unique=True)
    name_en: Mapped[str] = mapped_column(String(160), default="")


class Facility(Entity):
    __tablename__ = "facility"
    name: Mapped[str] = mapped_column(String(120), unique=True)
    name_en: Mapped[str] = mapped_column(String(160), default="")
    kind: Mapped[str] = mapped_column(String(20))


class InformationSystem(Entity):
    __tablename__ = "information_system"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[str] = mapped_column(ForeignKey("department.id"), index=True)
    facility_id: Mapped[str] = mapped_column(ForeignKey("facility.id"), index=True)
    category: Mapped[str] = mapped_column(String(10))
    importance_grade: Mapped[int] = mapped_column(Integer)
    rto_hours: Mapped[float | None] = mapped_column(Float)
    rpo_hours: Mapped[float | None] = mapped_column(Float)
    alternative_means: Mapped[str] = mapped_column(Text, default="")
    contacts: Mapped[str] = mapped_column(Text, default="")


class SystemDependency(Entity):
    """``system_id`` needs ``depends_on_id`` to work."""

    __tablename__ = "system_dependency"
    system_id: Mapped[str] = mapped_column(ForeignKey("information_system.id"), index=True)
    depends_on_id: Mapped[str] = mapped_column(ForeignKey("information_system.id"), index=True)


class Incident(Entity):
    __tablename__ = "incident"
    title: Mapped[str] = mapped_column(String(200))
    area: Mapped[str] = mapped_column(String(20))
    cause: Mapped[str] = mapped_column(String(20))
    location: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UtcTime)
    activated_at: Mapped[datetime | None] = mapped_column(UtcTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcTime)
    crisis_level: Mapped[str] = mapped_column(String(10))


class CrisisLevelChange(Record):
    __tablename__ = "crisis_level_change"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    level: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(UtcTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class IncidentEvent(Record):
    """A step of the incident's life: the task force activated (대책본부 가동, with the crisis
    level in force), stood down (해산, with the reason), or the report schedule set
    (``schedule`` in console/domain/cadence.py's stored form). ``Incident.activated_at`` and
    ``closed_at`` are written by the same service call."""

    __tablename__ = "incident_event"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UtcTime)
    level: Mapped[str] = mapped_column(String(10), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    schedule: Mapped[str] = mapped_column(String(120), default="")


class Outage(Entity):
    __tablename__ = "outage"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    system_id: Mapped[str] = mapped_column(ForeignKey("information_system.id"), index=True)
    episode: Mapped[int] = mapped_column(Integer, default=1)
    detected_at: Mapped[datetime] = mapped_column(UtcTime)
    scope: Mapped[str] = mapped_column(String(10), default="full")
    alternative_active: Mapped[bool] = mapped_column(Boolean, default=False)
    grade_override: Mapped[int | None] = mapped_column(Integer)
    grade_override_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    status_at: Mapped[datetime] = mapped_column(UtcTime)
    restored_at: Mapped[datetime | None] = mapped_column(UtcTime)
    """Caches of the outage clock (console/domain/outage_clock.py), kept by
    console/store/derived.py: status, status_at, restored_at, first_restored_at, phase and
    alternative_active. Nothing else writes them."""
    first_restored_at: Mapped[datetime | None] = mapped_column(UtcTime)
    phase: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class OutageEvent(Record):
    __tablename__ = "outage_event"
    outage_id: Mapped[str] = mapped_column(ForeignKey("outage.id"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UtcTime, index=True)
    phase: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    paper_ref: Mapped[str | None] = mapped_column(String(80))
    """Typed in from a hand-written 장애 접수서 ("장애 접수서 #12"): ``at`` is the time written
    on it, ``recorded_at`` when it was typed in. None: entered at the time (migration 0014)."""


class OutageEstimate(Record):
    """A team's estimated time of restoration (ETR) of an outage, and when it will next say.

    Append-only: a revision is a new record; the current estimate is the latest by (at, id)
    (console/domain/estimates.py)."""

    __tablename__ = "outage_estimate"
    outage_id: Mapped[str] = mapped_column(ForeignKey("outage.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    """When the team gave the estimate."""
    restore_by: Mapped[datetime] = mapped_column(UtcTime)
    next_update_at: Mapped[datetime | None] = mapped_column(UtcTime)
    team: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class Task(Entity):
    __tablename__ = "task"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    team: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer, default=2)
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    due_at: Mapped[datetime | None] = mapped_column(UtcTime)
    status: Mapped[str] = mapped_column(String(12), index=True)
    status_at: Mapped[datetime] = mapped_column(UtcTime)


class TaskOutage(Entity):
    __tablename__ = "task_outage"
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    outage_id: Mapped[str] = mapped_column(ForeignKey("outage.id"), index=True)


class TaskEvent(Record):
    __tablename__ = "task_event"
    task_id: Mapped[str] = mapped_column(ForeignKey("task.id"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UtcTime)
    note: Mapped[str] = mapped_column(Text, default="")


class Decision(Record):
    __tablename__ = "decision"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime, index=True)
    role: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    rationale: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"))


class LogEntry(Record):
    """ICS-214 activity log line."""

    __tablename__ = "log_entry"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    team: Mapped[str] = mapped_column(String(20), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime, index=True)
    text: Mapped[str] = mapped_column(Text)
    significant: Mapped[bool] = mapped_column(Boolean, default=False)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("log_entry.id"))
    paper_ref: Mapped[str | None] = mapped_column(String(80))
    """Typed in from a hand-written sheet ("ICS-214 #3"): ``at`` is the time written on it,
    ``recorded_at`` when it was typed in. None: entered at the time (migration 0012)."""


class LogVerification(Record):
    """The controller's confirmation of a significant log entry."""

    __tablename__ = "log_verification"
    log_entry_id: Mapped[str] = mapped_column(ForeignKey("log_entry.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime)


class AuditEvent(Record):
    __tablename__ = "audit_event"
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class Setting(Entity):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text)


class FailureGradeRule(Entity):
    """One row of the failure-grade table: the grade once an outage has lasted ``min_hours``."""

    __tablename__ = "failure_grade_rule"
    importance_grade: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(10))
    scope: Mapped[str] = mapped_column(String(10))
    min_hours: Mapped[float] = mapped_column(Float)
    failure_grade: Mapped[int] = mapped_column(Integer)


class LocalIdentity(Base):
    """This database's own workstation (one row; never synced)."""

    __tablename__ = "local_identity"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


Index("ix_outage_incident_system", Outage.incident_id, Outage.system_id)


class SituationReport(Record):
    """An issued or draft 상황보고: the frozen snapshot it was rendered from, and the PDF's hash.

    ``number`` is set when the report is approved (제N보); drafts stay unnumbered.
    """

    __tablename__ = "situation_report"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    as_of: Mapped[datetime] = mapped_column(UtcTime)
    issued_at: Mapped[datetime | None] = mapped_column(UtcTime)
    prepared_by: Mapped[str | None] = mapped_column(Id)
    approved_by: Mapped[str | None] = mapped_column(Id)
    lang: Mapped[str] = mapped_column(String(2), default="ko")
    snapshot_json: Mapped[str] = mapped_column(Text)
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")


class PublicNotice(Entity):
    """A public notice (대시민 안내) on one channel. Its text lives in append-only versions and
    its life in append-only events (console/domain/notices.py reads its status from them)."""

    __tablename__ = "public_notice"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    tier: Mapped[str | None] = mapped_column(String(12))
    area: Mapped[str] = mapped_column(String(200), default="")
    lang: Mapped[str] = mapped_column(String(2), default="ko")
    systems: Mapped[str] = mapped_column(Text, default="")
    """System codes the notice is about, separated by spaces."""
    references_id: Mapped[str | None] = mapped_column(ForeignKey("public_notice.id"))
    """The earlier notice this one updates or cancels (CAP ``references``)."""
    msg_type: Mapped[str] = mapped_column(String(8), default="alert")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)


class PublicNoticeVersion(Record):
    """One wording of a notice; a revision is a new version, never an edit."""

    __tablename__ = "public_notice_version"
    notice_id: Mapped[str] = mapped_column(ForeignKey("public_notice.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text, default="")


class PublicNoticeEvent(Record):
    """A step of a notice's life: submitted, approved, returned, issued, superseded, cancelled.

    ``at`` is when it happened (for ``issued``: the time the sender entered);
    ``version_id`` is the wording the step was about."""

    __tablename__ = "public_notice_event"
    notice_id: Mapped[str] = mapped_column(ForeignKey("public_notice.id"), index=True)
    version_id: Mapped[str | None] = mapped_column(ForeignKey("public_notice_version.id"))
    seq: Mapped[int] = mapped_column(Integer)
    """Its place in the notice's life (1, 2, …): steps recorded in the same second stay in
    order; two workstations' concurrent steps tie-break by time and id."""
    status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UtcTime, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    despite_duplicate: Mapped[bool] = mapped_column(Boolean, default=False)


class DrillInject(Record):
    """An inject of the drill's scenario as it fell due (훈련 상황부여): applied once, in order."""

    __tablename__ = "drill_inject"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcTime)
    team: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)


class DrillLesson(Record):
    """The exercise controller's lessons learnt, for the after-action report."""

    __tablename__ = "drill_lesson"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    text: Mapped[str] = mapped_column(Text)


class DrillJudgement(Record):
    """A judgement deduction of the exercise controller (a wrong summary, a typo): its kind
    names a line of the scoring table, which holds its points."""

    __tablename__ = "drill_judgement"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    kind: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text)
    about: Mapped[str | None] = mapped_column(Id)
    """The record it is about (any table's id), if the controller named one."""


class IncidentLesson(Record):
    """A lesson or 재발방지 대책 of an incident, for the 최종(결과)보고 (migration 0012)."""

    __tablename__ = "incident_lesson"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incident.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTime)
    text: Mapped[str] = mapped_column(Text)


# The window's sort indexes (migration 0005): sort column and tie-breaking id.
_SORTED = InformationSystem
Index("ix_information_system_sort_code", _SORTED.code, _SORTED.id)
Index("ix_information_system_sort_name", _SORTED.name, _SORTED.id)
Index("ix_information_system_sort_department", _SORTED.department_id, _SORTED.id)
Index("ix_information_system_sort_facility", _SORTED.facility_id, _SORTED.id)
Index("ix_information_system_sort_category", _SORTED.category, _SORTED.id)
Index("ix_information_system_sort_grade", _SORTED.importance_grade, _SORTED.id)
Index("ix_information_system_sort_rto", _SORTED.rto_hours, _SORTED.id)
Index("ix_information_system_sort_rpo", _SORTED.rpo_hours, _SORTED.id)
Index("ix_information_system_sort_alternative", _SORTED.alternative_means, _SORTED.id)
Index("ix_outage_sort_detected", Outage.incident_id, Outage.detected_at, Outage.id)
Index("ix_log_entry_sort_at", LogEntry.incident_id, LogEntry.at, LogEntry.id)
