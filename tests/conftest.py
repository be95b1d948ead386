"""Shared fixtures: real SQLite files in temporary folders, built through the services."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Signing keys live in the user's config folder (console/store/keyfile.py): the suite keeps its
# own, so it never writes into the home directory of whoever runs it.
if "CONSOLE_KEY_DIR" not in os.environ:
    _KEY_DIR = tempfile.mkdtemp(prefix="console-test-keys-")
    os.environ["CONSOLE_KEY_DIR"] = _KEY_DIR
    atexit.register(shutil.rmtree, _KEY_DIR, True)

from console.domain.enums import Role, Team
from console.services.app import Services
from console.services.context import Actor
from console.ui.collector import collect_due

# Cheap Argon2 parameters for tests only: the real cost is the library default.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


class FakeClock:
    """A clock the test moves by hand: service calls are stamped with predictable times."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture(autouse=True)
def collect_on_main_thread() -> Iterator[None]:
    """As in the program (console/ui/collector.py): cycles are collected on the main thread
    only, never on a worker that happens to allocate; between tests, as the thresholds say."""
    gc.disable()
    yield
    collect_due()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 9, 27, 9, 0, tzinfo=UTC))


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    """A new workstation database with admin 'admin' and one user per role and team."""
    app = Services.open(tmp_path / "ws.sqlite", create=True, clock=clock, hasher=FAST_HASHER)
    admin = app.accounts.initialise("상황실-1", "admin", "admin-pass")
    for name, role, team in [
        ("commander", Role.COMMANDER, None), ("controller", Role.CONTROLLER, None),
        ("systems", Role.TEAM_LEAD, Team.SYSTEMS), ("press", Role.MEMBER, Team.PRESS),
        ("situation", Role.TEAM_LEAD, Team.SITUATION), ("observer", Role.OBSERVER, None),
    ]:
        app.accounts.add_user(admin, name, "pw-" + name, role, team)
    yield app
    app.close()


@pytest.fixture
def login(services: Services) -> Callable[[str], Actor]:
    def _login(name: str) -> Actor:
        return services.accounts.login(name, "admin-pass" if name == "admin" else "pw-" + name)

    return _login


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    app = Services.open(path, create=True, hasher=FAST_HASHER)
    app.demo.build()
    app.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Services]:
    app = Services.open(demo_db, clock=lambda: datetime(2025, 10, 20, tzinfo=UTC))
    yield app
    app.close()
