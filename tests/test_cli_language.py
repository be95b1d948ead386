"""The CLI speaks Korean by default and English with --lang en: its help, argparse's own usage
and errors, and the lines commands print for people. Flags, commands and choices never change
(DESIGN.md §7 is a contract)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from console.cli.help_ko import ARGPARSE_KO, HELP_KO
from console.cli.language import cli_lang, help_texts
from console.cli.parser import build_parser

HANGUL = re.compile(r"[\uac00-\ud7a3]")
FLAG = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")
SPECIFIER = re.compile(r"%(?:\([a-z_]+\))?[sr]")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def _run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # --help and argparse's usage errors
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_every_help_text_has_its_korean() -> None:
    english = {text for _, _, text in help_texts(build_parser())}
    missing = sorted(english - set(HELP_KO))
    assert not missing, f"help texts without Korean in console/cli/help_ko.py: {missing}"
    stale = sorted(set(HELP_KO) - english)
    assert not stale, f"Korean for help texts the parser no longer has: {stale}"
    for text in english:
        korean = HELP_KO[text]
        assert HANGUL.search(korean) and korean != text, text
        assert "%" not in korean + text, text  # argparse would read it as a format


def test_argparse_templates_are_its_own_with_the_same_placeholders() -> None:
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    for template, korean in ARGPARSE_KO.items():
        # A template this Python's argparse no longer says would silently stay English.
        assert repr(template)[1:-1] in source, template
        assert sorted(SPECIFIER.findall(korean)) == sorted(SPECIFIER.findall(template))
        assert HANGUL.search(korean) or template.startswith("%(prog)s"), template


def test_the_top_level_help_in_korean_by_default_and_english_on_request(run: Run) -> None:
    code, korean, _ = run("--help")
    assert code == 0
    assert korean.startswith("사용법: incident-console ")
    assert "위치 인자:" in korean and "옵션:" in korean and "이 도움말을 보여 주고 끝냅니다" in korean
    assert "디지털 재난 상황관리 콘솔" in korean and "usage:" not in korean
    code, english, _ = run("--lang", "en", "--help")
    assert code == 0
    assert english.startswith("usage: incident-console ")
    assert "positional arguments:" in english and "show this help message and exit" in english
    assert "Digital-disaster command console" in english and "사용법" not in english
    # The same flags and the same commands, in the same order, whatever the language.
    assert FLAG.findall(korean) == FLAG.findall(english)
    for command in ("init", "demo", "outage", "report", "sync", "notice", "drill", "self-test"):
        assert f"    {command} " in korean and f"    {command} " in english


@pytest.mark.parametrize("command", [
    ["outage", "eta"], ["notice", "draft"], ["screenshot"], ["report"], ["drill", "advance"],
    ["sync", "hub"], ["incident", "schedule"]])
def test_a_commands_help_in_both_languages_with_the_same_flags(run: Run,
                                                               command: list[str]) -> None:
    code, korean, _ = run(*command, "--help")
    assert code == 0 and korean.startswith(f"사용법: incident-console {' '.join(command)}")
    assert HANGUL.search(korean.split("\n\n", 1)[1])
    code, english, _ = run("--lang=en", *command, "--help")
    assert code == 0 and english.startswith(f"usage: incident-console {' '.join(command)}")
    assert "사용법" not in english and "옵션" not in english
    assert FLAG.findall(korean) == FLAG.findall(english)


def test_an_invalid_choice_is_one_error_line_in_the_users_language(run: Run) -> None:
    argv = ["screenshot", "--view", "nope", "--out", "x.png"]
    code, out, korean = run(*argv)
    assert code == 2 and out == ""
    errors = [line for line in korean.splitlines() if "error:" in line]
    assert errors == ["incident-console screenshot: error: 인자 --view: 잘못된 선택: 'nope' "
                      "(다음 중에서 고르십시오: 'board', 'systems', 'outages', 'tasks', "
                      "'decisions', 'log', 'reports', 'sync', 'timeline', 'notices')"]
    assert korean.startswith("사용법: incident-console screenshot")
    code, _, english = run("--lang", "en", *argv)
    assert code == 2
    assert [line for line in english.splitlines() if "error:" in line] == [
        "incident-console screenshot: error: argument --view: invalid choice: 'nope' "
        "(choose from 'board', 'systems', 'outages', 'tasks', 'decisions', 'log', 'reports', "
        "'sync', 'timeline', 'notices')"]
    assert english.startswith("usage: incident-console screenshot")


@pytest.mark.parametrize(("argv", "korean", "english"), [
    (["outage", "eta", "X"], "다음 인자가 필요합니다: --at",
     "the following arguments are required: --at"),
    (["demo", "--scale", "many"], "인자 --scale: 잘못된 int 값: 'many'",
     "argument --scale: invalid int value: 'many'"),
    (["digest", "--fast"], "알 수 없는 인자: --fast", "unrecognized arguments: --fast"),
    (["outage", "list", "--json", "--db"], "알 수 없는 인자: --db",
     "unrecognized arguments: --db"),
    (["incident", "schedule", "--hours", "8", "--every", "2"],
     "인자 --every: --hours 인자와 함께 쓸 수 없습니다",
     "argument --every: not allowed with argument --hours"),
    (["incident", "schedule"], "--hours --every 중 하나가 필요합니다",
     "one of the arguments --hours --every is required"),
    (["backup", "--out"], "인자 --out: 값 하나가 필요합니다",
     "argument --out: expected one argument"),
])
def test_usage_errors_in_both_languages(run: Run, argv: list[str], korean: str,
                                        english: str) -> None:
    code, _, said = run(*argv)
    assert code == 2
    assert [line.split(": error: ", 1)[1] for line in said.splitlines()
            if ": error: " in line] == [korean]
    code, _, said = run("--lang", "en", *argv)
    assert code == 2
    assert [line.split(": error: ", 1)[1] for line in said.splitlines()
            if ": error: " in line] == [english]


def test_argparse_is_itself_again_after_main(run: Run) -> None:
    """Tests (and the self-test) call main() many times: Korean must not leak out of it."""
    assert run("screenshot", "--view", "nope", "--out", "x.png")[0] == 2
    assert run("--help")[0] == 0
    plain = argparse.ArgumentParser(prog="plain")
    plain.add_argument("--n", type=int)
    assert "usage: plain" in plain.format_usage()
    assert "options:" in plain.format_help()
    with pytest.raises(argparse.ArgumentError, match="invalid int value"):
        plain.exit_on_error = False
        plain.parse_args(["--n", "x"])


@pytest.mark.parametrize(("argv", "lang"), [
    ([], "ko"), (["--help"], "ko"), (["--lang", "en"], "en"), (["--lang=en", "demo"], "en"),
    (["--db", "x.sqlite", "--lang", "en", "verify"], "en"), (["--la", "en", "verify"], "en"),
    (["--user", "--lang", "verify"], "ko"),  # --lang is the user's name here
    (["--lang", "fr", "verify"], "ko"),  # argparse refuses it, in Korean
    (["--db", "x", "notice", "draft", "--lang", "en"], "ko"),  # the notice's own language
])
def test_the_language_is_known_before_parsing(argv: list[str], lang: str) -> None:
    assert cli_lang(argv) == lang


def test_status_lines_in_the_users_language(run: Run, demo_db: Path) -> None:
    code, out, _ = run("--db", str(demo_db), "verify")
    assert code == 0 and out == f"ok: {demo_db}은(는) 무결성, 참조, 불변 조건 검사를 통과했습니다\n"
    code, out, _ = run("--lang", "en", "--db", str(demo_db), "verify")
    assert code == 0 and out == f"ok: {demo_db} passed integrity, reference and invariant checks\n"
    code, out, _ = run("--db", str(demo_db), "--user", "commander", "backup", "--out",
                       str(demo_db.with_name("copy.sqlite")))
    assert code == 0 and out.startswith("백업을 쓰고 검증했습니다: ")
    conflicts = ["--db", str(demo_db), "--user", "commander", "sync", "conflicts"]
    assert run(*conflicts)[1] == "(해소되지 않은 충돌 없음)\n"
    assert run("--lang", "en", *conflicts)[1] == "(no open conflicts)\n"


def test_a_usage_complaint_of_a_command_in_the_users_language(run: Run, demo_db: Path) -> None:
    argv = ["--db", str(demo_db), "notice", "cap", "N1", "--out", "alert.txt"]
    code, out, said = run(*argv)
    assert code == 2 and out == ""
    assert said.startswith("사용법: incident-console ")
    assert said.splitlines()[-1] == "error: --out alert.txt: 파일 이름은 .xml(으)로 끝나야 합니다"
    code, _, said = run("--lang", "en", *argv)
    assert code == 2 and said.startswith("usage: incident-console ")
    assert said.splitlines()[-1] == "error: --out alert.txt: the file name must end in .xml"


@pytest.mark.parametrize("command", [[], ["report"], ["self-test"], ["keys", "move-out"]])
def test_korean_help_fits_the_terminal(run: Run, monkeypatch: pytest.MonkeyPatch,
                                       command: list[str]) -> None:
    """argparse wraps by characters; a Hangul syllable takes two columns of the terminal."""
    from console.cli.output import _width

    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(*command, "--help")
    assert code == 0 and HANGUL.search(out)
    assert max(_width(line) for line in out.splitlines()) <= 80
    usage = out.split("\n\n", 1)[0].splitlines()
    if len(usage) > 1:  # continued usage lines start under the first one's words
        assert len(usage[1]) - len(usage[1].lstrip(" ")) == _width(
            f"사용법: incident-console {' '.join(command)} ".replace("  ", " "))


def test_a_tables_headings_are_korean_and_its_json_keys_unchanged(run: Run,
                                                                  demo_db: Path) -> None:
    code, out, _ = run("--db", str(demo_db), "systems")
    assert code == 0 and out.split()[:6] == ["코드", "이름", "부서", "설치", "장소", "분류"]
    code, out, _ = run("--db", str(demo_db), "--lang", "en", "systems")
    assert code == 0 and out.split()[:3] == ["code", "name", "department"]
    code, out, _ = run("--db", str(demo_db), "systems", "--json")
    assert code == 0 and '"code"' in out and "코드" not in out


def test_a_korean_table_shows_words_for_codes_and_the_json_keeps_the_codes(
        run: Run, demo_db: Path) -> None:
    code, out, _ = run("--db", str(demo_db), "outage", "list")
    assert code == 0 and "복구확인" in out and "verified" not in out
    code, out, _ = run("--db", str(demo_db), "--lang", "en", "outage", "list")
    assert code == 0 and "verified" in out
    code, out, _ = run("--db", str(demo_db), "outage", "list", "--json")
    assert code == 0 and '"status": "verified"' in out
    code, out, _ = run("--db", str(demo_db), "task", "list")
    assert code == 0 and "언론·홍보대응반" in out and "완료" in out
