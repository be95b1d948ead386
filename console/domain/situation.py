"""The situation at a moment: the figures the board shows and a report freezes.

Pure computation over plain facts, so the board, the report and the tests agree by
construction. Everything is "as of" a moment: events after it do not exist yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from console.domain.enums import OutageStatus, TaskStatus

FIRST_REPORT_WITHIN = timedelta(minutes=30)


@dataclass(frozen=True)
class OutageFact:
    id: str
    code: str
    name: str
    department: str
    facility: str
    category: str
    importance_grade: int
    grade: int
    rto_hours: float | None
    alternative_means: str
    alternative_active: bool
    detected_at: datetime
    events: tuple[tuple[datetime, str, int | None], ...]
    """(time, status, phase), in time order."""


@dataclass(frozen=True)
class TaskFact:
    id: str
    team: str
    title: str
    created_at: datetime
    due_at: datetime | None
    events: tuple[tuple[datetime, str, str], ...]
    """(time, status, note), in time order; the first is the creation."""


@dataclass(frozen=True)
class OutageState:
    fact: OutageFact
    status: OutageStatus
    phase: int | None
    restored_at: datetime | None
    elapsed_hours: float


@dataclass(frozen=True)
class Tally:
    key: str
    affected: int
    restored: int


@dataclass
class Situation:
    as_of: datetime
    outages: list[OutageState]
    tasks: list[tuple[TaskFact, TaskStatus, datetime]]
    curve: list[tuple[datetime, int]] = field(default_factory=list)
    phase_starts: dict[int, datetime] = field(default_factory=dict)

    @property
    def affected(self) -> int:
        return len(self.outages)

    @property
    def restored(self) -> int:
        return sum(1 for o in self.outages if o.status.is_restored)

    @property
    def restored_percent(self) -> float:
        return 100.0 * self.restored / self.affected if self.affected else 0.0

    @property
    def still_down(self) -> list[OutageState]:
        down = [o for o in self.outages if not o.status.is_restored]
        return sorted(down, key=lambda o: (o.fact.grade, -o.elapsed_hours, o.fact.code))

    @property
    def citizen_down(self) -> int:
        return sum(1 for o in self.still_down if o.fact.category == "citizen")

    @property
    def grade_1_2_down(self) -> int:
        return sum(1 for o in self.still_down if o.fact.grade <= 2)

    @property
    def alternative_active(self) -> int:
        return sum(1 for o in self.outages if o.fact.alternative_active)

    @property
    def citizen_affected(self) -> int:
        return sum(1 for o in self.outages if o.fact.category == "citizen")

    def tally(self, key: str) -> list[Tally]:
        """Affected and restored per department, facility, category, grade or phase."""
        affected: Counter[str] = Counter()
        restored: Counter[str] = Counter()
        for state in self.outages:
            value = str(state.phase if key == "phase" else getattr(state.fact, key))
            if key == "phase" and not state.status.is_restored:
                value = "-"
            affected[value] += 1
            restored[value] += state.status.is_restored
        order = sorted(affected, key=lambda k: (-affected[k], k)) if key in (
            "department", "facility") else sorted(affected)
        return [Tally(k, affected[k], restored[k]) for k in order]

    def tasks_by_team(self) -> dict[str, Counter[str]]:
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for task, status, _ in self.tasks:
            table[task.team][status.value] += 1
        return dict(table)


def _state_at(fact: OutageFact, as_of: datetime) -> OutageState:
    status, phase, restored_at = OutageStatus.DOWN, None, None
    for at, event_status, event_phase in fact.events:
        if at > as_of:
            break
        status = OutageStatus(event_status)
        phase = event_phase if event_phase is not None else phase
        # A relapse (restored, then down again) starts the clock afresh.
        restored_at = (restored_at or at) if status.is_restored else None
    end = restored_at if status.is_restored and restored_at else as_of
    hours = max(0.0, (end - fact.detected_at).total_seconds() / 3600)
    return OutageState(fact, status, phase, restored_at if status.is_restored else None, hours)


def situation_at(as_of: datetime, outages: list[OutageFact], tasks: list[TaskFact]
                 ) -> Situation:
    states = [_state_at(f, as_of) for f in outages if f.detected_at <= as_of]
    task_states = []
    for task in tasks:
        if task.created_at > as_of:
            continue
        seen = [(at, status) for at, status, _ in task.events if at <= as_of]
        at, status = seen[-1] if seen else (task.created_at, TaskStatus.OPEN.value)
        task_states.append((task, TaskStatus(status), at))
    situation = Situation(as_of, states, task_states)
    situation.curve, situation.phase_starts = _curve(outages, as_of)
    return situation


def _curve(outages: list[OutageFact], as_of: datetime
           ) -> tuple[list[tuple[datetime, int]], dict[int, datetime]]:
    """Restored count over time, stepping at every restoration (and relapse) up to as_of."""
    steps: list[tuple[datetime, int]] = []
    phase_starts: dict[int, datetime] = {}
    for fact in outages:
        was_restored = False
        for at, status, phase in fact.events:
            if at > as_of:
                break
            now_restored = OutageStatus(status).is_restored
            if now_restored != was_restored:
                steps.append((at, 1 if now_restored else -1))
                was_restored = now_restored
                if now_restored and phase is not None:
                    phase_starts[phase] = min(phase_starts.get(phase, at), at)
    steps.sort()
    points: list[tuple[datetime, int]] = []
    count = 0
    for at, delta in steps:
        count += delta
        points.append((at, count))
    return points, phase_starts


def next_report_due(activated_at: datetime | None, last_issued: datetime | None,
                    interval: timedelta) -> datetime | None:
    """The first report within 30 minutes of activation, then one per interval."""
    if activated_at is None:
        return None
    if last_issued is None:
        return activated_at + FIRST_REPORT_WITHIN
    return last_issued + interval
