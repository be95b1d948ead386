"""Resetting a drill: the file rebuilt in place from its scenario, atomically, and recorded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import main
from console.domain.enums import Team
from console.domain.errors import ConsoleError, PermissionDenied
from console.services.app import Services
from console.store.exercise import is_exercise
from console.store.models import AuditEvent, LogEntry
from tests.conftest import FakeClock
from tests.drill_helpers import DRILL_WALL_START, as_user, copy_of, make_template

SCORING = Path(__file__).parents[1] / "resources" / "drills" / "scoring.json"


@pytest.fixture(scope="module")
def flood_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("drill-reset"))


@pytest.fixture
def drill(flood_template: Path, tmp_path: Path) -> Iterator[Services]:
    services = Services.open(copy_of(flood_template, tmp_path),
                             clock=FakeClock(DRILL_WALL_START))
    yield services
    services.close()


def _played(drill: Services, tmp_path: Path) -> None:
    """Ten drill minutes of play: injects, a trainee's log entry, a lesson, an own table."""
    controller = as_user(drill, "controller")
    drill.drills.advance(controller, to=timedelta(minutes=10))
    drill.journal.add_log(as_user(drill, "situation"), Team.SITUATION, "호우경보 접수")
    drill.incidents.activate(controller)
    drill.drills.add_lesson(controller, "첫 교훈")
    table = json.loads(SCORING.read_text(encoding="utf-8"))
    table["start"] = 50
    own = tmp_path / "own.json"
    own.write_text(json.dumps(table), encoding="utf-8")
    drill.drill_score.set_table(controller, own)


def test_a_reset_puts_the_drill_back_at_its_start(drill: Services, tmp_path: Path) -> None:
    _played(drill, tmp_path)
    origin = drill.drills.status().moment - timedelta(minutes=10)
    assert drill.outages.list() and drill.drills.lessons()
    controller = as_user(drill, "controller")
    drill.drill_reset.reset(controller)
    status = drill.drills.status()
    assert status.elapsed == timedelta(0) and not status.running and status.applied == 0
    assert status.moment == origin  # the drill's own start, not the moment of the reset
    assert drill.outages.list() == [] and drill.drills.lessons() == []
    with drill.db.sessions() as session:
        assert is_exercise(session)
        assert list(session.scalars(select(LogEntry))) == []
        audit = list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == "drill_reset")))
    assert len(audit) == 1 and audit[0].author_id == controller.user_id
    assert "injects 3/8" in audit[0].detail
    assert drill.drill_score.table().start == 50  # the controller's own table stays
    [incident] = drill.incidents.list()
    assert incident.title.startswith("[훈련] ") and incident.activated_at is None
    # And it plays again, on the same services (the window keeps its own).
    drill.drills.next_inject(controller)
    assert drill.drills.status().applied == 1
    assert drill.maintenance.verify() == []


def test_a_reset_that_fails_leaves_the_drill_as_it_was(drill: Services, tmp_path: Path
                                                       ) -> None:
    _played(drill, tmp_path)
    before = drill.maintenance.digest()
    # The new file cannot be made beside the old one (a folder holds its name).
    Path(f"{drill.db.path}.reset.partial").mkdir()
    with pytest.raises(OSError):
        drill.drill_reset.reset(as_user(drill, "controller"))
    assert drill.maintenance.digest() == before
    assert drill.drills.status().elapsed == timedelta(minutes=10)


def test_a_reset_is_the_controllers_and_only_of_a_drill(drill: Services,
                                                        services: Services) -> None:
    with pytest.raises(PermissionDenied):
        drill.drill_reset.reset(as_user(drill, "systems"))
    with pytest.raises(ConsoleError) as refused:
        services.drill_reset.reset(as_user(services, "controller"))
    assert refused.value.code == "drill.not_exercise"


def test_drill_reset_on_the_command_line(flood_template: Path, tmp_path: Path,
                                         services: Services, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(flood_template, tmp_path)
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    base = ["--db", str(path), "--user", "controller", "--lang", "en", "drill"]
    assert main([*base, "advance", "--to", "10m"]) == 0
    assert main([*base, "reset"]) == 0
    out = capsys.readouterr().out
    assert "back at its start" in out and "injects 0/8" in out
    monkeypatch.setenv("CONSOLE_PASSWORD", "pw-controller")
    real = str(services.db.path)  # a real workstation's database
    assert main(["--db", real, "--user", "controller", "drill", "reset"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "훈련용이 아닙니다" in err[0]
