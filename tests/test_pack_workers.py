"""The fallback pack on two cores (console/reports/pack_workers.py): the files named apart are
made by a forked child, a failure there fails the whole pack and leaves the previous one."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from console.domain.errors import ConsoleError, ValidationError
from console.reports import pack, pack_workers
from tests.test_reports_pack import START, moving  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no fork here")


@pytest.fixture(autouse=True)
def _splits(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the split itself. In a whole run a thread an earlier test left
    behind (idle, holding nothing the child needs) would make ``can_split`` say no, and the
    pack would rightly run on one core: a CI run failed all seven so. The guard has its own
    test below."""
    monkeypatch.setattr(pack_workers, "can_split", lambda: True)


def test_another_thread_keeps_the_pack_on_one_core(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real guard
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert not pack_workers.can_split()
        written = pack.write_pack(tmp_path, [("a.txt", _pid), ("b.txt", _pid)], START,
                                  apart=["b.txt"])
        assert {(written / n).read_text() for n in ("a.txt", "b.txt")} == {str(os.getpid())}
    finally:
        release.set()
        other.join()


def _pid() -> bytes:
    return str(os.getpid()).encode()


def test_the_files_apart_are_made_by_another_process(tmp_path: Path) -> None:
    written = pack.write_pack(tmp_path, [("a.txt", _pid), ("b.txt", _pid), ("c.txt", _pid)],
                              START, apart=["b.txt"])
    made = {name: (written / name).read_text() for name in ("a.txt", "b.txt", "c.txt")}
    assert made["a.txt"] == made["c.txt"] == str(os.getpid())
    assert made["b.txt"] != str(os.getpid())
    assert pack.check(written) == []
    # The manifest and the index keep the order the files were given in.
    assert (written / "index.txt").read_text().splitlines()[-5:-2] == [
        " 1. a.txt", " 2. b.txt", " 3. c.txt"]
    assert set(pack_workers.TIMES) == {"a.txt", "b.txt", "c.txt"}


def _previous_pack_intact(folder: Path, first: Path, before: dict[str, bytes]) -> None:
    assert pack.latest(folder) == first
    assert pack.generations(folder) == [first]
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before
    assert not [p for p in folder.iterdir() if p.name.startswith(pack.TEMP_PREFIX)]


@pytest.mark.parametrize("failure", ["oserror", "coded", "dies"])
def test_a_failure_in_the_child_fails_the_pack_and_keeps_the_previous(
        moving, tmp_path: Path, monkeypatch, failure: str) -> None:  # noqa: F811
    services, clock = moving
    folder = tmp_path / "usb"
    first = services.reports.write_fallback_pack(folder)
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    clock.moment += timedelta(minutes=20)
    parent, real = os.getpid(), services.reports.render

    def failing(*args, **kwargs) -> bytes:
        if os.getpid() == parent:  # the issued report's copy is made here
            return real(*args, **kwargs)
        if failure == "oserror":
            raise OSError("USB stick pulled out")
        if failure == "coded":
            raise ValidationError("printout.unknown", kind="x", kinds="y")
        os._exit(3)  # a crash: nothing said through the pipe

    monkeypatch.setattr(services.reports, "render", failing)
    expected: tuple[type[BaseException], str] = {
        "oserror": (OSError, "USB stick"), "coded": (ValidationError, "unknown printout 'x'"),
        "dies": (ConsoleError, "exit 3")}[failure]
    with pytest.raises(expected[0], match=expected[1]) as raised:
        services.reports.write_fallback_pack(folder)
    if failure == "dies":
        assert raised.value.code == "pack.worker_failed"
        assert "이전 묶음은 그대로" in raised.value.render("ko")
    _previous_pack_intact(folder, first, before)


def test_the_child_reads_the_database_read_only(moving, tmp_path: Path,  # noqa: F811
                                                monkeypatch) -> None:
    services, _ = moving
    parent, real = os.getpid(), services.reports.render

    def writes(*args, **kwargs) -> bytes:
        if os.getpid() == parent:
            return real(*args, **kwargs)
        with services.db.engine.connect() as connection:
            connection.exec_driver_sql("CREATE TABLE scratch (x)")
        return b""

    monkeypatch.setattr(services.reports, "render", writes)
    with pytest.raises(Exception) as raised:
        services.reports.write_fallback_pack(tmp_path / "usb")
    assert "readonly" in str(raised.value) or "read-only" in str(raised.value)
    with sqlite3.connect(services.db.path) as connection:
        assert not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'scratch'").fetchall()


def test_the_shared_files_are_made_once_each_by_whichever_is_free(tmp_path: Path) -> None:
    def slow_pid() -> bytes:
        time.sleep(0.05)
        return _pid()

    names = [f"s{i}.txt" for i in range(8)]
    files = [("own.txt", slow_pid), ("apart.txt", _pid), *[(n, slow_pid) for n in names]]
    written = pack.write_pack(tmp_path, files, START, apart=["apart.txt"], shared=names)
    assert pack.check(written) == []
    child = (written / "apart.txt").read_text()
    makers = {(written / n).read_text() for n in names}
    assert makers <= {str(os.getpid()), child} and child != str(os.getpid())
    assert set(pack_workers.TIMES) == {"own.txt", "apart.txt", *names}


def test_a_crash_in_the_child_after_approval_does_not_undo_it(moving, tmp_path: Path,  # noqa: F811
                                                             monkeypatch) -> None:
    from tests.test_reports import demo_actor
    from tests.test_reports_pack import LATE

    services, _ = moving
    services.reports.configure_fallback(demo_actor(services, "controller"), tmp_path / "usb")
    parent, real = os.getpid(), services.reports.render

    def crashing(*args, **kwargs) -> bytes:
        if os.getpid() != parent:
            os._exit(3)
        return real(*args, **kwargs)

    monkeypatch.setattr(services.reports, "render", crashing)
    issued = services.reports.approve(demo_actor(services, "controller"), reason=LATE)
    assert issued.row.number == 41 and issued.pack is None
    assert issued.pack_error and "exit 3" in issued.pack_error
    assert pack.generations(tmp_path / "usb") == []
