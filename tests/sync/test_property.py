"""The invariant, by Hypothesis: workstations that have seen the same changes show the same
state, whatever order they saw them in, and no change is ever lost.

2–5 real workstations edit through the services with skewed and backward clocks (up to two
days ahead), change statuses and crisis levels apart (concurrent status events: conflicts),
cancel or finish tasks while their titles are edited apart (conflicts too),
exchange bundles partially, duplicated, out of order and ``--for`` a peer, back up and restore,
and sync through a PostgreSQL hub that is dropped and re-created under the same address; at
the end everything is exchanged and every digest, every change log (every change present
everywhere, so without a hole), every conflict list and every verify must agree. (The kill-midway import is in
test_bundles.py: a real subprocess killed with SIGKILL inside the apply transaction.)
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from console.domain.enums import (
    Cause,
    CrisisLevel,
    DisasterArea,
    OutageStatus,
    TaskStatus,
    Team,
)
from console.domain.errors import ConsoleError
from console.services.app import Services
from tests.conftest import FAST_HASHER, FakeClock
from tests.sync.conftest import Station, make_stations

MAX = 5
HEADER = "시스템코드,시스템명,소관부서,설치위치,구분,등급,목표복구시간,대체수단,의존시스템\n"
CSVS = [HEADER + "A-1,통합민원,행정국,서초 데이터센터,대시민,1,4,수기 접수,\n"
        "A-2,지방세,재무국,상암 데이터센터,대시민,2,8,,A-1\n",
        HEADER + "A-1,통합민원 접수,행정국,서초 데이터센터,대시민,2,6,,\n"
        "B-1,전자결재,행정국,상암 데이터센터,내부행정,3,24,,A-1\n"]

_template: dict[str, Path] = {}


def _templates() -> Path:
    """Five initialised workstations that trust each other, built once and copied per example."""
    if "root" not in _template:
        root = Path(tempfile.mkdtemp(prefix="sync-prop-"))
        atexit.register(shutil.rmtree, root, True)  # the templates outlive every example
        for station in make_stations(root, MAX):
            commander = station.login("commander")
            station.app.incidents.open(commander, "정전", DisasterArea.SYSTEM_FAILURE, Cause.POWER)
            station.app.close()
        _template["root"] = root
    return _template["root"]


def _open(count: int, root: Path, skews: list[int]) -> list[Station]:
    stations = []
    for index in range(count):
        target = root / f"ws{index}.sqlite"
        shutil.copyfile(_templates() / f"ws{index}.sqlite", target)
        clock = FakeClock(_start(skews[index]))
        app = Services.open(target, clock=clock, hasher=FAST_HASHER)
        station = Station(f"ws-{index}", app, clock, app.accounts.login("admin", "admin-pass"))
        stations.append(station)
    return stations


def _start(skew_minutes: int):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2025, 9, 27, 12, 0, tzinfo=UTC) + timedelta(minutes=skew_minutes)


def _edit(station: Station, kind: int, pick: int, csv_dir: Path) -> None:
    app = station.app
    commander = station.login("commander")
    try:
        if kind == 0:
            path = csv_dir / f"inv{pick % 2}.csv"
            path.write_text(CSVS[pick % 2], encoding="utf-8")
            app.inventory.import_file(station.admin, path)
        elif kind == 1:
            codes = [s.code for s in app.inventory.systems()]
            if codes:
                app.outages.open(commander, codes[pick % len(codes)])
        elif kind == 2:
            outages = app.outages.list()
            if outages:
                order = list(OutageStatus)
                app.outages.change_status(commander, outages[pick % len(outages)].id,
                                          order[pick % len(order)])
        elif kind == 3:
            app.tasks.add(commander, Team.SYSTEMS, f"task {pick}")
        elif kind == 4:
            tasks = app.tasks.list()
            if tasks:
                app.tasks.edit(commander, tasks[pick % len(tasks)].id, title=f"edited {pick}")
        elif kind == 5:
            tasks = app.tasks.list()
            if tasks:
                order = list(TaskStatus)
                app.tasks.change_status(commander, tasks[pick % len(tasks)].id,
                                        order[pick % len(order)])
        elif kind == 6:
            app.journal.add_decision(commander, f"decision {pick}")
        elif kind == 8:
            levels = list(CrisisLevel)
            app.incidents.change_level(commander, levels[pick % len(levels)], f"level {pick}")
        else:
            app.journal.add_log(commander, Team.SITUATION, f"log {pick}")
    except ConsoleError:
        pass  # refused by a rule (already in that status…): nothing was written


def _changes(station: Station) -> set[tuple[str, int, str]]:
    with station.app.db.sessions() as session:
        return set(session.execute(text("SELECT site_id, seq, entry_hash FROM change_log")))


ops = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.integers(0, MAX - 1), st.integers(0, 8), st.integers(0, 50)),
    st.tuples(st.just("clock"), st.integers(0, MAX - 1), st.integers(-180, 600), st.just(0)),
    # A clock two days ahead, and back (issue 11, item 5): later events must still win.
    st.tuples(st.just("clock"), st.integers(0, MAX - 1), st.sampled_from([2880, -2880]),
              st.just(0)),
    # The hub: a push and pull, and the hub dropped and made again under the same URL
    # (issue 11, item 2); without PostgreSQL both are skipped.
    st.tuples(st.just("hub"), st.integers(0, MAX - 1), st.just(0), st.just(0)),
    st.tuples(st.just("rehub"), st.just(0), st.just(0), st.just(0)),
    st.tuples(st.just("send"), st.integers(0, MAX - 1), st.integers(0, MAX - 1), st.booleans()),
    st.tuples(st.just("replay"), st.integers(0, 30), st.integers(0, MAX - 1), st.just(0)),
    # A backup, and later a restore of it (issue 11): peers hold stale have-vectors of the
    # restored workstation, which may get a new identity that everyone then trusts.
    st.tuples(st.just("backup"), st.integers(0, MAX - 1), st.just(0), st.just(0)),
    st.tuples(st.just("restore"), st.integers(0, MAX - 1), st.just(0), st.just(0)),
), min_size=1, max_size=25)


def _restore(stations: list[Station], index: int, root: Path) -> None:
    station = stations[index]
    backup = root / f"backup-{index}.sqlite"
    if not backup.exists():
        return
    path = station.app.db.path
    station.app.close()
    restored = Services.restore(path, backup, station.admin, clock=station.clock)
    station.app = Services.open(path, clock=station.clock, hasher=FAST_HASHER)
    station.admin = station.app.accounts.login("admin", "admin-pass")
    if restored.new_identity is not None:  # the others trust its new key, as people would
        key = root / f"key-{index}-{len(list(root.glob('key-*')))}.json"
        station.app.sync.export_key(key)
        for other in stations:
            if other is not station:
                other.app.sync.trust_key(other.admin, key)


def _exchange_for_each_peer(stations: list[Station], root: Path, rounds: int) -> None:
    """Everyone sends everyone a ``--for`` bundle, several rounds: with stale have-vectors
    (after a restore) the first round may leave holes, which the next rounds must fill."""
    for number in range(rounds):
        made = []
        for source in stations:
            for target in stations:
                if target is not source:
                    path = root / f"final-{number}-{source.name}-{target.name}.zip"
                    source.app.sync.export_bundle(source.admin, path, target.app.accounts
                                                  .workstation()[0])
                    made.append((target, path))
        for target, path in made:
            target.app.sync.import_bundle(target.admin, path)


def _drop_hub(url: str) -> None:
    """The hub re-created under the same address: its tables gone, made again (with a new
    hub identity) by the next sync."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for table in ("change_log", "hub_push", "hub_identity"):
                connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def hub(request: pytest.FixtureRequest) -> str | None:
    """One hub database for the module's examples (emptied at each example's start), or None
    without PostgreSQL (the hub steps are then skipped, the rest still runs)."""
    import uuid

    try:
        server = request.getfixturevalue("postgres_url")
    except pytest.skip.Exception:
        return None
    from sqlalchemy import create_engine

    from tests.sync.conftest import _with_database

    name = "prop_" + uuid.uuid4().hex[:12]
    engine = create_engine(server)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return _with_database(server, name)


def check_convergence(count: int, skews: list[int], script: list[tuple],
                      hub_url: str | None = None) -> None:
    if hub_url is not None and any(op in ("hub", "rehub") for op, *_ in script):
        _drop_hub(hub_url)  # every example starts with a new hub
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stations = _open(count, root, skews)
        bundles: list[tuple[Path, int]] = []
        try:
            for op, a, b, c in script:
                a %= count
                if op == "edit":
                    _edit(stations[a], b, c, root)
                elif op == "clock":
                    stations[a].clock.advance(minutes=b)
                elif op == "send":
                    path = root / f"b{len(bundles)}.zip"
                    peer = stations[b % count].app.accounts.workstation()[0] if c else None
                    stations[a].app.sync.export_bundle(stations[a].admin, path, peer)
                    bundles.append((path, b % count))
                    stations[b % count].app.sync.import_bundle(stations[b % count].admin, path)
                elif op == "backup":
                    path = root / f"backup-{a}.sqlite"
                    path.unlink(missing_ok=True)
                    stations[a].app.maintenance.backup(stations[a].admin, path)
                elif op == "restore":
                    _restore(stations, a, root)
                elif op == "hub":
                    if hub_url is not None:
                        stations[a].app.sync.hub_sync(stations[a].admin, hub_url)
                elif op == "rehub":
                    if hub_url is not None:
                        _drop_hub(hub_url)
                elif bundles:  # replay an old bundle: duplicated, out of order
                    path, _ = bundles[a % len(bundles)]
                    stations[b % count].app.sync.import_bundle(stations[b % count].admin, path)
            _exchange_for_each_peer(stations, root, rounds=3)
            digests = {s.digest() for s in stations}
            logs = [_changes(s) for s in stations]
            assert len(digests) == 1, "workstations with the same changes differ"
            assert all(log == logs[0] for log in logs), "a change is missing somewhere"
            # With their candidates: a task cancelled apart from an edit of its title lists
            # the edit as one, and every workstation must list the same (issue 11, item 6).
            conflicts = [sorted((c.table, c.record, c.field,
                                 tuple((k.value_json, k.site_id, k.hlc) for k in c.candidates))
                                for c in s.app.sync.conflicts()) for s in stations]
            assert all(c == conflicts[0] for c in conflicts)
            for station in stations:  # verify also reports a hole (a change whose predecessor
                assert station.app.maintenance.verify() == []  # is absent)
        finally:
            for station in stations:
                station.app.close()


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(count=st.integers(2, 4), skews=st.lists(st.integers(-30, 30), min_size=MAX,
                                                max_size=MAX), script=ops)
def test_workstations_converge(hub: str | None, count: int, skews: list[int],
                               script: list[tuple]) -> None:
    check_convergence(count, skews, script, hub)


# 50 examples in every full run (~3 min); the 1,000 (about an hour on two cores) with
# SYNC_PROPERTY_EXAMPLES=1000, outside CI's time budget.
@pytest.mark.slow
@settings(max_examples=int(os.environ.get("SYNC_PROPERTY_EXAMPLES", "50")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(count=st.integers(2, MAX), skews=st.lists(st.integers(-600, 600), min_size=MAX,
                                                  max_size=MAX), script=ops)
def test_workstations_converge_long(hub: str | None, count: int, skews: list[int],
                                    script: list[tuple]) -> None:
    check_convergence(count, skews, script, hub)
