"""What every service shares: who is acting, the database, the clock, and what changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from console.domain.clock import Clock, utc_now
from console.domain.enums import Role, Team
from console.domain.errors import NotFound
from console.domain.ids import new_id
from console.domain.permissions import Action, require
from console.store import derived
from console.store.database import Database
from console.store.models import (
    AuditEvent,
    Entity,
    Incident,
    LocalIdentity,
    Outage,
    Record,
    Task,
    User,
)

E = TypeVar("E", bound=Entity)
R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Actor:
    """The logged-in person: every write carries their id and workstation."""

    user_id: str
    name: str
    role: Role
    team: Team | None
    workstation_id: str | None
    lang: str = "en"

    def require(self, action: Action, target_team: Team | None = None) -> None:
        require(self.role, self.team, action, target_team)


@dataclass
class ChangeSet:
    """What a service call changed, so views refresh only what they show."""

    tables: set[str] = field(default_factory=set)
    ids: list[str] = field(default_factory=list)

    def note(self, table: str, record_id: str) -> None:
        self.tables.add(table)
        self.ids.append(record_id)

    @property
    def first_id(self) -> str:
        return self.ids[0]


class ServiceBase:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def now(self) -> datetime:
        return self.clock()

    def new_entity(self, entity: E, actor: Actor | None, at: datetime) -> E:
        if not entity.id:
            entity.id = new_id()
        entity.created_at = entity.updated_at = at
        entity.created_by = entity.updated_by = actor.user_id if actor else None
        if entity.deleted is None:
            entity.deleted = False
        return entity

    def refresh_caches(self, session: Session, *, outages: Iterable[str] = (),
                       tasks: Iterable[str] = (), incidents: Iterable[str] = ()) -> None:
        """Bring the derived caches of these rows up to their events (console/store/derived.py)
        and drop the stale copies the session holds of them."""
        outages, tasks, incidents = list(outages), list(tasks), list(incidents)
        session.flush()
        derived.refresh(session.connection(), outages=outages, tasks=tasks,
                        incidents=incidents)
        for model, ids in ((Outage, outages), (Task, tasks), (Incident, incidents)):
            for row_id in ids:
                held = session.identity_map.get(identity_key(model, row_id))
                if held is not None:
                    session.expire(held)

    def touch(self, entity: Entity, actor: Actor, at: datetime) -> None:
        entity.updated_at = at
        entity.updated_by = actor.user_id

    def new_record(self, record: R, actor: Actor | None, at: datetime) -> R:
        if not record.id:
            record.id = new_id()
        record.recorded_at = at
        record.author_id = actor.user_id if actor else None
        record.workstation_id = actor.workstation_id if actor else None
        return record

    def audit(self, session: Session, actor: Actor | None, action: str, target: str = "",
              detail: str = "") -> None:
        session.add(self.new_record(AuditEvent(action=action, target=target, detail=detail),
                                    actor, self.now()))


def current_incident(session: Session, incident_id: str | None = None) -> Incident:
    """The incident a command means: the one named, else the latest still open."""
    if incident_id:
        incident = session.get(Incident, incident_id)
        if incident is None or incident.deleted:
            raise NotFound("incident.unknown", id=incident_id)
        return incident
    query = select(Incident).where(Incident.deleted.is_(False))
    open_first = query.order_by(Incident.closed_at.is_not(None), Incident.started_at.desc())
    incident = session.scalars(open_first.limit(1)).first()
    if incident is None:
        raise NotFound("incident.none")
    return incident


def local_value(session: Session, key: str) -> str | None:
    row = session.get(LocalIdentity, key)
    return row.value if row else None


def set_local_value(session: Session, key: str, value: str) -> None:
    session.merge(LocalIdentity(key=key, value=value))


def shown_names(session: Session) -> dict[str, str]:
    """Login id → the user as the roster shows them: the display name ("홍길동
    (상황총괄반장)"), else the login id. The timeline and the detail panes name people so."""
    return {name: display or name
            for name, display in session.execute(select(User.name, User.display_name))}
