"""Sync under rarer histories (issue 11): each test is one reproduction from the issue, and
fails on the code before its fix (docs/sync.md says each rule)."""

from __future__ import annotations

from pathlib import Path

from console.domain.enums import Cause, DisasterArea, Team
from console.services.app import Services
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station

HOLE = "a hole in the change log"


def _send(source: Station, target: Station, path: Path, for_peer: str | None = None):  # type: ignore[no-untyped-def]
    source.clock.advance(seconds=1)
    source.app.sync.export_bundle(source.admin, path, for_peer)
    target.clock.advance(seconds=1)
    return target.app.sync.import_bundle(target.admin, path)


def _reopen(station: Station) -> None:
    station.app = Services.open(station.app.db.path, clock=station.clock, hasher=FAST_HASHER)
    station.admin = station.app.accounts.login("admin", "admin-pass")


def _texts(station: Station) -> set[str]:
    return {entry.text for entry in station.app.journal.log()}


def test_a_restore_leaves_no_hole_for_good(stations, tmp_path: Path) -> None:
    """1. B restores a backup taken before it received a1 (its identity kept: it wrote nothing
    since); A still holds B's old have-vector and sends only a2. B sees and names the hole,
    verify reports it, and B's next bundle tells A the truth, so A's next one fills it — also
    for C, which got the hole through B's relay."""
    a, b, c = stations(3)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    _send(a, b, tmp_path / "a0.zip")
    b.app.maintenance.backup(b.admin, tmp_path / "b-old.sqlite")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "a1")
    _send(a, b, tmp_path / "a1.zip")
    _send(b, a, tmp_path / "b-before.zip")  # A learns that B holds a1

    b.app.close()
    restored = Services.restore(b.app.db.path, tmp_path / "b-old.sqlite", b.admin, clock=b.clock)
    assert restored.new_identity is None  # it wrote nothing since the backup
    _reopen(b)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "a2")
    got = _send(a, b, tmp_path / "a2-for-b.zip", "ws-1")
    assert got.new == 1 and "a1" not in _texts(b)
    assert [(name, first) for name, first, _ in got.holes] == [("ws-0", first_a1(a))]
    assert any(HOLE in finding for finding in b.app.maintenance.verify())
    relayed = _send(b, c, tmp_path / "b-for-c.zip", "ws-2")
    assert relayed.holes and any(HOLE in f for f in c.app.maintenance.verify())

    # B's next bundle carries its true have-vector; an older one found later does not undo it.
    _send(b, a, tmp_path / "b-after.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "b-before.zip")
    healed = _send(a, b, tmp_path / "a-for-b.zip", "ws-1")
    assert healed.holes == () and {"a1", "a2"} <= _texts(b)
    assert b.app.maintenance.verify() == []
    _send(c, b, tmp_path / "c.zip")
    assert _send(b, c, tmp_path / "b-for-c-2.zip", "ws-2").holes == ()
    assert c.app.maintenance.verify() == [] and {"a1", "a2"} <= _texts(c)
    _send(c, a, tmp_path / "c-for-a.zip")
    assert a.digest() == b.digest() == c.digest()


def first_a1(a: Station) -> int:
    """A's change number of the log entry 'a1'."""
    from sqlalchemy import text

    with a.app.db.sessions() as session:
        return int(session.execute(text(
            "SELECT min(seq) FROM change_log WHERE tbl = 'log_entry' AND value LIKE '%a1%'"
        )).scalar_one())
