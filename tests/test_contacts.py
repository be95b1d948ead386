"""The external contacts: the commander or the controller keeps the list (the service
refuses others), bad input is one bilingual line with nothing changed, and the roster printout
reads the list as it is now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.services.app import Services
from console.services.contacts import ExternalContact
from tests.pdftext import pdf_pages

VENDOR: ExternalContact = {"organisation": "가상네트워크(주)", "role": "백본 장애 접수",
                           "name": "야간 당직", "phone": "02-0000-3401 내선 7"}


def _roster(demo: Services) -> str:
    return " ".join(" ".join(pdf_pages(demo.reports.printout("roster"))).split())


def test_command_adds_changes_and_removes_a_contact(demo: Services) -> None:
    controller = demo.accounts.login("controller", "demo")
    before = demo.contacts.entries()
    demo.contacts.set(controller, VENDOR)
    assert demo.contacts.entries() == [*before, VENDOR]
    assert "가상네트워크(주)" in _roster(demo) and "02-0000-3401 내선 7" in _roster(demo)
    changed: ExternalContact = {**VENDOR, "phone": "02-0000-3402"}
    demo.contacts.set(demo.accounts.login("commander", "demo"), changed, len(before) + 1)
    assert demo.contacts.entries()[-1]["phone"] == "02-0000-3402"
    demo.contacts.remove(controller, 1)
    assert demo.contacts.entries() == [*before[1:], changed]
    assert before[0]["phone"] not in _roster(demo)  # the printout reads the list as it is


def test_others_and_bad_input_are_refused_and_nothing_changes(demo: Services) -> None:
    before = demo.contacts.entries()
    for name in ("situation", "deputy", "observer"):
        with pytest.raises(PermissionDenied, match="commander or controller"):
            demo.contacts.set(demo.accounts.login(name, "demo", "en"), VENDOR)
    controller = demo.accounts.login("controller", "demo")
    with pytest.raises(ValidationError) as missing:
        demo.contacts.set(controller, {**VENDOR, "organisation": "  "})
    assert missing.value.render("ko").startswith("외부 연락처에는 기관명이 필요합니다")
    with pytest.raises(ValidationError, match="not a telephone number"):
        demo.contacts.set(controller, {**VENDOR, "phone": "call the desk"})
    with pytest.raises(NotFound, match="no external contact number 99"):
        demo.contacts.set(controller, VENDOR, 99)
    with pytest.raises(NotFound):
        demo.contacts.remove(controller, 0)
    assert demo.contacts.entries() == before


def test_the_cli_lists_sets_and_removes(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")
    db = ["--db", str(demo_db)]
    assert main([*db, "contacts", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["number"] == 1 and listed[0]["organisation"] == "국가정보자원관리원"
    assert main([*db, "--user", "controller", "contacts", "set", "--organisation",
                 VENDOR["organisation"], "--role", VENDOR["role"], "--name", VENDOR["name"],
                 "--phone", VENDOR["phone"]]) == 0
    assert capsys.readouterr().out.strip() == str(len(listed) + 1)
    # Fields not given keep their value.
    assert main([*db, "--user", "commander", "contacts", "set", "--number",
                 str(len(listed) + 1), "--phone", "02-0000-3499"]) == 0
    capsys.readouterr()
    assert main([*db, "contacts", "list", "--json"]) == 0
    last = json.loads(capsys.readouterr().out)[-1]
    assert last == {"number": len(listed) + 1, **VENDOR, "phone": "02-0000-3499"}
    assert main([*db, "--user", "situation", "contacts", "remove", "1"]) == 1
    assert "외부 연락처를 관리할 수 있습니다" in capsys.readouterr().err
    assert main([*db, "--lang", "en", "--user", "controller", "contacts", "set",
                 "--organisation", "X", "--phone", "abc"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'abc' is not a telephone number" in err
    assert main([*db, "--user", "controller", "contacts", "remove", str(len(listed) + 1)]) == 0
    capsys.readouterr()
    assert main([*db, "contacts", "list", "--json"]) == 0
    assert [r["organisation"] for r in json.loads(capsys.readouterr().out)] == \
        [r["organisation"] for r in listed]
