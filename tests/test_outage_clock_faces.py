"""Every face of an outage reads one rule: random histories through the real services.

For random outage histories (relapses, ties in time, back-dated events, alternative means
started and ended, several phases) and random moments, the CLI's list (``outage list``), the
window's table (the SQL the Qt model reads), the board's situation, the report snapshot and
``verify`` agree on status, phase, elapsed hours, failure grade and the alternative-means
counts, and match the written rule (console/domain/outage_clock.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.cli import main as cli_main
from console.domain.enums import Category, CrisisLevel, DisasterArea, OutageStatus, Role, Team
from console.domain.enums import Cause as IncidentCause
from console.domain.errors import ConsoleError
from console.services.app import Services
from console.services.inventory import SystemRow
from console.services.inventory_writer import write_inventory
from tests.conftest import FAST_HASHER, FakeClock

START = datetime(2025, 9, 26, 11, 0, tzinfo=UTC)
CODES = ("SYS-1", "SYS-2", "SYS-3")
STATUSES = [s for s in OutageStatus]

event = st.tuples(st.integers(0, 40 * 60).map(lambda m: m - m % 30),  # ties are common
                  st.sampled_from(STATUSES), st.one_of(st.none(), st.integers(1, 3)))
history = st.lists(event, min_size=0, max_size=6)
histories = st.lists(st.tuples(st.integers(0, 600), history), min_size=1, max_size=3)


class World:
    """One workstation, an inventory, and a fresh incident per example."""

    def __init__(self, root: Path) -> None:
        self.clock = FakeClock(START)
        self.path = root / "ws.sqlite"
        self.services = Services.open(self.path, create=True, clock=self.clock,
                                      hasher=FAST_HASHER)
        admin = self.services.accounts.initialise("상황실-1", "admin", "admin-pass")
        self.services.accounts.add_user(admin, "systems", "pw", role=Role.TEAM_LEAD,
                                        team=Team.SYSTEMS)
        inventory = root / "inv.csv"
        write_inventory(inventory, [SystemRow(
            id="", code=code, name=f"시스템 {code}", department="행정국",
            facility="서초 데이터센터", facility_kind="", grade=grade, rto_hours=rto,
            category=Category.CITIZEN if grade < 3 else Category.INTERNAL, rpo_hours=1,
            alternative_means="수기 접수", depends_on=())
            for code, grade, rto in zip(CODES, (1, 2, 3), (4, 24, 48), strict=True)])
        self.services.inventory.import_file(admin, inventory)
        self.admin = admin
        self.systems = self.services.accounts.login("systems", "pw")

    def close(self) -> None:
        self.services.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = World(tmp_path_factory.mktemp("clock-faces"))
    yield made
    made.close()


def _record(world: World, plans: list[tuple[int, list[tuple[int, OutageStatus, int | None]]]]
            ) -> tuple[str, dict[str, list[tuple[datetime, OutageStatus, int | None]]]]:
    """A new incident with these outages; back-dated events are written in random order."""
    services, clock = world.services, world.clock
    clock.moment = START + timedelta(days=60)  # every planned time lies in the past
    incident = services.incidents.open(
        world.admin, "무작위 장애", DisasterArea.SYSTEM_FAILURE, IncidentCause.OTHER,
        started_at=START, level=CrisisLevel.INTEREST).first_id
    accepted: dict[str, list[tuple[datetime, OutageStatus, int | None]]] = {}
    for code, (detected, events) in zip(CODES, plans, strict=False):
        detected_at = START + timedelta(minutes=detected)
        outage_id = services.outages.open(world.systems, code, at=detected_at,
                                          incident_id=incident).first_id
        accepted[outage_id] = []
        for offset, status, phase in events:
            at = detected_at + timedelta(minutes=offset)
            with contextlib.suppress(ConsoleError):  # a refused change is no change
                services.outages.change_status(world.systems, outage_id, status, at=at,
                                               phase=phase)
                accepted[outage_id].append((at, status, phase))
    return incident, accepted


def _cli_rows(path: Path) -> dict[str, dict[str, object]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["--db", str(path), "outage", "list", "--json"]) == 0
    return {row["id"]: row for row in json.loads(out.getvalue())}


@settings(max_examples=int(os.environ.get("CLOCK_EXAMPLES", "500")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plans=histories, moment_minutes=st.integers(0, 48 * 60))
@pytest.mark.slow
def test_every_face_reads_the_same_clock(world: World, plans: list, moment_minutes: int
                                         ) -> None:
    services = world.services
    incident, _ = _record(world, plans)
    now = world.clock.moment
    moment = START + timedelta(minutes=moment_minutes)

    for as_of in (moment, now):
        listed = {r.id: r for r in services.outages.list(incident, as_of)}
        view = services.situation.view(incident, as_of)
        board = {s.fact.id: s for s in view.situation.outages}
        assert set(board) == {i for i, r in listed.items() if r.detected_at <= as_of}
        for outage_id, state in board.items():
            row = listed[outage_id]
            assert (row.status, row.phase, row.grade, row.alternative_active,
                    row.restored_at) == (state.status.value, state.phase, state.grade,
                                         state.alternative_active, state.restored_at)
            assert row.elapsed_hours == pytest.approx(state.elapsed_hours, abs=1e-9)
            assert row.rto_breach == state.rto_breached
        snapshot = services.reports.snapshot(incident, as_of)
        figures = snapshot["figures"]
        situation = view.situation
        assert figures["alternative_active"] == sum(1 for s in board.values()
                                                    if s.alternative_active)
        assert figures["alternative_total"] == sum(1 for i in board if listed[i].alternative_used)
        assert figures["alternative_peak"] >= figures["alternative_active"]
        assert figures["alternative_total"] >= figures["alternative_peak"]
        assert (figures["affected"], figures["restored"], figures["grade_1_2_down"]) == (
            situation.affected, situation.restored, situation.grade_1_2_down)
        by_code = {s["code"]: s for s in snapshot["systems"]}
        for state in board.values():
            frozen = by_code[state.fact.code]
            assert (frozen["status"], frozen["phase"], frozen["grade"],
                    frozen["alternative_active"]) == (state.status.value, state.phase,
                                                      state.grade, state.alternative_active)
        down = {s["code"]: s for s in snapshot["still_down"]}
        for state in board.values():
            if state.fact.code in down:
                assert down[state.fact.code]["elapsed_hours"] == pytest.approx(
                    round(state.elapsed_hours, 4))

    # The window's table (SQL over the cached columns) shows the present as the list does.
    listed = {r.id: r for r in services.outages.list(incident)}
    table = services.tables.rows("outages", list(listed))
    for outage_id, row in listed.items():
        cell = table[outage_id]
        assert (cell["status"], cell["phase"], cell["grade"], bool(cell["alternative_active"]),
                bool(cell["rto_breach"])) == (row.status, row.phase, row.grade,
                                              row.alternative_active, row.rto_breach)
        assert cell["elapsed_hours"] == pytest.approx(row.elapsed_hours, abs=1e-6)
        assert cell["restored_at"] == row.restored_at
    assert services.maintenance.verify() == []


def test_the_cli_list_is_the_service_list(world: World) -> None:
    """The headless face prints what the service lists (the random test reads the service).
    The CLI runs on the real clock, so the history ends restored: its figures are fixed."""
    incident, _ = _record(world, [(0, [(60, OutageStatus.RESTORED, 1),
                                       (120, OutageStatus.DOWN, 2),
                                       (180, OutageStatus.RESTORED, 2)])])
    rows = _cli_rows(world.path)
    [outage] = world.services.outages.list(incident)
    printed = rows[outage.id]
    assert (printed["status"], printed["phase"], printed["grade"]) == (
        outage.status, outage.phase, outage.grade)
    assert printed["elapsed_hours"] == round(outage.elapsed_hours, 4) == 3.0


def test_the_issue_relapse_reads_alike_everywhere(world: World) -> None:
    """Restored after 1 h, down again after 2 h, read at 30 h; restored again at 29 h."""
    services, clock = world.services, world.clock
    incident, _ = _record(world, [(0, [(60, OutageStatus.RESTORED, 1),
                                       (120, OutageStatus.DOWN, 1)])])
    [outage] = services.outages.list(incident)
    clock.moment = outage.detected_at + timedelta(hours=30)
    [at_30] = services.outages.list(incident)
    board = services.situation.view(incident).situation.outages[0]
    cell = services.tables.rows("outages", [outage.id])[outage.id]
    assert at_30.elapsed_hours == pytest.approx(30.0)
    assert (at_30.grade, cell["grade"], board.grade) == (at_30.grade,) * 3
    assert cell["elapsed_hours"] == pytest.approx(30.0) and board.elapsed_hours == 30.0
    services.outages.change_status(world.systems, outage.id, OutageStatus.RESTORED,
                                   at=outage.detected_at + timedelta(hours=29))
    [restored] = services.outages.list(incident)
    board = services.situation.view(incident).situation.outages[0]
    cell = services.tables.rows("outages", [outage.id])[outage.id]
    # Time down until the latest restoration: 29 h on every face, not the first 1 h.
    assert restored.elapsed_hours == pytest.approx(29.0)
    assert cell["elapsed_hours"] == pytest.approx(29.0) and board.elapsed_hours == 29.0
    assert restored.first_restored_at == outage.detected_at + timedelta(hours=1)
    assert services.maintenance.verify() == []
