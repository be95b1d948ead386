"""The situation at a moment: the figures the board shows and a report freezes.

Pure computation over plain facts, so the board, the report and the tests agree by
construction. Everything is "as of" a moment: events after it do not exist yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from console.domain.enums import OutageStatus, TaskStatus
from console.domain.grading import GradeTable
from console.domain.outage_clock import (
    ClockEvent,
    OutageReading,
    latest,
    outage_grade,
    read_clock,
    rto_breached,
    transitions,
)


@dataclass(frozen=True)
class OutageFact:
    """What is known of an outage whatever the moment: its system and its events."""

    id: str
    code: str
    name: str
    department: str
    facility: str
    category: str
    importance_grade: int
    scope: str
    grade_override: int | None
    rto_hours: float | None
    alternative_means: str
    detected_at: datetime
    events: tuple[ClockEvent, ...]
    incident_id: str = ""


@dataclass(frozen=True)
class OutageFilter:
    """The outages a board is narrowed to: one department's, one facility's, or both. The
    figures, the curve and the lists of a narrowed board all come from situation_at over the
    outages it keeps, so they agree with each other as the whole board does."""

    department: str | None = None
    facility: str | None = None

    def keeps(self, fact: OutageFact) -> bool:
        return ((self.department is None or fact.department == self.department)
                and (self.facility is None or fact.facility == self.facility))

    @property
    def narrows(self) -> bool:
        return self.department is not None or self.facility is not None


@dataclass(frozen=True)
class TaskFact:
    id: str
    team: str
    title: str
    created_at: datetime
    due_at: datetime | None
    events: tuple[tuple[datetime, str, str, str], ...]
    """(time, id, status, note); the first is the creation."""


@dataclass(frozen=True)
class OutageState:
    """An outage at a moment: its clock reading, failure grade and RTO breach."""

    fact: OutageFact
    reading: OutageReading
    grade: int

    @property
    def status(self) -> OutageStatus:
        return self.reading.status

    @property
    def phase(self) -> int:
        return self.reading.phase

    @property
    def restored_at(self) -> datetime | None:
        return self.reading.restored_at

    @property
    def elapsed_hours(self) -> float:
        return self.reading.elapsed_hours

    @property
    def alternative_active(self) -> bool:
        return self.reading.alternative_active

    @property
    def rto_breached(self) -> bool:
        return rto_breached(self.reading.elapsed_hours, self.fact.rto_hours)


def assess(fact: OutageFact, moment: datetime, rules: GradeTable) -> OutageState:
    """The state of one outage at ``moment``: what every face shows of it."""
    reading = read_clock(fact.detected_at, fact.events, moment)
    grade = outage_grade(rules, fact.importance_grade, fact.category, fact.scope,
                         reading.elapsed_hours, fact.grade_override)
    return OutageState(fact, reading, grade)


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
    alternative_peak: int = 0
    """The most outages on alternative means at one time, up to the moment."""

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
        return sorted(down, key=lambda o: (o.grade, -o.elapsed_hours, o.fact.code))

    @property
    def citizen_down(self) -> int:
        return sum(1 for o in self.still_down if o.fact.category == "citizen")

    @property
    def grade_1_2_down(self) -> int:
        """Outages not restored whose failure grade (장애등급) is 1 or 2."""
        return sum(1 for o in self.still_down if o.grade <= 2)

    @property
    def importance_1_2_down(self) -> int:
        """Outages not restored of systems whose importance grade (중요도 등급) is 1 or 2."""
        return sum(1 for o in self.still_down if o.fact.importance_grade <= 2)

    @property
    def alternative_active(self) -> int:
        """Outages on alternative means at the moment (대체수단 운영 중)."""
        return sum(1 for o in self.outages if o.alternative_active)

    @property
    def alternative_total(self) -> int:
        """Outages that used alternative means at any time up to the moment (누계)."""
        return sum(1 for o in self.outages if o.reading.alternative_used)

    @property
    def rto_breached(self) -> int:
        return sum(1 for o in self.outages if o.rto_breached)

    @property
    def citizen_affected(self) -> int:
        return sum(1 for o in self.outages if o.fact.category == "citizen")

    def figures(self) -> dict[str, int]:
        """The board's counts under the names every face uses (``situation --json``)."""
        return {
            "affected": self.affected, "restored": self.restored,
            "citizen_affected": self.citizen_affected, "citizen_down": self.citizen_down,
            "grade_1_2_down": self.grade_1_2_down,
            "importance_1_2_down": self.importance_1_2_down,
            "alternative_active": self.alternative_active,
            "alternative_total": self.alternative_total,
            "alternative_peak": self.alternative_peak, "rto_breached": self.rto_breached,
        }

    def tally(self, key: str) -> list[Tally]:
        """Affected and restored per department, facility, category, grade or phase."""
        affected: Counter[str] = Counter()
        restored: Counter[str] = Counter()
        for state in self.outages:
            value = str(state.phase if key == "phase" else state.grade if key == "grade"
                        else getattr(state.fact, key))
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


def situation_at(as_of: datetime, outages: list[OutageFact], tasks: list[TaskFact],
                 rules: GradeTable, only: OutageFilter | None = None) -> Situation:
    """The situation at ``as_of``; ``only`` narrows it to some outages (the tasks, which
    belong to teams rather than to a department or a facility, are all kept)."""
    known = [f for f in outages if f.detected_at <= as_of and (only is None or only.keeps(f))]
    states = [assess(f, as_of, rules) for f in known]
    task_states = []
    for task in tasks:
        if task.created_at > as_of:
            continue
        last = latest(e for e in task.events if e[0] <= as_of)
        at, status = (last[0], last[2]) if last else (task.created_at, TaskStatus.OPEN.value)
        task_states.append((task, TaskStatus(status), at))
    situation = Situation(as_of, states, task_states)
    situation.curve, situation.alternative_peak = _curves(known, as_of)
    situation.phase_starts = _phase_starts(known, as_of)
    return situation


def _curves(outages: list[OutageFact], as_of: datetime
            ) -> tuple[list[tuple[datetime, int]], int]:
    """The restored count over time (a step at every restoration and relapse) and the most
    outages on alternative means at once, both from the clock's transitions up to as_of."""
    restored_steps: list[tuple[datetime, int]] = []
    alternative_steps: list[tuple[datetime, int]] = []
    for fact in outages:
        restored = alternative = False
        for at, now_restored, now_alternative in transitions(fact.events, as_of):
            if now_restored != restored:
                restored_steps.append((at, 1 if now_restored else -1))
            if now_alternative != alternative:
                alternative_steps.append((at, 1 if now_alternative else -1))
            restored, alternative = now_restored, now_alternative
    points: list[tuple[datetime, int]] = []
    count = 0
    for at, delta in sorted(restored_steps):
        count += delta
        points.append((at, count))
    peak = running = 0
    for _, delta in sorted(alternative_steps):  # ends (-1) sort before starts at one moment
        running += delta
        peak = max(peak, running)
    return points, peak


def _phase_starts(outages: list[OutageFact], as_of: datetime) -> dict[int, datetime]:
    """When each recovery phase began: the first status change, of any outage, recorded in it
    up to as_of (an outage's opening "down" is the failure, not work in a phase)."""
    starts: dict[int, datetime] = {}
    for fact in outages:
        for event in fact.events:
            opening = event.at == fact.detected_at and event.status == OutageStatus.DOWN.value
            if event.phase is not None and event.at <= as_of and not opening:
                starts[event.phase] = min(starts.get(event.phase, event.at), event.at)
    return starts
