"""Inventory import through the service and the CLI: all or nothing, every problem listed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from console.domain.errors import ConsoleError, PermissionDenied
from console.services.app import Services
from console.services.context import Actor
from console.services.inventory import ImportRejected

Login = Callable[[str], Actor]
HEADER = "시스템코드,시스템명,소관부서,설치위치,구분,등급,목표복구시간,대체수단,의존시스템\n"
GOOD = HEADER + (
    "A-1,통합민원 접수,행정국,서초 데이터센터,대시민,1,4,수기 접수,\n"
    'A-2,"지방세 납부, 조회",재무국,국가정보자원관리원 대전센터,대시민,2,8,"은행 창구\n수납",A-1\n'
    "B-1,전자결재 연계,행정국,상암 데이터센터,내부행정,3,24,,A-1;A-2\n"
)


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "inv.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_import_creates_departments_facilities_and_dependencies(
        services: Services, login: Login, tmp_path: Path, encoding: str) -> None:
    summary = services.inventory.import_file(login("admin"), _csv(tmp_path, GOOD, encoding))
    assert (summary.created, summary.departments_created, summary.facilities_created) == (3, 2, 3)
    systems = {s.code: s for s in services.inventory.systems()}
    assert systems["B-1"].depends_on == ("A-1", "A-2")
    assert systems["A-2"].name == "지방세 납부, 조회"
    assert systems["A-2"].alternative_means == "은행 창구\n수납"
    assert systems["A-2"].facility_kind == "national_dc"
    assert services.maintenance.verify() == []


def test_xlsx_with_title_row_and_english_headers(services: Services, login: Login,
                                                 tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["서울시 정보시스템 현황 (2025)"])
    sheet.append([" code ", "name", "department", "facility", "category", "grade", "rto_hours",
                  "alternative_means", "depends_on"])
    sheet.append(["X-1", " 공공서비스예약 ", "행정국", "클라우드", "citizen", 2, 4, "전화 예약", None])
    sheet.append(["X-2", "내부 포털", "행정국", "클라우드", "internal", 4, None, None, "X-1"])
    path = tmp_path / "inv.xlsx"
    book.save(path)
    summary = services.inventory.import_file(login("admin"), path)
    assert summary.created == 2
    assert {s.code: s.name for s in services.inventory.systems()} == {"X-1": "공공서비스예약",
                                                                     "X-2": "내부 포털"}


def test_bad_rows_import_nothing_and_list_every_problem(services: Services, login: Login,
                                                        tmp_path: Path) -> None:
    before = services.maintenance.digest()
    bad = HEADER + (
        "A-1,민원,행정국,서초 데이터센터,대시민,1,4,,\n"
        "A-1,중복,행정국,서초 데이터센터,대시민,1,4,,\n"
        "A-3,등급오류,행정국,서초 데이터센터,대시민,5,4,,\n"
        "A-4,구분오류,행정국,서초 데이터센터,외부,2,4,,\n"
        "A-5,의존오류,행정국,서초 데이터센터,대시민,2,4,,ZZZ\n"
        "A-6,,행정국,서초 데이터센터,대시민,2,4,,\n"
    )
    with pytest.raises(ImportRejected) as caught:
        services.inventory.import_file(login("admin"), _csv(tmp_path, bad))
    messages = [str(p) for p in caught.value.problems]
    rows = [p.row_number for p in caught.value.problems]
    assert rows == [3, 4, 5, 6, 7]
    assert "already appears in row 2" in messages[0]
    assert "outside 1–4" in messages[1]
    assert "ZZZ" in messages[3]
    assert services.maintenance.digest() == before
    assert services.inventory.systems() == []


def test_dry_run_changes_nothing(services: Services, login: Login, tmp_path: Path) -> None:
    before = services.maintenance.digest()
    summary = services.inventory.import_file(login("admin"), _csv(tmp_path, GOOD), dry_run=True)
    assert summary.dry_run and summary.created == 3
    assert services.maintenance.digest() == before


def test_reimport_is_idempotent_and_export_round_trips(services: Services, login: Login,
                                                       tmp_path: Path) -> None:
    admin = login("admin")
    services.inventory.import_file(admin, _csv(tmp_path, GOOD))
    again = services.inventory.import_file(admin, _csv(tmp_path, GOOD))
    assert (again.created, again.updated) == (0, 0)
    for suffix in ("csv", "xlsx"):
        exported = tmp_path / f"out.{suffix}"
        assert services.inventory.export_file(exported) == 3
        before = services.inventory.systems()
        summary = services.inventory.import_file(admin, exported)
        assert (summary.created, summary.updated) == (0, 0)
        assert services.inventory.systems() == before


def test_dependencies_dropped_from_the_file_are_marked_deleted(services: Services, login: Login,
                                                               tmp_path: Path) -> None:
    admin = login("admin")
    services.inventory.import_file(admin, _csv(tmp_path, GOOD))
    services.inventory.import_file(admin, _csv(tmp_path, GOOD.replace("A-1;A-2", "A-2")))
    systems = {s.code: s for s in services.inventory.systems()}
    assert systems["B-1"].depends_on == ("A-2",)


def test_import_needs_permission_and_a_file(services: Services, login: Login,
                                            tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="only the controller or administrator, or the system-failure"):
        services.inventory.import_file(login("press"), _csv(tmp_path, GOOD))
    with pytest.raises(ConsoleError, match="no file"):
        services.inventory.import_file(login("admin"), tmp_path / "missing.csv")


def _cli(db: Path, *args: str, user: str | None = "controller") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "console", "--db", str(db)]
    if user:
        command += ["--user", user]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "CONSOLE_PASSWORD": "demo"})


def test_cli_rejects_a_bad_file_with_row_numbers(demo_db: Path, tmp_path: Path) -> None:
    before = _cli(demo_db, "digest", user=None).stdout
    bad = _csv(tmp_path, HEADER + "SEO-0001,중복,행정국,서초 데이터센터,대시민,9,4,,\n")
    result = _cli(demo_db, "import-systems", str(bad))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    # Korean by default: the summary and every row problem.
    assert lines[0].startswith("error: inv.csv: 문제 1건이 있어 아무것도 가져오지 않았습니다")
    assert lines[1].strip().startswith("2행:") and "1~4 범위를 벗어납니다" in lines[1]
    english = _cli(demo_db, "--lang", "en", "import-systems", str(bad))
    lines = english.stderr.strip().splitlines()
    assert lines[0].startswith("error: inv.csv: 1 problem(s), nothing imported")
    assert "row 2" in lines[1] and "outside 1–4" in lines[1]
    assert _cli(demo_db, "digest", user=None).stdout == before
    garbage = tmp_path / "inv.csv"
    garbage.write_bytes(b"\xff\xfe\x00garbage\x81\x82")
    result = _cli(demo_db, "import-systems", str(garbage))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
