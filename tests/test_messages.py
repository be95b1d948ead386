"""Every sentence the program refuses with exists in Korean and English (docs/errors.md).

The source is scanned, not a list kept by hand: every call of a ConsoleError subclass (and of
``Message``) anywhere in console/ must name a catalogue code as a string literal, and pass
exactly the parameters both templates use. A new raise with plain English words, or with a
code the catalogue lacks, fails here.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import console
from console.domain.enums import OutageStatus, Role, TaskStatus
from console.domain.errors import ConsoleError, NotFound, PermissionDenied, ValidationError
from console.domain.messages import CATALOGUE, Message, placeholders, render

SOURCE = Path(console.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(SOURCE.rglob("*.py"))}


TREES = _trees()


def _error_classes() -> dict[str, ast.ClassDef]:
    """ConsoleError and every subclass defined in console/, found in the source itself."""
    defined = {node.name: node for tree in TREES.values() for node in ast.walk(tree)
               if isinstance(node, ast.ClassDef)}
    found = {"ConsoleError": defined["ConsoleError"]}
    while True:
        more = {name: node for name, node in defined.items() if name not in found and any(
            (base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)) in found
            for base in node.bases)}
        if not more:
            return found
        found.update(more)


@dataclass(frozen=True)
class Site:
    where: str
    code: str | None
    """None: the first argument is not a string literal."""
    params: frozenset[str]
    spread: bool
    """``**kwargs``: parameters the scan cannot see."""


def _has_own_init(cls: ast.ClassDef) -> bool:
    return any(isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in cls.body)


def _sites() -> list[Site]:
    classes = _error_classes()
    own_init = {name for name, node in classes.items()
                if _has_own_init(node) and name != "ConsoleError"}
    sites: list[Site] = []
    for path, tree in TREES.items():
        # The machinery itself passes codes along; it raises nothing of its own.
        machinery = {id(n) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
                     and c.name in ("ConsoleError", "Message") for n in ast.walk(c)}
        for owner in [None, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
            # Calls inside an error class with its own __init__: its super().__init__ is the
            # raise site that names the code.
            scope = tree if owner is None else owner
            for node in ast.walk(scope):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else \
                    func.attr if isinstance(func, ast.Attribute) else None
                if id(node) in machinery:
                    continue
                if owner is not None:
                    if owner.name not in own_init or not (
                            name == "__init__" and isinstance(func, ast.Attribute)
                            and isinstance(func.value, ast.Call)
                            and getattr(func.value.func, "id", None) == "super"):
                        continue
                elif (name not in classes and name != "Message") or name in own_init:
                    continue
                first = node.args[0] if node.args else None
                code = first.value if isinstance(first, ast.Constant) and \
                    isinstance(first.value, str) else None
                sites.append(Site(f"{path.relative_to(SOURCE.parent)}:{node.lineno}", code,
                                  frozenset(k.arg for k in node.keywords if k.arg),
                                  any(k.arg is None for k in node.keywords)))
    return sites


SITES = _sites()


def test_the_scan_finds_the_raise_sites() -> None:
    assert len(SITES) > 100
    assert any(site.code == "system.unknown_code" for site in SITES)
    assert any(site.code == "inventory.rejected" for site in SITES)  # a super().__init__


@pytest.mark.parametrize("site", SITES, ids=lambda site: site.where)
def test_every_raise_uses_a_catalogue_code_with_its_parameters(site: Site) -> None:
    assert site.code is not None, f"{site.where}: give a catalogue code, not words"
    assert site.code in CATALOGUE, f"{site.where}: '{site.code}' is not in the catalogue"
    assert not site.spread, f"{site.where}: name every parameter (no **kwargs)"
    wanted = placeholders(CATALOGUE[site.code][1])
    assert site.params == wanted, (f"{site.where}: '{site.code}' takes {sorted(wanted)}, "
                                   f"given {sorted(site.params)}")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_speaks_both_languages(code: str) -> None:
    korean, english = CATALOGUE[code]
    assert korean and english and "\n" not in korean + english
    assert placeholders(korean) == placeholders(english), code
    assert HANGUL.search(korean), f"{code}: the Korean template has no Korean"


def test_every_code_in_the_catalogue_is_raised_somewhere() -> None:
    raised = {site.code for site in SITES}
    assert set(CATALOGUE) - raised == set()


def test_render_in_korean_and_english() -> None:
    error = NotFound("system.unknown_code", code="X-1")
    assert error.render("ko") == "코드가 'X-1'인 시스템이 없습니다: 시스템 코드를 확인하십시오"
    assert error.render("en") == str(error) == "no system with code 'X-1': check the system code"
    assert error.code == "system.unknown_code" and error.params == {"code": "X-1"}


def test_enum_parameters_are_in_the_users_language() -> None:
    error = ValidationError("outage.already_status", status=OutageStatus.RESTORED)
    assert error.render("ko") == "장애가 이미 '복구' 상태입니다"
    assert error.render("en") == "outage is already restored"
    assert ValidationError("task.closed", status=TaskStatus.DONE).render("ko").startswith(
        "조치과제가 '완료' 상태입니다")
    assert ValidationError("user.needs_team", role=Role.TEAM_LEAD).render("ko") == \
        "반장은(는) 소속 반을 지정해야 합니다"


def test_nested_messages_render_in_the_same_language() -> None:
    inner = Message("inventory.no_sheet", file="a.xlsx")
    outer = ConsoleError("inventory.unreadable", file="a.xlsx", problem=inner)
    assert outer.render("ko") == "a.xlsx을(를) 가져올 수 없습니다: a.xlsx: 통합 문서에 워크시트가 없습니다"


def test_an_unknown_code_still_gives_one_readable_line() -> None:
    assert render("no.such.code", {"x": 1}, "ko") == "no.such.code x=1"


def test_permission_denied_is_coded_too() -> None:
    from console.domain.permissions import Action, require

    with pytest.raises(PermissionDenied) as denied:
        require(Role.OBSERVER, None, Action.MANAGE_USERS)
    assert denied.value.code == "permission.denied"
    assert denied.value.render("ko") == "관리자만 사용자를 관리할 수 있습니다"
    assert denied.value.render("en") == "only the administrator may manage users"
