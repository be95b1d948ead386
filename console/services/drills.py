"""Drill use cases (훈련): the drill clock and the injects that fall due as it moves.

An exercise database (store/exercise.py) keeps its scenario, its clock and its incident in
setting rows; its services run on a DrillClock (domain/drill_clock.py), so every record is dated
in drill time. An inject's effects are written through the same services a trainee uses (the
outage service opens outages, the journal logs a phone call), by the drill's own user "drill"
(the exercise controller's voice), so the board, tables and reports show them as in a real
incident. Scoring and the after-action report are in services/drill_score.py.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.clock import Clock
from console.domain.drill_clock import ClockState, DrillClock
from console.domain.enums import OutageStatus, Role
from console.domain.errors import ConsoleError, ValidationError
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.domain.scenario import Inject, Scenario, parse_scenario
from console.locate import resource
from console.services.context import Actor, ChangeSet, ServiceBase, local_value
from console.services.incidents import IncidentService
from console.services.journal import JournalService
from console.services.outages import OutageService
from console.store.database import Database
from console.store.exercise import is_exercise
from console.store.models import (
    DrillInject,
    DrillLesson,
    Facility,
    InformationSystem,
    Setting,
    User,
)

SCENARIO_KEY = "drill.scenario"
CLOCK_KEY = "drill.clock"
INCIDENT_KEY = "drill.incident"
DRILL_USER = "drill"
"""The user an inject is written by: the exercise controller speaking for the outside world.
Scoring counts only the other users' records as the trainees' responses."""


def scenario_names() -> list[str]:
    return sorted(path.stem for path in resource("scenarios").glob("*.json"))


def load_named(name: str) -> tuple[Scenario, str]:
    """The shipped scenario ``name`` and its text."""
    path = resource("scenarios", f"{name}.json")
    if name not in scenario_names():
        raise ValidationError("drill.unknown_scenario", name=name,
                              names=", ".join(scenario_names()))
    text = path.read_text(encoding="utf-8")
    return parse_scenario(text, path.name), text


def setting(session: Session, key: str) -> str | None:
    return session.scalars(select(Setting.value).where(Setting.key == key,
                                                       Setting.deleted.is_(False))).first()


def put_setting(session: Session, key: str, value: str, at: datetime, by: str | None) -> None:
    row = session.scalars(select(Setting).where(Setting.key == key)).first()
    if row is None:
        session.add(Setting(id=natural_id("setting", key), key=key, value=value, created_at=at,
                            updated_at=at, created_by=by, updated_by=by, deleted=False))
    else:
        row.value, row.updated_at, row.updated_by = value, at, by


def drill_clock_for(db: Database, wall: Clock) -> DrillClock | None:
    """The drill clock of an exercise database (None for a real one): Services.over runs every
    service on it."""
    with db.sessions() as session:
        if not is_exercise(session):
            return None
        stored = setting(session, CLOCK_KEY)
    if stored is None:
        return None
    return DrillClock(ClockState.decode(stored), wall)


@dataclass(frozen=True)
class DrillStatus:
    scenario: Scenario
    incident_id: str | None
    elapsed: timedelta
    moment: datetime
    running: bool
    speed: int
    applied: int
    next_inject: Inject | None
    latest: list[DrillInject]
    """The injects applied so far, newest first (the window's banner shows the first)."""


class DrillService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, incidents: IncidentService,
                 outages: OutageService, journal: JournalService) -> None:
        super().__init__(db, clock)
        self.incidents, self.outages, self.journal = incidents, outages, journal
        self._scenario: Scenario | None = None
        self._lock = threading.RLock()
        """One clock change or inject at a time: the window's timer and its buttons run on
        two worker threads, and each change starts from the state the last one left."""

    @property
    def lock(self) -> threading.RLock:
        """Held by a reset (services/drill_reset.py): no inject lands while the file is swapped."""
        return self._lock

    # -- what the drill is ------------------------------------------------------------------
    def is_exercise(self) -> bool:
        with self.db.sessions() as session:
            return is_exercise(session)

    def _drill_clock(self) -> DrillClock:
        if not isinstance(self.clock, DrillClock):
            raise ConsoleError("drill.not_exercise")
        return self.clock

    def scenario(self) -> Scenario:
        if self._scenario is None:
            with self.db.sessions() as session:
                text = setting(session, SCENARIO_KEY) if is_exercise(session) else None
            if text is None:
                raise ConsoleError("drill.not_exercise")
            self._scenario = parse_scenario(text, "drill.scenario")
        return self._scenario

    def incident_id(self) -> str | None:
        with self.db.sessions() as session:
            return setting(session, INCIDENT_KEY)

    def drill_actor(self) -> Actor:
        with self.db.sessions() as session:
            user = session.scalars(select(User).where(User.name == DRILL_USER)).one()
            station = local_value(session, "workstation_id")
            return Actor(user.id, user.name, Role(user.role), None, station)

    def status(self) -> DrillStatus:
        clock = self._drill_clock()
        scenario = self.scenario()
        applied = self.applied()
        done = {row.number for row in applied}
        upcoming = next((i for i in scenario.injects if i.number not in done), None)
        state = clock.state
        return DrillStatus(scenario, self.incident_id(), clock.elapsed(), clock(), state.running,
                           state.speed, len(done), upcoming,
                           sorted(applied, key=lambda r: r.number, reverse=True))

    def elapsed(self) -> timedelta:
        return self._drill_clock().elapsed()

    def applied(self) -> list[DrillInject]:
        with self.db.sessions() as session:
            rows = list(session.scalars(select(DrillInject).order_by(DrillInject.number)))
            session.expunge_all()
            return rows

    # -- the clock ----------------------------------------------------------------------------
    def start(self, actor: Actor) -> ChangeSet:
        actor.require(Action.RUN_DRILL)
        with self._lock:
            clock = self._drill_clock()
            changes = self._save(actor, clock.state.started(clock.wall()))
            return self._merge(changes, self.tick())

    def pause(self, actor: Actor) -> ChangeSet:
        actor.require(Action.RUN_DRILL)
        with self._lock:
            clock = self._drill_clock()
            changes = self.tick()
            return self._merge(changes, self._save(actor, clock.state.paused(clock.wall())))

    def set_speed(self, actor: Actor, speed: int) -> ChangeSet:
        actor.require(Action.RUN_DRILL)
        with self._lock:
            clock = self._drill_clock()
            changes = self.tick()
            return self._merge(changes, self._save(actor, clock.state.at_speed(speed,
                                                                               clock.wall())))

    def advance(self, actor: Actor, by: timedelta | None = None, to: timedelta | None = None
                ) -> ChangeSet:
        """Move the clock by ``by`` or to elapsed ``to``; the injects falling due are applied
        in order, each dated at its own elapsed time."""
        actor.require(Action.RUN_DRILL)
        with self._lock:
            clock = self._drill_clock()
            target = to if to is not None else clock.elapsed() + (by or timedelta(0))
            moved = clock.state.moved_to(target, clock.wall())  # refuses going back
            changes = self._apply_due(target)
            return self._merge(changes, self._save(actor, moved))

    def next_inject(self, actor: Actor) -> ChangeSet:
        """Jump to the next inject and apply it."""
        upcoming = self.status().next_inject
        if upcoming is None:
            raise ValidationError("drill.no_more_injects")
        clock = self._drill_clock()
        return self.advance(actor, to=max(upcoming.at, clock.elapsed()))

    def tick(self) -> ChangeSet:
        """Apply the injects due at the clock's present elapsed time: the open window calls
        this on its timer. It needs no permission: only the controller moves the clock, and the
        injects are the scenario's, written by the drill's own user."""
        return self._apply_due(self._drill_clock().elapsed())

    def catch_up(self) -> ChangeSet:
        """The injects a running drill clock has passed since anyone looked: a command is not
        a timer, so the command line applies them whenever it opens a database (nothing on a
        real database or a paused clock; the window's timer ticks on its own)."""
        if not isinstance(self.clock, DrillClock) or not self.clock.state.running:
            return ChangeSet()
        return self.tick()

    # -- lessons ------------------------------------------------------------------------------
    def add_lesson(self, actor: Actor, text: str) -> ChangeSet:
        actor.require(Action.RUN_DRILL)
        if not text.strip():
            raise ValidationError("drill.empty_lesson")
        incident = self.incident_id()
        changes = ChangeSet()
        with self.db.transaction() as session:
            lesson = self.new_record(DrillLesson(incident_id=incident, at=self.now(),
                                                 text=text.strip()), actor, self.now())
            session.add(lesson)
            changes.note("drill_lesson", lesson.id)
        return changes

    def lessons(self) -> list[DrillLesson]:
        with self.db.sessions() as session:
            rows = list(session.scalars(select(DrillLesson).order_by(DrillLesson.at)))
            session.expunge_all()
            return rows

    # -- inside -------------------------------------------------------------------------------
    def _save(self, actor: Actor | None, state: ClockState) -> ChangeSet:
        clock = self._drill_clock()
        with self.db.transaction() as session:
            put_setting(session, CLOCK_KEY, state.encode(), clock.wall(),
                        actor.user_id if actor else None)
        clock.state = state
        changes = ChangeSet()
        changes.note("setting", CLOCK_KEY)
        return changes

    def _apply_due(self, upto: timedelta) -> ChangeSet:
        with self._lock:  # the timer and a button may both find an inject due
            return self._apply_due_now(upto)

    def _apply_due_now(self, upto: timedelta) -> ChangeSet:
        clock = self._drill_clock()
        done = {row.number for row in self.applied()}
        due = [i for i in self.scenario().injects if i.at <= upto and i.number not in done]
        changes = ChangeSet()
        if not due:
            return changes
        actor = self.drill_actor()
        for inject in due:
            # Each inject's records are dated at its own moment, not at the target.
            with clock.held_at(clock.state.origin + inject.at):
                self._merge(changes, self._apply(actor, inject))
        return changes

    def _apply(self, actor: Actor, inject: Inject) -> ChangeSet:
        incident = self.incident_id()
        changes = ChangeSet()
        label = f"[훈련 상황부여 {inject.number}] {inject.text}"
        self._merge(changes, self.journal.add_log(actor, inject.team, label, significant=True,
                                                  incident_id=incident))
        effects = inject.effects
        if effects.systems_down:
            self._merge(changes, self.outages.open_many(
                actor, self._system_ids(effects.systems_down), None, inject.text, incident))
        if effects.facility_down:
            self._merge(changes, self.outages.open_many(
                actor, self._facility_systems(effects.facility_down), None, inject.text,
                incident))
        if effects.status is not None:
            for code in effects.status_systems:
                self._change_status(actor, code, effects.status, inject.text, changes)
        if effects.call is not None:
            team, text = effects.call
            self._merge(changes, self.journal.add_log(actor, team, f"[전화 접수] {text}",
                                                      incident_id=incident))
        with self.db.transaction() as session:
            row = self.new_record(DrillInject(incident_id=incident, number=inject.number,
                                              at=self.now(), team=inject.team.value,
                                              text=inject.text), actor, self.now())
            session.add(row)
            changes.note("drill_inject", row.id)
        return changes

    def _change_status(self, actor: Actor, code: str, status: OutageStatus, note: str,
                       changes: ChangeSet) -> None:
        try:
            self._merge(changes, self.outages.change_status(actor, code, status, note=note))
        except ConsoleError as error:
            # The trainees may have recorded it first: their record stands.
            if error.code not in ("outage.already_status", "outage.verify_unrestored",
                                  "outage.unknown"):
                raise

    def _system_ids(self, codes: tuple[str, ...]) -> list[str]:
        with self.db.sessions() as session:
            found = dict(session.execute(select(InformationSystem.code, InformationSystem.id)
                                         .where(InformationSystem.code.in_(codes))).all())
        missing = [c for c in codes if c not in found]
        if missing:
            raise ValidationError("scenario.unknown_system", code=missing[0])
        return [found[c] for c in codes]

    def _facility_systems(self, name: str) -> list[str]:
        with self.db.sessions() as session:
            facility = session.scalars(select(Facility.id).where(Facility.name == name)).first()
            if facility is None:
                raise ValidationError("scenario.unknown_facility", name=name)
            return list(session.scalars(select(InformationSystem.id).where(
                InformationSystem.facility_id == facility,
                InformationSystem.deleted.is_(False)).order_by(InformationSystem.code)))

    @staticmethod
    def _merge(into: ChangeSet, more: ChangeSet) -> ChangeSet:
        into.tables |= more.tables
        into.ids.extend(more.ids)
        return into

