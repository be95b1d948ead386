"""``drill new``: a fresh database file marked as an exercise, made from a scenario.

The file gets the demo's users and inventory (no incident), the drill's own user, the
scenario's text, a paused drill clock at elapsed zero and the drill's incident; it is an
exercise in the file itself (store/exercise.py) from its first transaction on.
"""

from __future__ import annotations

from pathlib import Path

from console.domain.clock import Clock, utc_now
from console.domain.errors import ConsoleError
from console.domain.scenario import Scenario
from console.services.app import Services
from console.services.drill_build import make_drill_file
from console.services.drills import load_named
from console.store.keyfile import KeyStore


def new_drill(out: Path, name: str, wall: Clock = utc_now, keys: KeyStore | None = None
              ) -> Scenario:
    scenario, text = load_named(name)
    out = Path(out)
    if out.exists():
        raise ConsoleError("drill.out_exists", path=out)
    try:
        make_drill_file(Services.opener, out, scenario, text, wall, keys)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    return scenario

