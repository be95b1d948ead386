"""Concurrent status events and the order of status events (issue 11, items 6 and 5 in part):
each test is one reproduction, and fails on the code before its fix (docs/sync.md, Histories,
rules 5 and 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.enums import Team
from tests.sync.conftest import Station
from tests.sync.test_histories import _send, _with_incident_and_system


def _status_conflicts(station: Station, table: str) -> list:  # type: ignore[type-arg]
    return [c for c in station.app.sync.conflicts() if c.table == table
            and c.field in ("status", "crisis_level")]


def test_a_task_done_on_one_workstation_while_blocked_on_another_is_a_conflict(
        stations, tmp_path: Path) -> None:
    """6. A task marked done on A while B (apart) marks it blocked: neither event knew the
    other, so the status is a conflict on both, the latest by time shows meanwhile, and the
    resolution is one event that knows both (a decision in the incident) and ends it
    everywhere. A later event that saw the other is no conflict."""
    from console.domain.enums import TaskStatus

    a, b = _with_incident_and_system(stations, tmp_path)
    commander = a.login("commander")
    a.app.tasks.add(commander, Team.SITUATION, "restore the mail server")
    (task,) = a.app.tasks.list()
    _send(a, b, tmp_path / "task.zip")
    a.app.tasks.change_status(commander, task.id, TaskStatus.DONE)
    b.clock.advance(seconds=30)
    b.app.tasks.change_status(b.login("commander"), task.id, TaskStatus.BLOCKED)
    _send(a, b, tmp_path / "done.zip")
    _send(b, a, tmp_path / "blocked.zip")
    for station in (a, b):
        (conflict,) = _status_conflicts(station, "task")
        assert conflict.record == task.id
        assert [c.value for c in conflict.candidates] == ["blocked", "done"]
        assert station.app.tasks.list()[0].status == "blocked"  # the latest by time, meanwhile
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()

    a.app.sync.resolve(a.admin, "task", task.id, "status", keep=1)
    assert _status_conflicts(a, "task") == []
    assert a.app.tasks.list()[0].status == "done"
    assert any("task.status = 'done'" in d.summary for d in a.app.journal.decisions())
    _send(a, b, tmp_path / "resolved.zip")
    assert _status_conflicts(b, "task") == [] and b.app.tasks.list()[0].status == "done"
    # B saw the resolution: its next change of the status follows it, no new conflict.
    b.app.tasks.change_status(b.login("commander"), task.id, TaskStatus.OPEN)
    _send(b, a, tmp_path / "after.zip")
    assert _status_conflicts(a, "task") == [] and a.app.tasks.list()[0].status == "open"
    assert a.digest() == b.digest()


def test_a_crisis_level_raised_to_two_levels_apart_is_a_conflict(stations,
                                                                 tmp_path: Path) -> None:
    """6. A raises the crisis level to "alert", B (apart) to "serious": a conflict on the
    incident's crisis level on both; `sync resolve … --value` to one of them ends it."""
    from console.domain.enums import CrisisLevel

    a, b = _with_incident_and_system(stations, tmp_path)
    a.app.incidents.change_level(a.login("commander"), CrisisLevel.ALERT, "spreading")
    b.clock.advance(seconds=5)
    b.app.incidents.change_level(b.login("commander"), CrisisLevel.SERIOUS, "ministry down")
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        (conflict,) = _status_conflicts(station, "incident")
        assert sorted(c.value for c in conflict.candidates) == ["alert", "serious"]
    from console.domain.errors import ValidationError

    with pytest.raises(ValidationError, match=r"alert|serious"):
        b.app.sync.resolve(b.admin, "incident", conflict.record, "crisis_level", value="caution")
    b.app.sync.resolve(b.admin, "incident", conflict.record, "crisis_level", value="alert")
    _send(b, a, tmp_path / "resolved.zip")
    for station in (a, b):
        assert _status_conflicts(station, "incident") == []
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()


def test_an_outage_worked_around_on_one_workstation_and_restored_on_another(
        stations, tmp_path: Path) -> None:
    """6. A records a workaround for A-1 while B (apart) records it restored: a conflict on the
    outage's status on both; keeping "restored" writes one event that ends it everywhere."""
    from datetime import UTC, datetime

    from console.domain.enums import OutageStatus

    a, b = _with_incident_and_system(stations, tmp_path)
    a.clock.moment = b.clock.moment = datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    a.app.outages.open(a.login("systems"), "A-1")
    _send(a, b, tmp_path / "open.zip")
    a.clock.moment = datetime(2025, 9, 27, 11, 0, tzinfo=UTC)
    a.app.outages.change_status(a.login("systems"), "A-1", OutageStatus.WORKAROUND)
    b.clock.moment = datetime(2025, 9, 27, 11, 5, tzinfo=UTC)
    b.app.outages.change_status(b.login("systems"), "A-1", OutageStatus.RESTORED)
    a.clock.moment = b.clock.moment = datetime(2025, 9, 27, 11, 10, tzinfo=UTC)
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        (conflict,) = _status_conflicts(station, "outage")
        assert [c.value for c in conflict.candidates] == ["restored", "workaround"]
        assert station.app.outages.list()[0].status == "restored"
    a.clock.moment = datetime(2025, 9, 27, 12, 0, tzinfo=UTC)
    a.app.sync.resolve(a.admin, "outage", conflict.record, "status", keep=0)
    _send(a, b, tmp_path / "resolved.zip")
    for station in (a, b):
        assert _status_conflicts(station, "outage") == []
        assert station.app.outages.list()[0].status == "restored"
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()


def test_a_clock_two_days_ahead_does_not_hijack_a_later_status(stations, tmp_path: Path) -> None:
    """5 (tasks and crisis levels). A's clock is two days ahead: its "blocked" and its level
    "alert" are dated in the future. B, having seen them, marks the task done and lowers the
    level: B's events knew A's, so they come after them on both, whatever the dates say."""
    from console.domain.enums import CrisisLevel, TaskStatus

    a, b = _with_incident_and_system(stations, tmp_path)
    a.app.tasks.add(a.login("commander"), Team.SITUATION, "restore the mail server")
    (task,) = a.app.tasks.list()
    a.clock.advance(days=2)
    a.app.tasks.change_status(a.login("commander"), task.id, TaskStatus.BLOCKED)
    a.app.incidents.change_level(a.login("commander"), CrisisLevel.ALERT, "spreading")
    _send(a, b, tmp_path / "fast.zip")
    b.app.tasks.change_status(b.login("commander"), task.id, TaskStatus.DONE)
    b.app.incidents.change_level(b.login("commander"), CrisisLevel.CAUTION, "contained")
    _send(b, a, tmp_path / "later.zip")
    for station in (a, b):
        assert station.app.tasks.list()[0].status == "done"
        assert [c for c in station.app.sync.conflicts() if c.field in ("status",
                                                                      "crisis_level")] == []
        with station.app.db.transaction() as session:
            from console.store.models import Incident

            (incident,) = session.query(Incident).all()
            assert incident.crisis_level == "caution"
    assert a.digest() == b.digest()


def test_a_clock_two_days_ahead_does_not_hijack_an_outage(stations, tmp_path: Path) -> None:
    """5 (outages). A's clock is two days ahead: it opens A-1 and records a workaround, both
    dated in the future. B, having seen them, records A-1 restored: accepted (before, "cannot
    come before the outage was detected"), and restored shows on both — B's event knew A's,
    dated in B's future, so it stands after them — with no conflict and verify clean."""
    from console.domain.enums import OutageStatus

    a, b = _with_incident_and_system(stations, tmp_path)
    a.clock.advance(days=2)
    a.app.outages.open(a.login("systems"), "A-1")
    a.clock.advance(minutes=30)
    a.app.outages.change_status(a.login("systems"), "A-1", OutageStatus.WORKAROUND)
    _send(a, b, tmp_path / "fast.zip")
    b.clock.advance(minutes=10)
    b.app.outages.change_status(b.login("systems"), "A-1", OutageStatus.RESTORED)
    _send(b, a, tmp_path / "later.zip")
    for station in (a, b):
        (outage,) = station.app.outages.list()
        assert outage.status == "restored", station.name
        assert _status_conflicts(station, "outage") == []
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()
