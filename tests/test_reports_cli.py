"""The report commands of the headless interface: names, flags, exit codes and output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from console.services.app import Services
from tests.pdftext import flat, pdf_pages


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_draft_needs_no_user_and_is_not_stored(demo_db: Path, tmp_path: Path, capsys) -> None:
    out_file = tmp_path / "draft.pdf"
    code, out, err = run(capsys, "--db", str(demo_db), "report", "--out", str(out_file),
                         "--as-of", "2025-10-06T20:00+09:00")
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file)
    assert "10. 6. 20:00 현재 64개 중 63개 복구(98.4%)" in flat(out_file.read_bytes())
    code, out, _ = run(capsys, "--db", str(demo_db), "reports", "--json")
    listed = json.loads(out)  # the demo's 40 issued reports, and no draft added
    assert code == 0 and [r["title"] for r in listed] == [f"제{n}보" for n in range(1, 41)]


def test_approval_permissions_and_numbers(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    for user in ("observer", "systems"):
        code, out, err = run(capsys, *db, "--user", user, "report", "--out",
                             str(tmp_path / "x.pdf"), "--approve")
        assert code == 1 and out == ""
        assert err == "error: 본부장·차장·통제관만 상황보고를 승인할 수 있습니다\n"
    assert not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, *db, "report", "--out", str(tmp_path / "x.pdf"), "--approve")
    assert code == 1 and "--user" in err and err.count("\n") == 1
    code, out, err = run(capsys, *db, "--user", "controller", "report", "--out",
                         str(tmp_path / "x.pdf"), "--approve", "--as-of",
                         "2025-10-03T12:00+09:00")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "이미 발행한 제40보(2025. 10. 17.(금) 17:00 현재)보다 이른 시점" in err
    assert "--reason" in err and not (tmp_path / "x.pdf").exists()
    numbers = []
    for name in ("first.pdf", "second.pdf"):
        code, out, err = run(capsys, *db, "--user", "controller", "report", "--out",
                             str(tmp_path / name), "--approve", "--as-of",
                             "2025-10-03T12:00+09:00", "--reason", "누락분 소급 보고")
        assert code == 0, err
        lines = out.splitlines()
        assert lines[0] == str(tmp_path / name)
        numbers.append(lines[1])
    assert numbers == ["number 41", "number 42"]
    assert "상황보고 제42보" in flat((tmp_path / "second.pdf").read_bytes())
    code, out, _ = run(capsys, *db, "--lang", "ko", "reports", "--json")
    listed = json.loads(out)
    assert [r["title"] for r in listed][-2:] == ["제41보", "제42보"]
    code, out, err = run(capsys, *db, "reprint", listed[-2]["id"], "--out",
                         str(tmp_path / "again.pdf"))
    assert code == 0, err  # the report as issued still renders to its stored hash
    again = pdf_pages((tmp_path / "again.pdf").read_bytes())
    first = pdf_pages((tmp_path / "first.pdf").read_bytes())
    assert all("재출력 · 2025. 10." not in page for page in first)
    assert all("재출력 · " in page for page in again)  # a paper copy, and says so
    # Apart from the mark in the header band, the same pages.
    assert [re.sub(r"\s+", "", p.replace(p.splitlines()[0], "")) for p in again] == [
        re.sub(r"\s+", "", p.replace(p.splitlines()[0], "")) for p in first]
    code, out, _ = run(capsys, *db, "reports", "--json")
    copied = json.loads(out)[-2]
    assert len(copied["reprints"]) == 1 and copied["reprints"][0]["by"] is None
    assert copied["report_to"] == ["서울특별시장", "행정안전부 중앙재난안전상황실"]


def test_draft_stored_with_a_user(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    code, out, _ = run(capsys, *db, "--user", "situation", "report", "--out",
                       str(tmp_path / "d.pdf"))
    assert code == 0 and out.splitlines()[1].startswith("draft ")
    code, _, err = run(capsys, *db, "--user", "observer", "report", "--out",
                       str(tmp_path / "d.pdf"))
    assert code == 1 and err.count("\n") == 1 and "상황보고를 작성할 수 있습니다" in err


def test_bad_input_is_refused_in_one_line(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    code, _, err = run(capsys, *db, "report", "--out", str(tmp_path / "r.pdf"), "--as-of",
                       "yesterday")
    assert code == 1 and err.startswith("error: 시각 'yesterday'을(를) 읽을 수 없습니다")
    code, _, err = run(capsys, *db, "report", "--out", str(tmp_path / "r.pdf"), "--incident",
                       "nope")
    assert code == 1 and err == "error: ID가 nope인 사고가 없습니다\n"
    code, _, err = run(capsys, *db, "report", "--out", str(tmp_path / "r.txt"))
    assert code == 2
    with pytest.raises(SystemExit) as usage:
        main([*db, "printout", "--kind", "everything", "--out", str(tmp_path / "p.pdf")])
    assert usage.value.code == 2


def test_printout_and_fallback_pack(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    code, out, err = run(capsys, *db, "--lang", "en", "printout", "--kind", "log", "--team",
                         "press", "--from", "2025-09-27T18:00", "--to", "2025-09-28T00:00",
                         "--out", str(tmp_path / "log.pdf"))
    assert code == 0, err
    text = flat((tmp_path / "log.pdf").read_bytes())
    assert "Activity log (ICS 214)" in text and "Press and public information" in text
    code, out, err = run(capsys, *db, "fallback-pack", "--out", str(tmp_path / "usb"))
    assert code == 0, err
    generation = Path(out.strip())
    assert generation.parent == tmp_path / "usb" and (generation / "manifest.json").is_file()
    assert (tmp_path / "usb" / "latest").read_text().strip() == generation.name


def test_the_real_program(demo_db: Path, tmp_path: Path) -> None:
    program = Path(sys.executable).with_name("incident-console")
    env = {**os.environ, "CONSOLE_PASSWORD": "demo"}
    done = subprocess.run([str(program), "--db", str(demo_db), "--user", "deputy", "report",
                           "--out", str(tmp_path / "r.pdf"), "--approve", "--as-of",
                           "2025-10-20T00:00+09:00", "--reason", "최종 결과 보고"],
                          capture_output=True, text=True, env=env,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / "r.pdf"), "number 41"]
    pages = pdf_pages((tmp_path / "r.pdf").read_bytes())
    assert "64개 중 64개 복구(100.0%)" in " ".join(pages)
    assert all(f"제41보 · 쪽 {n} / {len(pages)}" in page for n, page in enumerate(pages, 1))


def test_a_report_reprints_identically_in_another_process(demo: Services, demo_db: Path,
                                                          tmp_path: Path) -> None:
    """Issued in this process after another PDF, reprinted as a new process's first PDF: the
    same bytes (reportlab's font registration once undid the <b> mapping after the first)."""
    controller = demo.accounts.login("controller", "demo")
    draft = demo.reports.draft(controller)
    issued = demo.reports.approve(controller, draft_id=draft.row.id, reason="최종 결과 보고")
    program = Path(sys.executable).with_name("incident-console")
    done = subprocess.run([str(program), "--db", str(demo_db), "reprint", issued.row.id,
                           "--out", str(tmp_path / "again.pdf")], capture_output=True,
                          text=True, check=False, timeout=120)
    # Exit 0: that process rendered the report as issued to the very bytes stored (its hash);
    # the file it wrote is the paper copy, marked 재출력.
    assert done.returncode == 0, done.stderr
    assert "재출력" in flat((tmp_path / "again.pdf").read_bytes())
    assert demo.reports.reprint(issued.row.id).pdf == issued.pdf


def test_bold_stays_mapped_once_the_fonts_are_loaded() -> None:
    from reportlab.lib.fonts import tt2ps

    from console.reports.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    assert tt2ps(REGULAR, 1, 0) == BOLD
    assert tt2ps(REGULAR, 0, 0) == REGULAR
