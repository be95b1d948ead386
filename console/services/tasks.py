"""Recovery tasks: each team's work, its status events and links to outages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.clock import to_utc, write_time
from console.domain.enums import TaskStatus, Team
from console.domain.errors import NotFound, ValidationError
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.services.outages import find_outage
from console.store.models import Task, TaskEvent, TaskOutage, User


@dataclass(frozen=True)
class TaskRow:
    id: str
    team: str
    title: str
    status: str
    assignee: str | None
    due_at: datetime | None
    priority: int
    overdue: bool
    outage_ids: tuple[str, ...]


def find_task(session: Session, reference: str) -> Task:
    task = session.get(Task, reference.strip())
    if task is None and len(reference.strip()) >= 8:
        matches = session.scalars(select(Task).where(Task.id.like(f"{reference.strip()}%"))).all()
        task = matches[0] if len(matches) == 1 else None
    if task is None or task.deleted:
        raise NotFound("task.unknown", reference=reference)
    return task


def _user_id(session: Session, name: str | None) -> str | None:
    if name is None or not name.strip():
        return None
    user_id = session.scalar(select(User.id).where(User.name == name.strip()))
    if user_id is None:
        raise NotFound("user.unknown", name=name)
    return user_id


class TaskService(ServiceBase):
    def add(self, actor: Actor, team: Team, title: str, outage: str | None = None,
            due: datetime | None = None, assignee: str | None = None, detail: str = "",
            priority: int = 2, at: datetime | None = None, incident_id: str | None = None
            ) -> ChangeSet:
        actor.require(Action.ADD_TASK, team)
        if not title.strip():
            raise ValidationError("task.needs_title")
        if not 1 <= priority <= 3:
            raise ValidationError("task.bad_priority", priority=priority)
        now = self.now()
        created = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            task = self.new_entity(Task(
                incident_id=incident.id, team=team.value, title=title.strip(), detail=detail,
                priority=priority, assignee_id=_user_id(session, assignee),
                due_at=to_utc(due) if due else None, status=TaskStatus.OPEN.value,
                status_at=created), actor, now)
            session.add(task)
            session.flush()
            session.add(self.new_record(TaskEvent(task_id=task.id, status=TaskStatus.OPEN.value,
                                                  at=created, note=""), actor, now))
            if outage:
                self._link(session, actor, task, outage)
            changes.note("task", task.id)
        return changes

    def _link(self, session: Session, actor: Actor, task: Task, outage_reference: str) -> None:
        outage = find_outage(session, outage_reference)
        link_id = natural_id("task_outage", task.id, outage.id)
        if session.get(TaskOutage, link_id) is None:
            session.add(self.new_entity(
                TaskOutage(id=link_id, task_id=task.id, outage_id=outage.id), actor, self.now()))

    def edit(self, actor: Actor, reference: str, title: str | None = None,
             due: datetime | None = None, assignee: str | None = None, team: Team | None = None,
             detail: str | None = None, outage: str | None = None,
             priority: int | None = None, clear_due: bool = False) -> ChangeSet:
        """Change what is given (None: as it was). ``clear_due``: the task has no due time
        any more (the form's unticked "Due", the CLI's ``--due ''``)."""
        if clear_due and due is not None:
            raise ValidationError("task.due_and_no_due")
        if priority is not None and not 1 <= priority <= 3:
            raise ValidationError("task.bad_priority", priority=priority)
        now = self.now()
        with self.db.transaction() as session:
            task = find_task(session, reference)
            actor.require(Action.EDIT_TASK, Team(task.team))
            if team is not None:
                actor.require(Action.EDIT_TASK, team)
                task.team = team.value
            if title is not None:
                if not title.strip():
                    raise ValidationError("task.needs_title")
                task.title = title.strip()
            if due is not None:
                task.due_at = to_utc(due)
            elif clear_due:
                task.due_at = None
            if assignee is not None:
                task.assignee_id = _user_id(session, assignee)
            if detail is not None:
                task.detail = detail
            if priority is not None:
                task.priority = priority
            if outage is not None:
                self._link(session, actor, task, outage)
            self.touch(task, actor, now)
            changes = ChangeSet()
            changes.note("task", task.id)
        return changes

    def change_status(self, actor: Actor, reference: str, to: TaskStatus, note: str = "",
                      at: datetime | None = None) -> ChangeSet:
        now = self.now()
        with self.db.transaction() as session:
            task = find_task(session, reference)
            actor.require(Action.EDIT_TASK, Team(task.team))
            if to.value == task.status:
                raise ValidationError("task.already_status", status=to)
            if TaskStatus(task.status).is_closed and to is not TaskStatus.OPEN:
                raise ValidationError("task.closed", status=TaskStatus(task.status))
            session.add(self.new_record(TaskEvent(
                task_id=task.id, status=to.value, at=write_time(at, now), note=note),
                actor, now))
            session.flush()
            self.refresh_caches(session, tasks=[task.id])
            self.touch(task, actor, now)
            changes = ChangeSet()
            changes.note("task", task.id)
        return changes

    def list(self, team: Team | None = None) -> list[TaskRow]:
        now = self.now()
        with self.db.sessions() as session:
            links: dict[str, list[str]] = {}
            for task_id, outage_id in session.execute(
                    select(TaskOutage.task_id, TaskOutage.outage_id)
                    .where(TaskOutage.deleted.is_(False))):
                links.setdefault(task_id, []).append(outage_id)
            query = (select(Task, User.name).outerjoin(User, Task.assignee_id == User.id)
                     .where(Task.deleted.is_(False)).order_by(Task.created_at, Task.id))
            if team is not None:
                query = query.where(Task.team == team.value)
            return [TaskRow(
                id=task.id, team=task.team, title=task.title, status=task.status,
                assignee=assignee, due_at=task.due_at, priority=task.priority,
                overdue=bool(task.due_at and not TaskStatus(task.status).is_closed
                             and to_utc(task.due_at) < now),
                outage_ids=tuple(sorted(links.get(task.id, ()))))
                for task, assignee in session.execute(query)]
