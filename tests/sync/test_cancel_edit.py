"""A task cancelled on one workstation while its title is edited on another (issue 11, item 6,
its last case): one conflict on the task's status on both, resolved as a decision; no conflict
when either had seen the other; older changes that record nothing of the other kind make none
(docs/sync.md, Histories, rule 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.domain.enums import TaskStatus, Team
from tests.sync.conftest import Station
from tests.sync.test_histories import _send, _with_incident_and_system


def _status_conflicts(station: Station) -> list[tuple[str, str, list[tuple[object, str]]]]:
    return [(c.record, c.field, [(k.value, k.site_id) for k in c.candidates])
            for c in station.app.sync.conflicts() if c.table == "task"]


def _a_task_on_both(stations, tmp_path: Path) -> tuple[Station, Station, str]:  # type: ignore[no-untyped-def]
    a, b = _with_incident_and_system(stations, tmp_path)
    a.app.tasks.add(a.login("commander"), Team.SITUATION, "restore the mail server")
    (task,) = a.app.tasks.list()
    _send(a, b, tmp_path / "task.zip")
    return a, b, task.id


def test_a_task_cancelled_while_its_title_is_edited_apart_is_a_conflict(
        stations, tmp_path: Path) -> None:
    """A cancels the task while B (apart) re-titles it: one conflict on the task's status on
    both (equal lists, equal digests), the cancel shown meanwhile with B's title; keeping B's
    side re-opens the task with one event that knew both, recorded as a decision, and the
    conflict ends on both."""
    a, b, task_id = _a_task_on_both(stations, tmp_path)
    a.app.tasks.change_status(a.login("commander"), task_id, TaskStatus.CANCELLED,
                              note="not needed")
    b.clock.advance(seconds=30)
    b.app.tasks.edit(b.login("commander"), task_id, title="restore mail and calendar")
    _send(a, b, tmp_path / "cancel.zip")
    _send(b, a, tmp_path / "edit.zip")
    a_site, b_site = (s.app.accounts.workstation()[0] for s in (a, b))
    lists = [_status_conflicts(s) for s in (a, b)]
    assert lists[0] == lists[1] == [(task_id, "status", [("cancelled", a_site), ("open", b_site)])]
    for station in (a, b):
        (row,) = station.app.tasks.list()
        assert (row.status, row.title) == ("cancelled", "restore mail and calendar")
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()

    a.app.sync.resolve(a.admin, "task", task_id, "status", keep=1)
    assert _status_conflicts(a) == []
    assert a.app.tasks.list()[0].status == "open"
    assert any("task.status = 'open'" in d.summary for d in a.app.journal.decisions())
    _send(a, b, tmp_path / "resolved.zip")
    for station in (a, b):
        assert _status_conflicts(station) == []
        (row,) = station.app.tasks.list()
        assert (row.status, row.title) == ("open", "restore mail and calendar")
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()


def test_keeping_the_cancel_ends_the_conflict_everywhere(stations, tmp_path: Path) -> None:
    a, b, task_id = _a_task_on_both(stations, tmp_path)
    a.app.tasks.edit(a.login("commander"), task_id, title="restore mail and calendar")
    b.app.tasks.change_status(b.login("commander"), task_id, TaskStatus.CANCELLED)
    _send(a, b, tmp_path / "edit.zip")
    _send(b, a, tmp_path / "cancel.zip")
    for station in (a, b):
        (conflict,) = _status_conflicts(station)
        assert [value for value, _ in conflict[2]] == ["cancelled", "open"]
    b.app.sync.resolve(b.admin, "task", task_id, "status", value="cancelled")
    _send(b, a, tmp_path / "resolved.zip")
    for station in (a, b):
        assert _status_conflicts(station) == []
        assert station.app.tasks.list()[0].status == "cancelled"
    # An edit after the cancel was seen, and a cancel after the edit was seen: none.
    a.app.tasks.edit(a.login("commander"), task_id, title="moved to the next shift")
    _send(a, b, tmp_path / "later.zip")
    assert _status_conflicts(a) == _status_conflicts(b) == []
    assert a.digest() == b.digest()


def test_a_cancel_or_an_edit_that_had_seen_the_other_is_no_conflict(stations,
                                                                    tmp_path: Path) -> None:
    """B edits the title and sends it; A, having received it, cancels: no conflict. A edits a
    second task after receiving B's cancel of it: no conflict either. A status change that
    keeps the task alive ("blocked") apart from an edit is none: both stand."""
    a, b, task_id = _a_task_on_both(stations, tmp_path)
    b.app.tasks.edit(b.login("commander"), task_id, title="restore mail and calendar")
    _send(b, a, tmp_path / "edit.zip")
    a.app.tasks.change_status(a.login("commander"), task_id, TaskStatus.CANCELLED)
    _send(a, b, tmp_path / "cancel.zip")

    a.app.tasks.add(a.login("commander"), Team.SITUATION, "call the vendor")
    second = next(t.id for t in a.app.tasks.list() if t.title == "call the vendor")
    _send(a, b, tmp_path / "second.zip")
    b.app.tasks.change_status(b.login("commander"), second, TaskStatus.DONE)
    _send(b, a, tmp_path / "done.zip")
    a.app.tasks.edit(a.login("commander"), second, title="vendor called")

    a.app.tasks.add(a.login("commander"), Team.SITUATION, "print the sitrep")
    third = next(t.id for t in a.app.tasks.list() if t.title == "print the sitrep")
    _send(a, b, tmp_path / "third.zip")
    a.app.tasks.change_status(a.login("commander"), third, TaskStatus.BLOCKED)
    b.app.tasks.edit(b.login("commander"), third, title="print the second sitrep")
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        assert _status_conflicts(station) == []
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()


def test_a_status_conflict_stays_when_only_an_edit_of_its_task_arrives(
        stations, tmp_path: Path) -> None:
    """Done on A, blocked on B: a conflict on both. A then edits the task's title (having seen
    both) and sends only that: B's conflict must stay (apply recomputed the conflicts of the
    touched task row and dropped the status one)."""
    a, b, task_id = _a_task_on_both(stations, tmp_path)
    a.app.tasks.change_status(a.login("commander"), task_id, TaskStatus.DONE)
    b.app.tasks.change_status(b.login("commander"), task_id, TaskStatus.BLOCKED)
    _send(a, b, tmp_path / "done.zip")
    _send(b, a, tmp_path / "blocked.zip")
    a.app.tasks.edit(a.login("commander"), task_id, title="restore mail and calendar")
    _send(a, b, tmp_path / "edit.zip", b.app.accounts.workstation()[0])
    lists = [_status_conflicts(s) for s in (a, b)]
    assert lists[0] == lists[1] and len(lists[0]) == 1
    assert sorted(v for v, _ in lists[0][0][2]) == ["blocked", "done"]


def _as_an_older_program(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes as the program before this rule did: a closing event names only event heads,
    an edit only its field's heads (nothing of the other kind)."""
    from console.sync import capture, status_edits

    monkeypatch.setattr(status_edits, "field_knowledge", lambda *_: [])
    monkeypatch.setattr(capture, "_edit_knowledge", lambda *_: [])


def test_changes_from_an_older_program_make_no_false_conflict(
        stations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """B runs the older program. B edits the title after receiving A's cancel, and cancels a
    second task after receiving A's edit: neither records what it knew of the other kind, so
    each is taken to have known what came before it by clock — no conflict, nothing breaks.
    An older cancel whose clock is before a new edit that did not know it is a real
    conflict: it cannot have known an edit written later."""
    a, b, task_id = _a_task_on_both(stations, tmp_path)
    a.app.tasks.add(a.login("commander"), Team.SITUATION, "call the vendor")
    a.app.tasks.add(a.login("commander"), Team.SITUATION, "print the sitrep")
    second, third = (next(t.id for t in a.app.tasks.list() if t.title == title)
                     for title in ("call the vendor", "print the sitrep"))
    a.app.tasks.change_status(a.login("commander"), task_id, TaskStatus.CANCELLED)
    a.app.tasks.edit(a.login("commander"), second, title="vendor called")
    _send(a, b, tmp_path / "a.zip")
    with monkeypatch.context() as old:
        _as_an_older_program(old)
        b.app.tasks.edit(b.login("commander"), task_id, title="restore mail and calendar")
        b.app.tasks.change_status(b.login("commander"), second, TaskStatus.CANCELLED)
        b.app.tasks.change_status(b.login("commander"), third, TaskStatus.CANCELLED)
        with b.app.db.sessions() as session:
            from sqlalchemy import text

            edit = session.execute(text(
                "SELECT supersedes FROM change_log WHERE tbl = 'task' AND field = 'title' "
                "AND row_id = :r ORDER BY hlc DESC"), {"r": task_id}).scalars().first()
        assert all(len(stamp) == 2 for stamp in json.loads(edit))  # the old form: pairs
    a.clock.advance(minutes=5)
    a.app.tasks.edit(a.login("commander"), third, title="print the second sitrep")
    _send(b, a, tmp_path / "b.zip")
    _send(a, b, tmp_path / "a2.zip")
    lists = [_status_conflicts(s) for s in (a, b)]
    assert lists[0] == lists[1]
    assert [record for record, _, _ in lists[0]] == [third]
    for station in (a, b):
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()


def test_the_cli_lists_and_resolves_a_cancel_made_apart_from_an_edit(
        stations, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same through the command line, with bundles between two real SQLite files."""
    from console.cli import main as run

    def main(args: list[str]) -> int:
        user = args[args.index("--user") + 1]
        monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass" if user == "admin" else "pw")
        return run(args)

    a, b, task_id = _a_task_on_both(stations, tmp_path)
    da, db = str(a.app.db.path), str(b.app.db.path)
    a.app.close()
    b.app.close()
    assert main(["--db", da, "--user", "commander", "task", "status", task_id,
                 "--to", "cancelled"]) == 0
    assert main(["--db", db, "--user", "commander", "task", "edit", task_id,
                 "--title", "restore mail and calendar"]) == 0
    for source, target, name in ((da, db, "a.zip"), (db, da, "b.zip")):
        assert main(["--db", source, "--user", "admin", "sync", "export",
                     "--out", str(tmp_path / name)]) == 0
        assert main(["--db", target, "--user", "admin", "sync", "import",
                     str(tmp_path / name)]) == 0
    capsys.readouterr()
    listed = []
    for path in (da, db):
        assert main(["--db", path, "--user", "admin", "sync", "conflicts", "--json"]) == 0
        listed.append(json.loads(capsys.readouterr().out))
    assert listed[0] == listed[1]
    (conflict,) = listed[0]
    assert (conflict["table"], conflict["record"], conflict["field"]) == ("task", task_id,
                                                                        "status")
    assert [c["value"] for c in conflict["candidates"]] == ["cancelled", "open"]
    assert main(["--db", db, "--user", "admin", "sync", "resolve", "task", task_id, "status",
                 "--keep", "1"]) == 0
    assert main(["--db", db, "--user", "admin", "sync", "export",
                 "--out", str(tmp_path / "resolved.zip")]) == 0
    assert main(["--db", da, "--user", "admin", "sync", "import",
                 str(tmp_path / "resolved.zip")]) == 0
    capsys.readouterr()
    for path in (da, db):
        assert main(["--db", path, "--user", "admin", "sync", "conflicts", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
        assert main(["--db", path, "--user", "admin", "verify"]) == 0
        capsys.readouterr()
    assert main(["--db", da, "--user", "admin", "decision", "list"]) == 0
    assert "task.status = 'open'" in capsys.readouterr().out
