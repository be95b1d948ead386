"""The headless interface as acceptance checks use it (DESIGN.md §7 is a contract)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from console.services.maintenance import own_numbering

Run = Callable[..., tuple[int, str, str]]
CITY_DATA_CENTRES = {"서초 데이터센터", "상암 데이터센터"}


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def _run(*argv: str) -> tuple[int, str, str]:
        # These checks read the English sentences; the Korean default has its own test.
        args = list(argv) if "--lang" in argv else ["--lang", "en", *argv]
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse's own usage errors
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_demo_figures(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, out, _ = run("--db", str(demo_db), "outage", "list", "--json")
    assert code == 0
    outages = json.loads(out)
    assert len(outages) == 64
    assert sum(o["category"] == "citizen" for o in outages) == 38
    assert sum(o["category"] == "internal" for o in outages) == 26
    assert len({o["department"] for o in outages}) == 23
    assert {"id", "code", "name", "department", "category", "grade", "status"} <= set(outages[0])
    assert all(o["status"] in ("restored", "verified") for o in outages)

    exported = tmp_path / "systems.csv"
    assert run("--db", str(demo_db), "export-systems", str(exported))[0] == 0
    with exported.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 429
    assert sum(r["설치위치"] in CITY_DATA_CENTRES for r in rows) == 384
    assert len({r["소관부서"] for r in rows}) >= 23
    code, out, _ = run("--db", str(demo_db), "verify")
    assert code == 0 and out.startswith("ok")


def test_write_commands_print_ids_and_record_authors(run: Run, demo_db: Path) -> None:
    db = ["--db", str(demo_db)]
    # The demo's incident is closed (stood down 10. 17.): a relapse is a new incident.
    assert run(*db, "--user", "controller", "incident", "open", "--title", "재발",
               "--at", "2025-10-20T08:00")[0] == 0
    code, outage_id, err = run(*db, "--user", "systems", "outage", "open", "--system", "SEO-0001",
                               "--note", "재발", "--at", "2025-10-20T09:00")
    assert code == 0, err
    outage_id = outage_id.strip()
    assert run(*db, "--user", "systems", "outage", "status", outage_id, "--to", "restored",
               "--phase", "3", "--note", "복구")[0] == 0
    code, task_id, _ = run(*db, "--user", "systems", "task", "add", "--team", "systems",
                           "--title", "원인 분석", "--outage", outage_id, "--due",
                           "2025-10-21T18:00", "--assignee", "systems")
    task_id = task_id.strip()
    assert code == 0
    assert run(*db, "--user", "systems", "task", "edit", task_id, "--title", "원인 분석 보고")[0] == 0
    assert run(*db, "--user", "systems", "task", "status", task_id, "--to", "in_progress")[0] == 0
    assert run(*db, "--user", "controller", "decision", "add", "--summary", "재발 방지",
               "--rationale", "이중화")[0] == 0
    assert run(*db, "--user", "press", "log", "add", "--team", "press", "--text", "안내",
               "--significant")[0] == 0
    tasks = {t["id"]: t for t in json.loads(run(*db, "task", "list", "--json")[1])}
    assert tasks[task_id]["title"] == "원인 분석 보고"
    assert tasks[task_id]["status"] == "in_progress"
    assert tasks[task_id]["assignee"] == "systems"
    decisions = json.loads(run(*db, "decision", "list", "--json")[1])
    assert decisions[0]["summary"] == "재발 방지" and decisions[0]["decided_by"] == "controller"
    with sqlite3.connect(demo_db) as raw:
        author = raw.execute("SELECT u.name FROM outage_event e JOIN app_user u ON "
                             "u.id = e.author_id WHERE e.outage_id = ? AND e.status = 'restored'",
                             (outage_id,)).fetchone()
    assert author == ("systems",)
    assert run(*db, "verify")[0] == 0


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["outage", "open"], 2, "--system"),
        (["outage", "open", "--system", "SEO-0001"], 1, "error: 'outage open' records who did it: give --user NAME before it"),
        (["--user", "observer", "outage", "status", "SEO-0001", "--to", "down"], 1,
         "error: only the command"),
        (["--user", "systems", "decision", "add", "--summary", "x"], 1,
         "error: only the commander, deputy commander or controller may record a decision"),
        (["--user", "nobody", "log", "add", "--team", "press", "--text", "x"], 1,
         "wrong user name or password"),
        (["--user", "systems", "outage", "status", "SEO-0001", "--to", "sideways"], 1,
         "unknown outage status"),
        (["--user", "systems", "outage", "open", "--system", "SEO-0001", "--at", "soon"], 1,
         "cannot read time"),
        (["--user", "press", "task", "add", "--team", "space", "--title", "x"], 1,
         "unknown team"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(run: Run, demo_db: Path, argv: list[str],
                                                  code: int, message: str) -> None:
    before = run("--db", str(demo_db), "digest")[1]
    result, _, err = run("--db", str(demo_db), *argv)
    assert result == code
    assert message in err
    assert len([line for line in err.splitlines() if "error:" in line]) == 1
    assert run("--db", str(demo_db), "digest")[1] == before


def test_refusals_speak_korean_by_default_and_english_with_lang_en(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The user's language (DESIGN.md §7, --lang ko|en, default ko): one line, exit 1."""
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def run_as_given(*argv: str) -> tuple[int, str]:
        code = main(list(argv))
        return code, capsys.readouterr().err

    argv = ["--db", str(demo_db), "--user", "commander", "outage", "open", "--system", "NOPE"]
    assert run_as_given(*argv) == (
        1, "error: 코드가 'NOPE'인 시스템이 없습니다: 시스템 코드를 확인하십시오\n")
    assert run_as_given("--lang", "en", *argv) == (
        1, "error: no system with code 'NOPE': check the system code\n")
    # Who may do what, and enum values, are in the user's language too.
    assert run_as_given("--db", str(demo_db), "--user", "observer", "decision", "add",
                        "--summary", "x") == (
        1, "error: 본부장·차장·통제관만 결정사항을 기록할 수 있습니다\n")
    code, err = run_as_given("--db", str(demo_db), "--user", "press", "task", "add",
                             "--team", "space", "--title", "x")
    assert code == 1 and err.startswith("error: 'space'은(는) 알 수 없는 반입니다")


def test_init_then_refuse_to_overwrite(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "ws.sqlite"
    code, out, _ = run("--db", str(db), "init", "--workstation", "상황실-2", "--admin", "kim")
    assert code == 0 and "상황실-2" in out
    code, _, err = run("--db", str(db), "init", "--workstation", "x", "--admin", "y")
    assert code == 1 and "already exists" in err
    code, _, err = run("--db", str(tmp_path / "missing.sqlite"), "outage", "list")
    assert code == 1 and "no database" in err


def test_backup_and_restore(run: Run, demo_db: Path, tmp_path: Path) -> None:
    db = ["--db", str(demo_db), "--user", "controller"]
    digest = run(*db, "digest")[1]
    copy = tmp_path / "copy.sqlite"
    assert run(*db, "backup", "--out", str(copy))[0] == 0
    code, out, _ = run(*db, "restore", str(copy))  # nothing written since the backup
    assert code == 0 and "kept as" in out and "new workstation" not in out
    assert run(*db, "digest")[1] == digest
    identity = own_numbering(demo_db)
    note = "복원 전에 쓴 기록"
    # The demo's incident is closed (it takes no log entry): a new one takes the note.
    assert run(*db, "incident", "open", "--title", "재발")[0] == 0
    assert run("--db", str(demo_db), "--user", "press", "log", "add", "--team", "press",
               "--text", note)[0] == 0
    assert run(*db, "digest")[1] != digest
    code, out, _ = run(*db, "restore", str(copy))
    # Its change numbers go back past ones peers may hold: a new identity, said in one line.
    assert code == 0 and "kept as" in out and "now writes as a new workstation" in out
    assert note not in run(*db, "log", "list", "--json")[1]
    assert run(*db, "verify")[0] == 0
    now = own_numbering(demo_db)
    assert identity is not None and now is not None and now[0] != identity[0]
    restored = run(*db, "digest")[1]
    bad = tmp_path / "bad.sqlite"
    bad.write_text("nope")
    code, _, err = run(*db, "restore", str(bad))
    assert code == 1 and "refusing to restore" in err
    assert run(*db, "digest")[1] == restored


def test_digest_ignores_the_machine_time_zone(demo_db: Path) -> None:
    digests = set()
    for zone in ("Asia/Seoul", "America/New_York", "UTC"):
        result = subprocess.run([sys.executable, "-m", "console", "--db", str(demo_db), "digest"],
                                capture_output=True, text=True, timeout=60,
                                env={**os.environ, "TZ": zone})
        assert result.returncode == 0, result.stderr
        digests.add(result.stdout.strip())
    assert len(digests) == 1 and len(digests.pop()) == 64


def test_demo_scale_multiplies_volume(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "scaled.sqlite"
    assert run("--db", str(db), "demo", "--scale", "3")[0] == 0
    outages = json.loads(run("--db", str(db), "outage", "list", "--json")[1])
    assert len(outages) == 3 * 64
    assert run("--db", str(db), "verify")[0] == 0
    code, _, err = run("--db", str(tmp_path / "x.sqlite"), "demo", "--scale", "0")
    assert code == 1 and "outside" in err and not (tmp_path / "x.sqlite").exists()
