"""Databases the program must not touch: each is one coded refusal line, exit 1, and the file
as it was (issue 10, item 5)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from console.cli import main


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
         *argv: str) -> tuple[int, str]:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    code = main(["--lang", "en", *argv])
    return code, capsys.readouterr().err


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _new_incident(db: Path) -> None:
    """The demo's incident is closed and takes no log entry: a new one takes the writes."""
    from console.domain.enums import Cause, DisasterArea
    from console.services.app import Services

    app = Services.open(db)
    try:
        app.incidents.open(app.accounts.login("controller", "demo"), "재발",
                           DisasterArea.SYSTEM_FAILURE, Cause.OTHER)
    finally:
        app.close()


def test_database_from_a_newer_program_is_refused_untouched(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(demo_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f0f0newer'")
    connection.close()
    before = _state(demo_db.parent)
    for argv in (["outage", "list"], ["--user", "controller", "log", "add", "--team",
                                      "situation", "--text", "x"]):
        code, err = _cli(monkeypatch, capsys, "--db", str(demo_db), *argv)
        assert code == 1, err
        assert err.count("\n") == 1, err
        assert "was made by a newer version of this program (schema f0f0newer): " \
               "upgrade the program" in err, err
    assert _state(demo_db.parent) == before  # no upgrade backup either


def test_empty_file_is_not_a_database_and_stays_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    for argv in (["outage", "list"], ["digest"], ["verify"]):
        code, err = _cli(monkeypatch, capsys, "--db", str(empty), *argv)
        assert code == 1, err
        assert err.count("\n") == 1 and "is an empty file, not a console database" in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["empty.sqlite"]
    assert empty.stat().st_size == 0


@pytest.mark.parametrize("command", ["demo", "init"])
def test_creating_commands_refuse_an_existing_file_even_empty(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    extra = ["--workstation", "ws", "--admin", "admin"] if command == "init" else []
    code, err = _cli(monkeypatch, capsys, "--db", str(empty), command, *extra)
    assert code == 1 and err.count("\n") == 1, err
    assert empty.stat().st_size == 0


def test_write_lock_held_elsewhere_is_one_busy_line_and_reads_still_work(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import console.store.database as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # 15 s in use; the rule is the same
    _new_incident(demo_db)
    _cli(monkeypatch, capsys, "--db", str(demo_db), "outage", "list")  # upgraded, if need be
    before = _cli(monkeypatch, capsys, "--db", str(demo_db), "digest")
    holder = sqlite3.connect(demo_db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
        for argv in (["--user", "controller", "log", "add", "--team", "situation",
                      "--text", "x"],
                     ["--user", "situation", "task", "add", "--team", "situation",
                      "--title", "y"]):
            code, err = _cli(monkeypatch, capsys, "--db", str(demo_db), *argv)
            assert code == 1, err
            assert err.count("\n") == 1 and "is busy: another program is writing to it" in err \
                and "try again" in err, err
        code, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "outage", "list")
        assert code == 0, err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _cli(monkeypatch, capsys, "--db", str(demo_db), "digest") == before


def _as_other_user() -> list[str] | None:
    """The command prefix that runs without root's power to write anything (None: cannot)."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_read_only_database_says_it_cannot_be_written(read_only: str, demo_db: Path) -> None:
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    prefix = _as_other_user()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    root = Path(tempfile.mkdtemp(prefix="ro-"))
    try:
        root.chmod(0o755)
        db = root / "db.sqlite"
        _new_incident(demo_db)
        shutil.copyfile(demo_db, db)
        if read_only == "file":
            db.chmod(0o444)
            root.chmod(0o777)
        else:
            if prefix:
                os.chown(db, 65534, 65534)
            root.chmod(0o555)
        before = hashlib.sha256(db.read_bytes()).hexdigest()

        def cli(*argv: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([*prefix, sys.executable, "-m", "console", "--lang", "en",
                                   "--db", str(db), *argv], capture_output=True, text=True,
                                  env={**os.environ, "CONSOLE_PASSWORD": "demo"},
                                  cwd=Path(__file__).resolve().parents[1])

        wrote = cli("--user", "controller", "log", "add", "--team", "situation", "--text", "x")
        assert wrote.returncode == 1 and wrote.stderr.count("\n") == 1, wrote.stderr
        assert "cannot be written" in wrote.stderr and "internal" not in wrote.stderr
        read = cli("digest")
        if read_only == "file":
            assert read.returncode == 0 and len(read.stdout.strip()) == 64, read.stderr
        else:  # SQLite must make its -wal and -shm files even to read: one clear line
            assert read.returncode == 1 and read.stderr.count("\n") == 1, read.stderr
            assert f"the folder {root} cannot be written" in read.stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    finally:
        root.chmod(0o755)
        shutil.rmtree(root)


def test_a_full_disk_is_one_line_and_loses_nothing(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's own SQLITE_FULL, reached by capping the file's pages (as a full disk would stop
    it growing): the write is refused in one line and the database is as it was."""
    import console.store.database as database

    _new_incident(demo_db)
    _cli(monkeypatch, capsys, "--db", str(demo_db), "outage", "list")  # upgraded, if need be
    before = _cli(monkeypatch, capsys, "--db", str(demo_db), "digest")
    with sqlite3.connect(demo_db) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()
    plain = database._on_connect

    def capped(connection: sqlite3.Connection, record: object) -> None:
        plain(connection, record)
        connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    monkeypatch.setattr(database, "_on_connect", capped)
    code, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "--user", "controller", "log",
                     "add", "--team", "situation", "--text", "가" * 200_000)
    assert code == 1, err
    assert err.count("\n") == 1 and "disk holding" in err and "is full" in err, err
    monkeypatch.setattr(database, "_on_connect", plain)
    assert _cli(monkeypatch, capsys, "--db", str(demo_db), "digest") == before
    code, err = _cli(monkeypatch, capsys, "--db", str(demo_db), "verify")
    assert code == 0, err
