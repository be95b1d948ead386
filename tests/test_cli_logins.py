"""A command that authenticates records the log-in, as the window does (issue 12: "new since
your last log-in" counts a shift's command-line work too); reading needs no log-in and writes
nothing; a database that cannot take the record is still used."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.cli import main
from console.domain.errors import ConsoleError
from console.services.accounts import AccountService
from console.services.app import Services
from console.store.database import open_database


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
         *argv: str) -> tuple[int, str]:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    code = main(["--lang", "en", *argv])
    return code, capsys.readouterr().err


def _last_login(db: Path, name: str) -> str | None:
    database = open_database(db)
    try:
        with database.sessions() as session:
            return session.connection().exec_driver_sql(
                "SELECT value FROM local_identity WHERE key = "
                "'last_login:' || (SELECT id FROM app_user WHERE name = ?)", (name,)).scalar()
    finally:
        database.close()


def test_a_command_with_user_records_the_log_in_the_window_then_reads(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    assert _last_login(demo_db, "controller") is None
    before = datetime.now(UTC) - timedelta(seconds=1)
    code, err = _cli(monkeypatch, capsys, *db, "--user", "controller", "incident", "open",
                     "--title", "재발")
    assert code == 0, err
    recorded = _last_login(demo_db, "controller")
    assert recorded is not None
    # The window's next log-in gets the command's as "since" (ui/login.py, the timeline).
    services = Services.open(demo_db)
    try:
        user = next(u for u in services.accounts.users() if u.name == "controller")
        since = services.accounts.record_login(user.id)
    finally:
        services.close()
    assert since is not None and before <= since <= datetime.now(UTC)


def test_reading_and_a_refused_log_in_record_nothing(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    assert _cli(monkeypatch, capsys, *db, "--user", "observer", "timeline", "--json")[0] == 0
    assert _last_login(demo_db, "observer") is None
    monkeypatch.setenv("CONSOLE_PASSWORD", "wrong")
    code = main(["--lang", "en", *db, "--user", "controller", "incident", "open",
                 "--title", "x"])
    assert code == 1 and _last_login(demo_db, "controller") is None


@pytest.mark.parametrize(("code", "runs"), [("database.read_only", True),
                                            ("database.busy", True),
                                            ("database.unreadable", False)])
def test_a_log_in_that_cannot_be_recorded_still_runs_the_command(
        code: str, runs: bool, demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The file taking no record (read-only, busy) costs the marks only; any other failure
    is the command's failure, one line."""
    def unwritable(_self: AccountService, _user_id: str) -> datetime | None:
        raise ConsoleError(code, path=demo_db, seconds=5)

    monkeypatch.setattr(AccountService, "record_login", unwritable)
    status, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "--user", "controller",
                       "incident", "open", "--title", "재발")
    assert (status == 0) is runs, err
    if not runs:
        assert status == 1 and err.count("\n") == 1
