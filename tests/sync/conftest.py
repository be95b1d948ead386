"""Sync fixtures: several real workstations that trust each other, and a real PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.enums import Category, Role, Team
from console.services.app import Services
from console.services.context import Actor
from console.services.inventory import SystemRow
from console.services.inventory_writer import write_inventory
from tests.conftest import FAST_HASHER, FakeClock

USERS = [("commander", Role.COMMANDER, None), ("systems", Role.TEAM_LEAD, Team.SYSTEMS)]


@dataclass
class Station:
    name: str
    app: Services
    clock: FakeClock
    admin: Actor

    def login(self, name: str) -> Actor:
        return self.app.accounts.login(name, "admin-pass" if name == "admin" else "pw")

    def digest(self) -> str:
        return self.app.maintenance.digest()


def make_stations(root: Path, count: int, start: datetime | None = None) -> list[Station]:
    stations = []
    for index in range(count):
        clock = FakeClock(start or datetime(2025, 9, 27, 9, 0, tzinfo=UTC))
        app = Services.open(root / f"ws{index}.sqlite", create=True, clock=clock,
                            hasher=FAST_HASHER)
        admin = app.accounts.initialise(f"ws-{index}", "admin", "admin-pass")
        for name, role, team in USERS:
            app.accounts.add_user(admin, name, "pw", role, team)
        stations.append(Station(f"ws-{index}", app, clock, admin))
    trust_all(root, stations)
    return stations


def trust_all(root: Path, stations: list[Station]) -> None:
    keys = []
    for station in stations:
        path = root / f"{station.name}.key"
        station.app.sync.export_key(path)
        keys.append(path)
    for station in stations:
        for key in keys:
            station.app.sync.trust_key(station.admin, key)


@pytest.fixture
def stations(tmp_path: Path) -> Iterator[Callable[[int], list[Station]]]:
    made: list[Station] = []

    def _make(count: int) -> list[Station]:
        made.extend(make_stations(tmp_path, count))
        return made[-count:]

    yield _make
    for station in made:
        station.app.close()


def _start_postgres(base: Path) -> tuple[str, Callable[[], None]]:
    try:
        import pgserver

        # "delete": the server's ~250 MB data folder goes with it (a machine running the
        # suite again and again, as CI does, filled its disk with them).
        server = pgserver.get_server(base / "pg", cleanup_mode="delete")
        return server.get_uri(), server.cleanup
    except Exception as error:
        first = error
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not binaries:
        raise RuntimeError(f"no PostgreSQL: pgserver failed ({first}) and none installed")
    bin_dir = binaries[-1]
    data, sockets = base / "pgdata", base / "pgsock"
    sockets.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run([bin_dir / "initdb", "-D", data, "-U", "postgres", "--auth=trust"],
                   check=True, capture_output=True, env=env)
    subprocess.run([bin_dir / "pg_ctl", "-D", data, "-w", "-o",
                    f"-k {sockets} -c listen_addresses=''", "start", "-l", base / "pg.log"],
                   check=True, capture_output=True, env=env)
    return (f"postgresql://postgres@localhost/postgres?host={sockets}",
            lambda: subprocess.run([bin_dir / "pg_ctl", "-D", data, "stop", "-m", "fast"],
                                   capture_output=True, check=False))


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = Path(tempfile_dir(tmp_path_factory))
    try:
        url, stop = _start_postgres(base)
    except Exception as error:
        if os.environ.get("CONSOLE_REQUIRE_ALL") == "1":
            pytest.fail(f"PostgreSQL could not be started and CONSOLE_REQUIRE_ALL=1: {error}")
        pytest.skip(f"PostgreSQL could not be started: {error}")
    yield url
    stop()
    shutil.rmtree(base, ignore_errors=True)


def tempfile_dir(factory: pytest.TempPathFactory) -> Path:
    # Unix socket paths are limited to ~100 bytes: keep the server folder short.
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="pg", dir="/tmp"))
    factory.getbasetemp()
    return path


@pytest.fixture
def hub_url(postgres_url: str) -> str:
    """A fresh hub database per test."""
    import uuid

    from sqlalchemy import create_engine, text

    from console.sync.hub import connect

    name = "hub_" + uuid.uuid4().hex[:12]
    engine = connect(postgres_url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    assert create_engine
    return _with_database(postgres_url, name)


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def copy_db(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def one_system(station: Station, folder: Path) -> None:
    """Station ``station`` imports one grade-1 citizen system, SEO-1."""
    inventory = folder / "inv.csv"
    write_inventory(inventory, [SystemRow(
        id="", code="SEO-1", name="시스템", department="행정국", facility="서초 데이터센터",
        facility_kind="", category=Category.CITIZEN, grade=1, rto_hours=4, rpo_hours=1,
        alternative_means="", depends_on=())])
    station.app.inventory.import_file(station.admin, inventory)
