"""An inventory whose dependencies go round in a circle is refused: nothing is imported, and
each cycle is one problem line naming the systems round it (A → B → A)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from console.services.app import Services
from console.services.context import Actor
from console.services.inventory import ImportRejected

Login = Callable[[str], Actor]
HEADER = "시스템코드,시스템명,소관부서,설치위치,구분,등급,목표복구시간,대체수단,의존시스템\n"


def _row(code: str, needs: str = "") -> str:
    return f"{code},{code} 시스템,행정국,서초 데이터센터,대시민,2,4,,{needs}\n"


def _csv(tmp_path: Path, rows: list[str], name: str = "inv.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _rejected(services: Services, actor: Actor, path: Path) -> ImportRejected:
    before = services.maintenance.digest()
    systems = services.inventory.systems()
    with pytest.raises(ImportRejected) as caught:
        services.inventory.import_file(actor, path)
    assert services.maintenance.digest() == before
    assert services.inventory.systems() == systems
    return caught.value


def test_two_systems_that_need_each_other(services: Services, login: Login,
                                          tmp_path: Path) -> None:
    path = _csv(tmp_path, [_row("A", "B"), _row("B", "A"), _row("C", "A")])
    rejected = _rejected(services, login("admin"), path)
    assert [(p.row_number, p.render("en")) for p in rejected.problems] == [
        (2, "row 2: 의존시스템 forms a cycle: A → B → A; remove one of these dependencies")]
    assert rejected.problems[0].render("ko") == (
        "2행: 의존시스템이(가) 순환합니다: A → B → A: 이 가운데 한 의존을 빼십시오")


def test_a_ring_of_fifty_in_an_xlsx(services: Services, login: Login, tmp_path: Path) -> None:
    codes = [f"R-{n:02d}" for n in range(1, 51)]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name", "department", "facility", "category", "grade",
                  "depends_on"])
    for number, code in enumerate(codes):
        sheet.append([code, f"{code} 시스템", "행정국", "클라우드", "internal", 3,
                      codes[(number + 1) % len(codes)]])
    path = tmp_path / "ring.xlsx"
    book.save(path)
    rejected = _rejected(services, login("admin"), path)
    assert len(rejected.problems) == 1
    problem = rejected.problems[0]
    assert problem.row_number == 2
    assert f"depends_on forms a cycle: {' → '.join([*codes, codes[0]])};" in problem.render("en")


def test_a_cycle_closed_through_a_registered_system(services: Services, login: Login,
                                                    tmp_path: Path) -> None:
    admin = login("admin")
    # Registered: OLD-1 needs OLD-2, OLD-2 needs nothing.
    services.inventory.import_file(admin, _csv(tmp_path, [_row("OLD-2"), _row("OLD-1", "OLD-2")],
                                               "first.csv"))
    # The file changes OLD-2 to need NEW, and NEW needs OLD-1: NEW → OLD-1 → OLD-2 → NEW.
    path = _csv(tmp_path, [_row("NEW", "OLD-1"), _row("OLD-2", "NEW"), _row("OK", "OLD-1")])
    rejected = _rejected(services, admin, path)
    assert [p.render("en") for p in rejected.problems] == [
        "row 2: 의존시스템 forms a cycle: NEW → OLD-1 → OLD-2 → NEW; "
        "remove one of these dependencies"]
    assert not any(s.code == "NEW" for s in services.inventory.systems())


def test_the_file_may_break_a_registered_cycle_it_replaces(services: Services, login: Login,
                                                           tmp_path: Path) -> None:
    """A listed system's dependencies are the file's: dropping one ends the cycle."""
    admin = login("admin")
    services.inventory.import_file(admin, _csv(tmp_path, [_row("P"), _row("Q", "P")], "a.csv"))
    services.inventory.import_file(admin, _csv(tmp_path, [_row("P", "Q"), _row("Q")], "b.csv"))
    assert {s.code: s.depends_on for s in services.inventory.systems()} == {"P": ("Q",),
                                                                           "Q": ()}


def test_every_cycle_is_one_line_beside_the_other_problems(demo_db: Path,
                                                           tmp_path: Path) -> None:
    path = _csv(tmp_path, [_row("A", "B"), _row("B", "A"), _row("C", "D"), _row("D", "C"),
                           "E,,행정국,서초 데이터센터,대시민,2,4,,\n"])
    result = subprocess.run(
        [sys.executable, "-m", "console", "--db", str(demo_db), "--lang", "en", "--user",
         "controller", "import-systems", str(path)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "CONSOLE_PASSWORD": "demo"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("error: inv.csv: 3 problem(s), nothing imported")
    assert [line.strip() for line in lines[1:]] == [
        "row 2: 의존시스템 forms a cycle: A → B → A; remove one of these dependencies",
        "row 4: 의존시스템 forms a cycle: C → D → C; remove one of these dependencies",
        "row 6: 시스템명 is blank",
    ]
