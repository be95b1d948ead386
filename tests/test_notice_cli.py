"""``notice …`` and ``status-page`` as DESIGN.md §7 (second part) names them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from console.reports import cap
from tests.pdftext import flat

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def _run(*argv: str) -> tuple[int, str, str]:
        args = list(argv) if "--lang" in argv else ["--lang", "en", *argv]
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse's own usage errors
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run

TEXT = "[서울시] 시 온라인 민원 일부 중단. 구청·동주민센터 방문 접수 가능. 문의 120"


def _draft(run: Run, db: Path, *extra: str) -> str:
    code, out, err = run("--db", str(db), "--user", "press", "notice", "draft", "--channel",
                         "cbs", "--tier", "safety", "--area", "서울특별시", "--text", TEXT,
                         "--text-en", "[Seoul] Some online services are down. Call 120.",
                         *extra)
    assert code == 0, err
    return out.strip()


def test_draft_submit_approve_issue_list_cap_page(run: Run, demo_db: Path,
                                                  tmp_path: Path) -> None:
    db = str(demo_db)
    notice = _draft(run, demo_db)
    assert re.fullmatch(r"[0-9a-f-]{36}", notice)
    assert run("--db", db, "--user", "press", "notice", "submit", notice)[0] == 0
    code, _, err = run("--db", db, "--user", "press", "notice", "approve", notice)
    assert code == 1 and "deputy commander or controller may approve" in err
    code, out, _ = run("--db", db, "--user", "controller", "notice", "approve", notice)
    assert code == 0 and out.strip() == TEXT  # approval shows the text as it will go out
    code, _, err = run("--db", db, "--user", "press", "notice", "issued", notice,
                       "--at", "2030-01-01T00:00")
    assert code == 1 and err.count("\n") == 1  # a future time: one line, nothing changed
    assert run("--db", db, "--user", "press", "notice", "issued", notice)[0] == 0
    code, out, _ = run("--db", db, "notice", "list", "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    mine = rows[notice]
    assert {k: mine[k] for k in ("channel", "tier", "status", "text", "chars")} == {
        "channel": "cbs", "tier": "safety", "status": "issued", "text": TEXT,
        "chars": len(TEXT)}
    assert mine["issued_at"].endswith("+09:00")
    out_file = tmp_path / "alert.xml"
    assert run("--db", db, "notice", "cap", notice, "--out", str(out_file))[0] == 0
    assert cap.schema_errors(out_file) == []
    folder = tmp_path / "page"
    assert run("--db", db, "status-page", "--out", str(folder))[0] == 0
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert TEXT in page and "<script" not in page and "http" not in page.replace(
        "http-equiv", "")
    assert "Latest updates" in (folder / "en.html").read_text(encoding="utf-8")
    assert not list(folder.glob(".*.part"))


def test_duplicate_refused_naming_the_earlier_text_unless_confirmed(
        run: Run, demo_db: Path) -> None:
    db = str(demo_db)
    first = _draft(run, demo_db)
    run("--db", db, "--user", "press", "notice", "submit", first)
    run("--db", db, "--user", "controller", "notice", "approve", first)
    run("--db", db, "--user", "press", "notice", "issued", first)
    again = _draft(run, demo_db)
    code, _, err = run("--db", db, "--user", "press", "notice", "submit", again)
    assert code == 1 and TEXT in err and "--despite-duplicate" in err
    code, _, err = run("--db", db, "--user", "press", "notice", "submit", again,
                       "--despite-duplicate")
    assert code == 0, err


def test_over_limit_refused_in_korean_by_default(run: Run, demo_db: Path) -> None:
    db = str(demo_db)
    code, out, _ = run("--db", db, "--user", "press", "notice", "draft", "--channel", "cbs",
                       "--tier", "emergency", "--text", "가" * 91 + " 120")
    code, _, err = run("--lang", "ko", "--db", db, "--user", "press", "notice", "submit",
                       out.strip())
    assert code == 1 and "90자 제한" in err


@pytest.mark.parametrize("argv", [
    ["notice", "draft", "--channel", "fax", "--text", "x"],
    ["notice", "draft", "--channel", "cbs"],
])
def test_usage_errors_exit_2(run: Run, demo_db: Path, argv: list[str]) -> None:
    assert run("--db", str(demo_db), "--user", "press", *argv)[0] == 2


def test_writes_need_a_user(run: Run, demo_db: Path) -> None:
    code, _, err = run("--db", str(demo_db), "notice", "draft", "--channel", "sns", "--text",
                       "x")
    assert code == 1 and "--user" in err


def test_status_page_rewritten_after_each_approval(run: Run, demo_db: Path,
                                                   tmp_path: Path) -> None:
    db, folder = str(demo_db), tmp_path / "stick"
    assert run("--db", db, "--user", "press", "status-page", "--out", str(folder),
               "--keep-writing")[0] == 0
    notice = _draft(run, demo_db)
    run("--db", db, "--user", "press", "notice", "submit", notice)
    assert TEXT not in (folder / "index.html").read_text(encoding="utf-8")
    run("--db", db, "--user", "controller", "notice", "approve", notice)
    run("--db", db, "--user", "press", "notice", "issued", notice)
    assert TEXT in (folder / "index.html").read_text(encoding="utf-8")


def test_send_history_printout_per_channel(run: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cbs.pdf"
    code, _, err = run("--db", str(demo_db), "notice", "history", "--channel", "cbs", "--out",
                       str(out))
    assert code == 0, err
    text = flat(out.read_bytes())
    assert "Public notices sent" in text and "Emergency text (CBS)" in text
    assert "납부기한을 10.31.까지" in text and "120 안내 스크립트" not in text


def test_a_status_page_that_cannot_be_written_is_a_warning_in_the_users_language(
        run: Run, demo_db: Path, tmp_path: Path) -> None:
    db = str(demo_db)
    stick = tmp_path / "stick"
    assert run("--db", db, "--user", "press", "status-page", "--out", str(stick),
               "--keep-writing")[0] == 0
    for child in stick.iterdir():
        child.unlink()
    stick.rmdir()
    stick.write_text("the stick was pulled; a file now sits where the folder was")
    notice = _draft(run, demo_db)
    assert run("--db", db, "--user", "press", "notice", "submit", notice)[0] == 0
    code, out, err = run("--lang", "ko", "--db", db, "--user", "controller", "notice", "approve",
                         notice)
    assert code == 0 and out.strip() == TEXT  # the approval stands
    assert err.startswith("warning: 단계는 기록했지만 공개 현황 페이지를 쓰지 못했습니다: ")
    assert err.count("\n") == 1
