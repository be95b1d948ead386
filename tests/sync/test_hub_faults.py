"""A hub that cannot take a sync says why in one coded line, and nothing changes on either
side (issue 10, item 5): a read-only hub, an account without the rights, a server shutting
down, a hub database that does not store UTF-8. Against the real server of the suite."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import ConsoleError
from console.sync import hub
from tests.sync.conftest import _with_database

pytestmark = pytest.mark.hub


def _admin(url: str):  # type: ignore[no-untyped-def]
    return hub.connect(url).connect().execution_options(isolation_level="AUTOCOMMIT")


def _refused(station, url: str) -> ConsoleError:  # type: ignore[no-untyped-def]
    before = station.digest()
    with pytest.raises(ConsoleError) as refused:
        station.app.sync.hub_sync(station.admin, url)
    assert station.digest() == before
    assert "\n" not in refused.value.render("ko") and "\n" not in refused.value.render("en")
    return refused.value


def test_a_read_only_hub_is_one_line(stations, hub_url: str) -> None:
    a, b = stations(2)
    a.app.sync.hub_sync(a.admin, hub_url)
    name = urlsplit(hub_url).path.lstrip("/")
    with _admin(hub_url) as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    assert _refused(b, hub_url).code == "hub.read_only"


def test_an_account_without_rights_is_one_line(stations, hub_url: str) -> None:
    a, b = stations(2)
    a.app.sync.hub_sync(a.admin, hub_url)  # the hub's tables belong to another account
    role = "visitor_" + uuid.uuid4().hex[:8]
    with _admin(hub_url) as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    as_visitor = hub_url.replace("postgres:@", f"{role}@").replace("postgres@", f"{role}@")
    assert role in as_visitor
    refusal = _refused(b, as_visitor)
    assert refusal.code == "hub.no_permission", refusal.render("en")


def test_a_hub_database_that_is_not_utf8_is_refused(stations, postgres_url: str) -> None:
    (a,) = stations(1)
    name = "hub_ascii_" + uuid.uuid4().hex[:8]
    with _admin(postgres_url) as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' "
                                "LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"))
    refusal = _refused(a, _with_database(postgres_url, name))
    assert refusal.code == "hub.encoding" and "SQL_ASCII" in refusal.render("en")


def test_a_server_shutting_down_is_one_line(hub_url: str) -> None:
    """The server ends the session (what a shutdown or an administrator does): the error the
    driver raises is told as the hub shutting down."""
    engine = hub.connect(hub_url)
    try:
        with pytest.raises(hub.HubError) as cut, engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            connection.execute(text("SELECT 1"))
        refusal = hub.refusal(cut.value, hub_url)
        assert refusal.code == "hub.shutting_down", refusal.render("en")
    finally:
        engine.dispose()


def _holder(url: str) -> int | None:
    engine = hub.connect(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT min(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND pid <> pg_backend_pid()")).scalar()
    finally:
        engine.dispose()


def _wait_for_push(url: str) -> int:
    """The pid of a push holding the hub's lock for over a second (not schema set-up's blink)."""
    seen: dict[int, float] = {}
    for _ in range(600):
        pid = _holder(url)
        if pid is not None:
            seen.setdefault(pid, time.monotonic())
            if time.monotonic() - seen[pid] > 1.0:
                return pid
        time.sleep(0.1)
    raise AssertionError("no push took the hub's lock")


def _wait_until_free(url: str) -> None:
    for _ in range(600):
        if _holder(url) is None:
            return
        time.sleep(0.1)
    raise AssertionError("the killed client's lock was never released")


def test_three_workstations_converge_after_a_killed_client_and_a_server_cut(
        stations, hub_url: str) -> None:
    a, b, c = stations(3)
    for station, words in ((a, "from a"), (b, "from b"), (c, "from c")):
        commander = station.login("commander")
        station.app.incidents.open(commander, f"fire {words}", DisasterArea.SYSTEM_FAILURE,
                                   Cause.FIRE)
        station.app.journal.add_log(commander, Team.SITUATION, words)
    c.app.sync.hub_sync(c.admin, hub_url)

    # a: killed with SIGKILL while its push transaction is open on the hub.
    code = ("import sys; from pathlib import Path; from console.services.app import Services; "
            "from tests.conftest import FAST_HASHER; "
            "app = Services.open(Path(sys.argv[1]), hasher=FAST_HASHER); "
            "who = app.accounts.login('admin', 'admin-pass'); "
            "app.sync.hub_sync(who, sys.argv[2])")
    env = {**os.environ, hub.TEST_PUSH_SLEEP_ENV: "30"}
    root = Path(__file__).parents[2]
    killed = subprocess.Popen([sys.executable, "-c", code, str(a.app.db.path), hub_url],
                              cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    _wait_for_push(hub_url)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    _wait_until_free(hub_url)  # the server ended the dead client's transaction

    # b: the server ends its session mid-push (what a shutdown does to it).
    cut = subprocess.Popen([sys.executable, "-m", "console", "--lang", "en", "--db",
                            str(b.app.db.path), "--user", "admin", "sync", "hub", "--url",
                            hub_url], cwd=root, env={**env, "CONSOLE_PASSWORD": "admin-pass"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pid = _wait_for_push(hub_url)
    with _admin(hub_url) as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    _, err = cut.communicate(timeout=60)
    assert cut.returncode == 1 and err.count("\n") == 1 and "shutting down" in err, err

    for _ in range(2):
        for station in (a, b, c):
            assert station.app.sync.hub_sync(station.admin, hub_url).refused == {}
    assert a.digest() == b.digest() == c.digest()
    for station in (a, b, c):
        assert station.app.maintenance.verify() == []
    engine = hub.connect(hub_url)
    with engine.connect() as connection:
        texts = {t for (t,) in connection.execute(text(
            "SELECT value FROM change_log WHERE tbl = 'log_entry'"))}
    engine.dispose()
    assert all(any(words in t for t in texts) for words in ("from a", "from b", "from c"))
