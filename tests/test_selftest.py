"""``incident-console self-test``: every step runs, each failure is one clear line, exit 0 only
if all passed."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

from console import cli, selftest
from console.cli import report_cli
from console.selftest import Cli, StepFailed, Workspace, check_pdf, check_png, run_self_test


def _report_available() -> bool:
    return "report" in report_cli.HANDLERS


def _screenshot_available() -> bool:
    if importlib.util.find_spec("console.ui.app") is None:
        return False
    from console.ui import app

    return hasattr(app, "take_screenshot")


def this_program() -> Cli:
    return Cli(cli.main, {"report"} if _report_available() else set())


@pytest.mark.slow
def test_self_test_on_this_tree(tmp_path: Path) -> None:
    # Correct before and after the report and window parts exist: what is missing must be
    # named as such, and only a complete program passes.
    out = io.StringIO()
    status = run_self_test(keep=tmp_path, out=out, cli=this_program())
    lines = out.getvalue().splitlines()
    for step in ("find program data", "create demo database", "verify database"):
        assert any(line.startswith(f"ok   {step} (") for line in lines), lines
    complete = _report_available() and _screenshot_available()
    if _report_available():
        assert any(line.startswith("ok   render situation report (") for line in lines), lines
        assert check_pdf(tmp_path / "selftest-report.pdf") >= 1
    else:
        assert "FAIL render situation report: report renderer missing" in out.getvalue()
    if _screenshot_available():
        assert any(line.startswith("ok   board screenshot (") for line in lines), lines
    else:
        assert "FAIL board screenshot: the window module cannot be loaded" in out.getvalue()
    assert status == (0 if complete else 1)
    assert lines[-1].startswith("self-test passed" if complete else "self-test FAILED")


def test_a_failing_step_fails_the_run_and_the_others_still_run(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ran: list[str] = []

    def broken(work: Workspace) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(selftest, "STEPS", [
        ("find program data", selftest.find_program_data),
        ("verify database", broken),
        ("last step", lambda work: ran.append("last")),
    ])
    status = cli.main(["self-test"])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out[1].startswith("ok   find program data (")
    assert out[2] == "FAIL verify database: RuntimeError: disk on fire"
    assert out[3].startswith("ok   last step (")
    assert out[-1] == "self-test FAILED: 2 of 3 steps ok"
    assert ran == ["last"]


def test_the_report_step_runs_the_program_it_is_handed(tmp_path: Path) -> None:
    ran: list[list[str]] = []

    def program(argv: list[str]) -> int:
        ran.append(argv)
        return 0

    work = Workspace(tmp_path, "en", Cli(program, {"report"}))
    with pytest.raises(StepFailed, match="no PDF was written"):  # this stand-in writes none
        selftest.render_report(work)
    assert ran == [["--db", str(work.db), "--lang", "en", "--user", "commander", "report",
                    "--out", str(work.report)]]
    with pytest.raises(StepFailed, match="report renderer missing"):
        selftest.render_report(Workspace(tmp_path, "en", Cli(program, {"verify"})))
    with pytest.raises(StepFailed, match="no command line to run 'report' with"):
        selftest.render_report(Workspace(tmp_path))


def test_the_self_test_command_hands_in_this_program(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[Cli | None] = []
    monkeypatch.setattr(selftest, "STEPS", [("look", lambda work: seen.append(work.cli))])
    assert cli.main(["self-test"]) == 0
    assert seen[0] is not None and seen[0].run is cli.main
    assert {"report", "verify", "demo", "self-test"} <= set(seen[0].commands)
    assert capsys.readouterr().out.splitlines()[-1] == "self-test passed: 1 of 1 steps ok"


def test_a_check_that_does_not_hold_is_one_line_with_its_reason(tmp_path: Path) -> None:
    def refuses(work: Workspace) -> None:
        raise StepFailed("the font is missing")

    out = io.StringIO()
    assert run_self_test(keep=tmp_path, out=out, steps=[("fonts", refuses)]) == 1
    assert "FAIL fonts: the font is missing" in out.getvalue().splitlines()


def test_all_steps_passing_exits_0(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_self_test(out=out, steps=[("nothing", lambda work: None)]) == 0
    assert out.getvalue().splitlines()[-1] == "self-test passed: 1 of 1 steps ok"


def test_a_kept_folder_is_cleared_of_an_earlier_run(tmp_path: Path) -> None:
    (tmp_path / "selftest.sqlite").write_text("old")
    seen: list[bool] = []
    run_self_test(keep=tmp_path, out=io.StringIO(),
                  steps=[("look", lambda work: seen.append(work.db.exists()))])
    assert seen == [False]


def test_check_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >>\n"
                    b"2 0 obj << /Type /Page /Parent 1 0 R >>\n%%EOF")
    assert check_pdf(pdf) == 1
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 0 >>\n%%EOF")
    with pytest.raises(StepFailed, match="no pages"):
        check_pdf(pdf)
    pdf.write_bytes(b"<html>")
    with pytest.raises(StepFailed, match="not a PDF"):
        check_pdf(pdf)
    with pytest.raises(StepFailed, match="no PDF"):
        check_pdf(tmp_path / "missing.pdf")


def test_check_png(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    png = tmp_path / "a.png"
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#1a2a4f"))
    image.save(str(png))
    with pytest.raises(StepFailed, match=r"only \d+ bytes"):
        check_png(png)
    # A single colour of any size fails: noise in one channel pads the file, not the colours.
    big = tmp_path / "big.png"
    big.write_bytes(png.read_bytes() + b"\0" * selftest.MIN_SCREENSHOT_BYTES)
    with pytest.raises(StepFailed, match="single colour"):
        check_png(big)
    for x in range(0, 800, 3):
        for y in range(0, 600, 7):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 3) % 256, (x + y) % 256))
    image.save(str(png))
    check_png(png)
    png.write_bytes(b"GIF89a" + b"\0" * 20_000)
    with pytest.raises(StepFailed, match="not a PNG"):
        check_png(png)
