"""Direct edits of the database file are found by ``verify`` (issue 10, item 3).

Each case edits a copy of one workstation's file with plain SQL, as someone with the file but
without the program would, and expects one finding naming what was touched. Before
sync/replay.py and the signed chain head, ``verify`` missed 8 of these 10."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from console.domain.enums import Cause, DisasterArea, Team
from console.services.app import Services
from console.store.checks import change_hash
from tests.conftest import FAST_HASHER


@pytest.fixture
def written(services: Services, login: Callable) -> Path:
    commander = login("commander")
    services.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    services.journal.add_decision(commander, "2차 복구 착수", "phase 1 done")
    services.journal.add_decision(commander, "대시민 안내 강화")
    services.journal.add_log(commander, Team.SITUATION, "상황판 갱신")
    assert services.maintenance.verify() == []
    # An online backup: a plain copy of the open file would miss what is still in its WAL.
    return services.maintenance.backup(login("admin"), services.db.path.with_name("copy.sqlite"))


def _rewrite_decision_with_its_chain(raw: sqlite3.Connection) -> None:
    """Change a decision's text in the table and in its logged change, then recompute every
    later hash of the chain and the clock's head: the log is self-consistent again."""
    site = raw.execute("SELECT value FROM local_identity WHERE key = 'workstation_id'"
                       ).fetchone()[0]
    target = raw.execute("SELECT seq FROM change_log WHERE tbl = 'decision' AND site_id = ? "
                         "ORDER BY seq LIMIT 1", (site,)).fetchone()[0]
    raw.execute("UPDATE change_log SET value = replace(value, '2차 복구 착수', '복구 중단') "
                "WHERE site_id = ? AND seq = ?", (site, target))
    raw.execute("UPDATE decision SET summary = '복구 중단' WHERE summary = '2차 복구 착수'")
    rows = raw.execute("SELECT seq, hlc, tbl, row_id, field, value, supersedes, author, "
                       "wall_time, schema_version, prev_hash FROM change_log "
                       "WHERE site_id = ? AND seq >= ? ORDER BY seq", (site, target)).fetchall()
    prev = rows[0][10]
    for seq, clock, tbl, row_id, field, value, supersedes, author, wall, schema, _ in rows:
        entry = change_hash(prev, site, seq, clock, tbl, row_id, field, value, supersedes,
                            author, wall, schema)
        raw.execute("UPDATE change_log SET prev_hash = ?, entry_hash = ? WHERE site_id = ? "
                    "AND seq = ?", (prev, entry, site, seq))
        prev = entry
    raw.execute("UPDATE sync_clock SET head_hash = ?", (prev,))


EDITS: dict[str, tuple[Callable[[sqlite3.Connection], object], str]] = {
    "decision text": (lambda db: db.execute(
        "UPDATE decision SET summary = '철수' WHERE summary = '대시민 안내 강화'"),
        "decision: rows edited outside the change log"),
    "log entry": (lambda db: db.execute("UPDATE log_entry SET text = '없던 일'"),
                  "log_entry: rows edited"),
    "inserted decision": (lambda db: db.execute(
        "INSERT INTO decision (incident_id, at, role, summary, rationale, alternatives, links, "
        "corrects_id, id, recorded_at, author_id, workstation_id) SELECT incident_id, at, "
        "role, '위조', rationale, alternatives, links, corrects_id, 'forged-decision', "
        "recorded_at, author_id, workstation_id FROM decision LIMIT 1"),
        "decision: rows inserted"),
    "deleted decision": (lambda db: db.execute(
        "DELETE FROM decision WHERE summary = '대시민 안내 강화'"), "decision: rows deleted"),
    "role": (lambda db: db.execute("UPDATE app_user SET role = 'commander' "
                                   "WHERE name = 'observer'"), "app_user: rows edited"),
    "password hash": (lambda db: db.execute(
        "UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user "
        "WHERE name = 'admin') WHERE name = 'commander'"), "app_user: rows edited"),
    "inserted user": (lambda db: db.execute(
        "INSERT INTO app_user (name, display_name, role, team, password_hash, contact, active, "
        "id, created_at, created_by, updated_at, updated_by, deleted) SELECT 'mallory', "
        "display_name, role, team, password_hash, contact, active, 'forged-user', created_at, "
        "created_by, updated_at, updated_by, deleted FROM app_user WHERE name = 'admin'"),
        "app_user: rows inserted"),
    "last change-log rows": (lambda db: db.execute(
        "DELETE FROM change_log WHERE rowid IN (SELECT rowid FROM change_log "
        "ORDER BY rowid DESC LIMIT 3)"), "change log was cut"),
    "cached status": (lambda db: db.execute("UPDATE incident SET crisis_level = 'serious'"),
                      "incident"),
    "rewritten chain": (_rewrite_decision_with_its_chain, "rewritten at or before its signed"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_verify_finds_each_direct_edit(written: Path, tmp_path: Path, case: str) -> None:
    copy = tmp_path / f"edited-{hashlib.sha1(case.encode()).hexdigest()[:8]}.sqlite"
    shutil.copyfile(written, copy)
    edit, expected = EDITS[case]
    with sqlite3.connect(copy) as raw:
        columns = {r[1] for r in raw.execute("PRAGMA table_info(app_user)")}
        assert "password_hash" in columns
        edit(raw)
    raw.close()
    app = Services.open(copy, hasher=FAST_HASHER)
    try:
        found = app.maintenance.verify()
    finally:
        app.close()
    assert found, f"{case}: verify found nothing"
    assert any(expected in line for line in found), (case, found)
    assert all("\n" not in line for line in found)


def test_an_untouched_demo_passes(demo: Services) -> None:
    assert demo.maintenance.verify() == []


def test_verify_says_what_it_found_in_the_users_language(
        written: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from console.cli import main

    copy = tmp_path / "edited.sqlite"
    shutil.copyfile(written, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("DELETE FROM decision WHERE summary = '대시민 안내 강화'")
    raw.close()
    monkeypatch.setenv("CONSOLE_PASSWORD", "x")
    assert main(["--db", str(copy), "verify"]) == 1
    korean = capsys.readouterr().err
    assert "문제: decision: 변경 기록 밖에서 삭제된 행(파일 직접 편집):" in korean, korean
    assert main(["--db", str(copy), "--lang", "en", "verify"]) == 1
    english = capsys.readouterr().err
    assert ("finding: decision: rows deleted outside the change log (direct edit of the file):"
            in english), english
