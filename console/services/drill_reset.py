"""Resetting a drill (훈련 초기화): the drill file rebuilt in place from the scenario it was made
from, its clock back at +00:00 and paused.

The records of a database are append-only and, for a real incident, shared with the other
workstations, so a reset never deletes rows: it makes a new drill file next to the old one, as
``drill new`` does (services/drill_build.py), with the drill's moment at elapsed zero, the
scenario's text and the controller's own scoring table carried over, verifies it, and copies it
over the old one with SQLite's backup API in one step, as a restore does (store/backup.py): a
failure before the copy leaves the drill as it was, and the copy itself is one transaction. A
drill never syncs (store/exercise.py), so no peer ever held its records. The reset itself is
the new file's first audit line.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from pathlib import Path

from console.domain.clock import Clock
from console.domain.drill_clock import ClockState, DrillClock, format_duration
from console.domain.errors import ConsoleError, VerificationFailed
from console.domain.permissions import Action
from console.domain.scenario import parse_scenario
from console.services.context import Actor, ChangeSet, ServiceBase
from console.services.drill_build import FileServices, Opener, make_drill_file
from console.services.drill_score import TABLE_KEY
from console.services.drills import (
    CLOCK_KEY,
    INCIDENT_KEY,
    SCENARIO_KEY,
    DrillService,
    put_setting,
    setting,
)
from console.store.backup import file_findings
from console.store.database import Database
from console.store.keyfile import KeyStore
from console.store.models import Base

RESET_ACTION = "drill_reset"


class DrillReset(ServiceBase):
    def __init__(self, db: Database, clock: Clock, drills: DrillService, opener: Opener,
                 keys: KeyStore | None = None) -> None:
        super().__init__(db, clock)
        self.drills, self.opener, self.keys = drills, opener, keys

    def reset(self, actor: Actor) -> ChangeSet:
        """Put the drill back to its start; every page then reads the new file."""
        actor.require(Action.RUN_DRILL)
        status = self.drills.status()  # refuses a database that is not an exercise
        clock = self.clock
        assert isinstance(clock, DrillClock)  # an exercise runs on its drill clock
        with self.drills.lock, self.db.sessions() as session:
            text = setting(session, SCENARIO_KEY)
            table = setting(session, TABLE_KEY)
            if text is None:
                raise ConsoleError("drill.not_exercise")
            scenario = parse_scenario(text, "drill.scenario")
            path = Path(self.db.path)
            partial = path.with_name(path.name + ".reset.partial")
            detail = (f"elapsed {format_duration(status.elapsed)}, injects {status.applied}/"
                      f"{len(scenario.injects)}")

            def finish(services: FileServices) -> None:
                station = services.accounts.workstation()[0]
                # The new file has a workstation of its own; the controller is the same user.
                who = replace(actor, workstation_id=station)
                with services.db.transaction() as new:
                    if table is not None:
                        put_setting(new, TABLE_KEY, table, clock.wall(), actor.user_id)
                    services.drills.audit(new, who, RESET_ACTION,
                                          setting(new, INCIDENT_KEY) or "", detail)

            _remove(partial)
            try:
                make_drill_file(self.opener, partial, scenario, text, clock.wall, self.keys,
                                origin=clock.state.origin, finish=finish)
                findings = file_findings(partial)
                if findings:
                    raise VerificationFailed("drill.reset_failed", finding=findings[0])
                _copy_over(partial, path)
            finally:
                _remove(partial)
        return self._reopened(clock)

    def _reopened(self, clock: DrillClock) -> ChangeSet:
        """The services' own memory of the old file: its workstation and its clock."""
        if self.db.capture is not None:
            self.db.capture.forget_site()
        with self.db.sessions() as session:
            stored = setting(session, CLOCK_KEY)
            incident = setting(session, INCIDENT_KEY)
        assert stored is not None
        clock.state = ClockState.decode(stored)
        changes = ChangeSet(tables=set(Base.metadata.tables))  # every page reads again
        if incident:
            changes.ids.append(incident)
        return changes


def _remove(partial: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _copy_over(source: Path, target: Path) -> None:
    """Every page of ``source`` into ``target`` in one step: one write transaction on the
    target, which the other connections then read as any other change."""
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=15)) as src, \
                contextlib.closing(sqlite3.connect(target, timeout=15)) as dst:
            dst.execute("PRAGMA busy_timeout=15000")
            src.backup(dst)
    except sqlite3.Error as error:
        raise ConsoleError("drill.reset_failed", finding=str(error)) from None
