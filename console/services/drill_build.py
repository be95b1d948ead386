"""Making a drill file: the demo's users and inventory (no incident), the drill's own user, the
scenario's text, a paused drill clock at elapsed zero and the drill's incident; the file is an
exercise (store/exercise.py) from its first transaction on. ``drill new``
(services/drill_files.py) and the reset (services/drill_reset.py) both make it here.

The services over the new file come from an ``opener`` (Services.open), not an import of
services/app.py, which itself builds the reset service: no import circle.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from console.domain.clock import Clock
from console.domain.drill_clock import ClockState
from console.domain.enums import Role
from console.domain.ids import natural_id
from console.domain.scenario import Scenario
from console.services.accounts import AccountService
from console.services.demo import DEMO_PASSWORD, DEMO_SALT, DemoBuilder
from console.services.drills import (
    CLOCK_KEY,
    DRILL_USER,
    INCIDENT_KEY,
    SCENARIO_KEY,
    DrillService,
    put_setting,
)
from console.services.incidents import IncidentService
from console.store.database import Database
from console.store.exercise import mark_exercise
from console.store.keyfile import KeyStore
from console.store.models import User


class FileServices(Protocol):
    """What making a drill file uses of the services over it (services/app.py's Services)."""

    @property
    def db(self) -> Database: ...
    @property
    def demo(self) -> DemoBuilder: ...
    @property
    def accounts(self) -> AccountService: ...
    @property
    def incidents(self) -> IncidentService: ...
    @property
    def drills(self) -> DrillService: ...
    def close(self) -> None: ...


Opener = Callable[[Path, bool, Clock, KeyStore | None], FileServices]
"""(path, create, wall clock, keys) → the services over that file."""


def make_drill_file(opener: Opener, out: Path, scenario: Scenario, text: str, wall: Clock,
                    keys: KeyStore | None, origin: datetime | None = None,
                    finish: Callable[[FileServices], None] | None = None) -> None:
    """The drill file at ``out`` (which must not exist): ``new_drill`` and the reset
    (services/drill_reset.py) both make it here, so a reset drill is a new drill.

    ``origin``: the drill's moment at elapsed zero (default: the scenario's start, else now);
    ``finish`` runs on the finished file's services (the reset keeps its scoring table)."""
    services = opener(out, True, wall, keys)
    try:
        services.demo.build(workstation_name="drill", records=False)
        now = wall()
        origin = origin or scenario.start or now.replace(second=0, microsecond=0)
        with services.db.transaction() as session:
            mark_exercise(session, now, None)
            put_setting(session, SCENARIO_KEY, text, now, None)
            put_setting(session, CLOCK_KEY, ClockState(origin, timedelta(0)).encode(), now, None)
            hashed = services.accounts.hasher.hash(DEMO_PASSWORD, salt=DEMO_SALT)
            # Inactive: nobody logs in as the injects' voice, so a trainee's record is never
            # mistaken for an inject's (scoring counts every other user's records).
            session.add(User(id=natural_id("user", DRILL_USER), name=DRILL_USER,
                             display_name="훈련 상황부여 (진행자)", role=Role.CONTROLLER.value,
                             team=None, password_hash=hashed, contact="", active=False,
                             created_at=now, updated_at=now, deleted=False))
    finally:
        services.close()
    # Opened again: now an exercise, its services run on the drill clock.
    services = opener(out, False, wall, keys)
    try:
        actor = services.drills.drill_actor()
        data = scenario.incident
        changes = services.incidents.open(actor, f"[훈련] {data.title}", data.area, data.cause,
                                          started_at=services.drills.now(), level=data.level,
                                          location=data.location, summary=scenario.title)
        with services.db.transaction() as session:
            put_setting(session, INCIDENT_KEY, changes.first_id, wall(), actor.user_id)
        if finish is not None:
            finish(services)
    finally:
        services.close()
