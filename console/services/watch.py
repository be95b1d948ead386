"""The tables each of the window's reads depends on, named through the store's model classes.

The window re-reads a view when the change bus names a table that view is computed from
(the tables of a service call's ChangeSet, of an imported bundle, of a hub pull). Spelled as
strings, a wrong name passed silently: the board watched "grade_rule", a table that does not
exist, so a grading-rule change arriving by sync never redrew it. Here every name is a
model's ``__tablename__``: a renamed or removed model fails at import, and
tests/ui/test_watched_tables.py checks every set the window watches against the schema.

The ui takes these sets from here, not the model classes from ``console.store``: it reads
and writes only through services.
"""

from __future__ import annotations

from console.store.models import (
    Base,
    CrisisLevelChange,
    Decision,
    Department,
    Facility,
    FailureGradeRule,
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
    SituationReport,
    SystemDependency,
    Task,
    TaskEvent,
    TaskOutage,
    User,
    Workstation,
)

ANY_TABLE = "*"
"""Not a table: a change announcement naming it means "anything may have changed"."""


def tables(*models: type[Base]) -> frozenset[str]:
    """The table names of these model classes."""
    return frozenset(model.__tablename__ for model in models)


INCIDENT = tables(Incident, CrisisLevelChange, IncidentEvent)
"""The incident and its crisis level (what opening, activating or closing one changes)."""

SITUATION = INCIDENT | tables(
    Outage, OutageEvent, Task, TaskEvent, Decision, LogEntry, LogVerification, SituationReport,
    InformationSystem, Department, Facility, FailureGradeRule, OutageEstimate, SystemDependency,
    PublicNotice, PublicNoticeVersion, PublicNoticeEvent)
"""What the situation view (the board) and its forecast are computed from: any of them can
move a figure."""

INVENTORY = tables(InformationSystem, Department, Facility, SystemDependency)
"""The inventory: what an import of systems writes."""

SYSTEMS = INVENTORY | tables(Outage)
"""The systems list: the inventory and each system's current outage."""

OUTAGES = tables(Outage, OutageEvent, Incident, InformationSystem, FailureGradeRule, Task,
                 OutageEstimate)
"""The outage list: outages, their events and grades, their systems and linked tasks."""

TASKS = tables(Task, TaskEvent, TaskOutage, Outage, User, Incident)
"""The task list: tasks, their events, linked outages and assignees."""

TASK_LINKS = tables(TaskOutage)
"""A task's links to outages."""

DECISIONS = tables(Decision, Incident)
LOG = tables(LogEntry, LogVerification, Incident)
REPORTS = tables(SituationReport)
NOTICES = tables(PublicNotice, PublicNoticeVersion, PublicNoticeEvent)
"""Public notices: the notice, its wordings and its life."""
WORKSTATIONS = tables(Workstation)
"""This database's workstations (the status bar names this one)."""
