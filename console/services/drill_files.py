"""``drill new``: a fresh database file marked as an exercise, made from a scenario.

The file gets the demo's users and inventory (no incident), the drill's own user, the
scenario's text, a paused drill clock at elapsed zero and the drill's incident; it is an
exercise in the file itself (store/exercise.py) from its first transaction on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from console.domain.clock import Clock, utc_now
from console.domain.drill_clock import ClockState
from console.domain.enums import Role
from console.domain.errors import ConsoleError
from console.domain.ids import natural_id
from console.domain.scenario import Scenario
from console.services.app import Services
from console.services.demo import DEMO_PASSWORD, DEMO_SALT
from console.services.drills import (
    CLOCK_KEY,
    DRILL_USER,
    INCIDENT_KEY,
    SCENARIO_KEY,
    load_named,
    put_setting,
)
from console.store.exercise import mark_exercise
from console.store.keyfile import KeyStore
from console.store.models import User


def new_drill(out: Path, name: str, wall: Clock = utc_now, keys: KeyStore | None = None
              ) -> Scenario:
    scenario, text = load_named(name)
    out = Path(out)
    if out.exists():
        raise ConsoleError("drill.out_exists", path=out)
    try:
        make_drill_file(out, scenario, text, wall, keys)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    return scenario


def make_drill_file(out: Path, scenario: Scenario, text: str, wall: Clock,
                    keys: KeyStore | None, origin: datetime | None = None,
                    finish: Callable[[Services], None] | None = None) -> None:
    """The drill file at ``out`` (which must not exist): ``new_drill`` and the reset
    (services/drill_reset.py) both make it here, so a reset drill is a new drill.

    ``origin``: the drill's moment at elapsed zero (default: the scenario's start, else now);
    ``finish`` runs on the finished file's services (the reset keeps its scoring table)."""
    services = Services.open(out, create=True, clock=wall, keys=keys)
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
    services = Services.open(out, clock=wall, keys=keys)
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
