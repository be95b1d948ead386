"""Three demo workstations, edited apart and brought together in different orders, by bundles
and by the hub, show the same digest and the same conflicts (issue 5, "done when")."""

from __future__ import annotations

import itertools
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.enums import Cause, DisasterArea, OutageStatus, Team
from console.services.app import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.sync.conftest import Station, trust_all


def _three(demo_template: Path, root: Path) -> list[Station]:
    stations = []
    for index in range(3):
        path = root / f"demo{index}.sqlite"
        shutil.copyfile(demo_template, path)
        clock = FakeClock(datetime(2025, 10, 20, 1, index, tzinfo=UTC))
        app = Services.open(path, clock=clock, hasher=FAST_HASHER)
        app.sync.reidentify(None, f"demo-{index}")
        admin = app.accounts.login("admin", "demo")
        stations.append(Station(f"demo-{index}", app, clock, admin))
    trust_all(root, stations)
    return stations


def _edit_apart(stations: list[Station]) -> str:
    a, b, c = stations
    outage = a.app.outages.list()[0].id
    task = a.app.tasks.list()[0].id
    for station, title in zip(stations, ("A title", "B title", "C title"), strict=True):
        lead = station.app.accounts.login("commander", "demo")
        station.app.tasks.edit(lead, task, title=title)  # a three-way conflict
        station.clock.advance(minutes=1)
    # The demo's incident is closed (it takes no log entry or decision): A and C each open one.
    for station in (a, c):
        station.app.incidents.open(station.app.accounts.login("commander", "demo"),
                                   f"{station.name} 재발", DisasterArea.SYSTEM_FAILURE,
                                   Cause.OTHER)
    a.app.journal.add_log(a.app.accounts.login("situation", "demo"), Team.SITUATION, "A log")
    b.app.outages.change_status(b.app.accounts.login("systems", "demo"), outage,
                                OutageStatus.VERIFIED if a.app.outages.list()[0].status ==
                                "restored" else OutageStatus.RESTORED)
    c.app.journal.add_decision(c.app.accounts.login("commander", "demo"), "C decision")
    return task


def _bundle_round(stations: list[Station], order: tuple[int, ...], root: Path, tag: str) -> None:
    paths = {}
    for index in order:
        path = root / f"{tag}-{index}.zip"
        stations[index].app.sync.export_bundle(stations[index].admin, path)
        paths[index] = path
    for target in order:
        for source in reversed(order):
            if source != target:
                stations[target].app.sync.import_bundle(stations[target].admin, paths[source])


def _same(stations: list[Station]) -> None:
    assert len({s.digest() for s in stations}) == 1
    conflicts = [[(c.table, c.record, c.field, tuple(sorted(str(k.value) for k in c.candidates)))
                  for c in s.app.sync.conflicts()] for s in stations]
    assert conflicts[0] and all(c == conflicts[0] for c in conflicts)
    for station in stations:
        assert station.app.maintenance.verify() == []


@pytest.mark.parametrize("order", list(itertools.permutations(range(3)))[:3])
def test_demo_stations_converge_by_bundles(demo_template: Path, tmp_path: Path,
                                           order: tuple[int, ...]) -> None:
    stations = _three(demo_template, tmp_path)
    try:
        task = _edit_apart(stations)
        _bundle_round(stations, order, tmp_path, "r1")
        _bundle_round(stations, order, tmp_path, "r2")
        _same(stations)
        titles = next(c for c in stations[0].app.sync.conflicts() if c.record == task)
        assert {k.value for k in titles.candidates} == {"A title", "B title", "C title"}
        assert {k.workstation for k in titles.candidates} == {"demo-0", "demo-1", "demo-2"}
        # Resolving on one workstation clears it everywhere once shared.
        commander = stations[1].app.accounts.login("commander", "demo")
        stations[1].app.sync.resolve(commander, "task", task, "title", value="agreed")
        _bundle_round(stations, order, tmp_path, "r3")
        assert len({s.digest() for s in stations}) == 1
        assert all(not any(c.record == task and c.field == "title"
                           for c in s.app.sync.conflicts()) for s in stations)
        assert stations[0].app.tasks.list()[0].title == "agreed"
    finally:
        for station in stations:
            station.app.close()


@pytest.mark.hub
def test_demo_stations_converge_by_hub(demo_template: Path, tmp_path: Path,
                                       hub_url: str) -> None:
    stations = _three(demo_template, tmp_path)
    try:
        _edit_apart(stations)
        for index in (2, 0, 1, 2, 0):
            stations[index].app.sync.hub_sync(stations[index].admin, hub_url)
        _same(stations)
    finally:
        for station in stations:
            station.app.close()
