"""Service rules on real SQLite files: permissions, authorship, derived status, invariants."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from console.domain.enums import Category, CrisisLevel, OutageStatus, TaskStatus, Team
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.services.app import Services
from console.services.context import Actor
from console.services.inventory import SystemRow
from console.services.inventory_writer import write_inventory
from console.store.models import Outage, OutageEvent
from tests.conftest import FakeClock

Login = Callable[[str], Actor]


def _system(code: str, facility: str = "서초 데이터센터", depends: tuple[str, ...] = (),
            category: Category = Category.CITIZEN, grade: int = 2) -> SystemRow:
    return SystemRow(id="", code=code, name=f"시스템 {code}", department="행정국",
                     facility=facility, facility_kind="", category=category, grade=grade,
                     rto_hours=4, rpo_hours=1, alternative_means="수기 접수", depends_on=depends)


@pytest.fixture
def inventory(services: Services, login: Login, tmp_path: Path) -> Services:
    path = tmp_path / "inv.csv"
    write_inventory(path, [
        _system("NAT-1", "국가정보자원관리원"), _system("SEO-1", depends=("NAT-1",)),
        _system("SEO-2", depends=("SEO-1",)), _system("SEO-3", category=Category.INTERNAL),
    ])
    services.inventory.import_file(login("admin"), path)
    return services


def test_wrong_password_is_refused_without_saying_which_part(services: Services) -> None:
    with pytest.raises(PermissionDenied, match="wrong user name or password"):
        services.accounts.login("systems", "nope")
    with pytest.raises(PermissionDenied, match="wrong user name or password"):
        services.accounts.login("ghost", "nope")


def test_passwords_are_salted_slow_hashes(services: Services) -> None:
    hashes = [u.password_hash for u in services.accounts.users()]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert len(set(hashes)) == len(hashes)


def test_outage_lifecycle_records_author_and_time(inventory: Services, login: Login,
                                                  clock: FakeClock) -> None:
    systems = login("systems")
    outage_id = inventory.outages.open(systems, "SEO-1", note="응답 없음").first_id
    clock.advance(hours=2)
    inventory.outages.change_status(systems, outage_id, OutageStatus.WORKAROUND, note="수기")
    clock.advance(hours=3)
    inventory.outages.change_status(systems, outage_id, OutageStatus.RESTORED, phase=1)
    [row] = inventory.outages.list()
    # Alternative means ran from the workaround until the restoration ended them.
    assert (row.code, row.status, row.phase, row.alternative_active, row.alternative_used) == (
        "SEO-1", "restored", 1, False, True)
    assert row.restored_at == clock.moment
    with inventory.db.sessions() as session:
        outage = session.get(Outage, outage_id)
        assert outage is not None and outage.updated_by == systems.user_id
        events = session.query(OutageEvent).filter_by(outage_id=outage_id).all()
        assert {e.author_id for e in events} == {systems.user_id}
        assert {e.workstation_id for e in events} == {systems.workstation_id}
    assert inventory.maintenance.verify() == []


def test_outage_rules(inventory: Services, login: Login, clock: FakeClock) -> None:
    systems = login("systems")
    outage_id = inventory.outages.open(systems, "SEO-1").first_id
    with pytest.raises(ValidationError, match="already has an open outage"):
        inventory.outages.open(systems, "SEO-1")
    with pytest.raises(ValidationError, match="only a restored outage can be verified"):
        inventory.outages.change_status(systems, outage_id, OutageStatus.VERIFIED)
    with pytest.raises(ValidationError, match="already down"):
        inventory.outages.change_status(systems, outage_id, OutageStatus.DOWN)
    with pytest.raises(NotFound, match="no system with code 'NOPE'"):
        inventory.outages.open(systems, "NOPE")
    with pytest.raises(PermissionDenied, match="only the command"):
        inventory.outages.open(login("press"), "SEO-2")
    with pytest.raises(PermissionDenied):
        inventory.outages.open(login("observer"), "SEO-2")


def test_outages_reached_by_system_code(inventory: Services, login: Login) -> None:
    systems = login("systems")
    outage_id = inventory.outages.open(systems, "SEO-2").first_id
    changes = inventory.outages.change_status(systems, "SEO-2", OutageStatus.RESTORED)
    assert changes.first_id == outage_id


def test_same_outage_on_two_workstations_gets_one_id(tmp_path: Path, login: Login,
                                                     inventory: Services) -> None:
    """The natural key: a system going down in an incident is one record, wherever entered."""
    systems = login("systems")
    first = inventory.outages.open(systems, "SEO-3").first_id
    inventory.outages.change_status(systems, first, OutageStatus.RESTORED)
    second = inventory.outages.open(systems, "SEO-3").first_id
    assert first != second
    rows = {r.id: r for r in inventory.outages.list()}
    assert rows[first].status == "restored" and rows[second].status == "down"


def test_failure_grade_grows_with_duration_and_override_needs_reason(
        inventory: Services, login: Login, clock: FakeClock) -> None:
    outage_id = inventory.outages.open(login("systems"), "SEO-3").first_id
    [row] = inventory.outages.list()
    assert row.grade == 2
    clock.advance(hours=25)
    [row] = inventory.outages.list()
    assert row.grade == 1
    with pytest.raises(ValidationError, match="needs a reason"):
        inventory.outages.override_grade(login("controller"), outage_id, 3, "")
    with pytest.raises(PermissionDenied):
        inventory.outages.override_grade(login("systems"), outage_id, 3, "원복")
    inventory.outages.override_grade(login("controller"), outage_id, 3, "내부 전용, 영향 적음")
    [row] = inventory.outages.list()
    assert row.grade == 3


def test_tasks_belong_to_teams(inventory: Services, login: Login, clock: FakeClock) -> None:
    systems, press = login("systems"), login("press")
    outage_id = inventory.outages.open(systems, "SEO-1").first_id
    task_id = inventory.tasks.add(systems, Team.SYSTEMS, "DB 복구", outage=outage_id,
                                  due=clock.moment, assignee="systems").first_id
    with pytest.raises(PermissionDenied, match="own team"):
        inventory.tasks.add(systems, Team.PRESS, "보도자료")
    with pytest.raises(PermissionDenied, match="own team"):
        inventory.tasks.change_status(press, task_id, TaskStatus.DONE)
    with pytest.raises(PermissionDenied):
        inventory.tasks.edit(systems, task_id, team=Team.PRESS)
    clock.advance(minutes=1)
    [row] = inventory.tasks.list()
    assert row.overdue and row.outage_ids == (outage_id,)
    inventory.tasks.change_status(systems, task_id, TaskStatus.IN_PROGRESS)
    inventory.tasks.change_status(systems, task_id, TaskStatus.DONE, note="완료")
    with pytest.raises(ValidationError, match="reopen"):
        inventory.tasks.change_status(systems, task_id, TaskStatus.BLOCKED)
    inventory.tasks.edit(login("controller"), task_id, title="DB 복구(완료)", team=Team.NETWORK)
    [row] = inventory.tasks.list()
    assert (row.title, row.team, row.status, row.overdue) == ("DB 복구(완료)", "network",
                                                              "done", False)
    assert inventory.maintenance.verify() == []


def test_decisions_are_append_only_and_command_only(inventory: Services, login: Login,
                                                    clock: FakeClock) -> None:
    inventory.outages.open(login("systems"), "SEO-1")
    with pytest.raises(PermissionDenied, match="only the commander, deputy commander or controller"):
        inventory.journal.add_decision(login("systems"), "수기접수 전환")
    first = inventory.journal.add_decision(login("commander"), "수기접수 전환", "민원 지속").first_id
    clock.advance(minutes=5)
    inventory.journal.add_decision(login("controller"), "수기접수 전환(정정)", corrects=first)
    newest, oldest = inventory.journal.decisions()
    assert newest.corrects_id == first and oldest.summary == "수기접수 전환"


def test_log_significant_entries_are_verified_by_the_controller(inventory: Services,
                                                                login: Login) -> None:
    inventory.outages.open(login("systems"), "SEO-1")
    plain = inventory.journal.add_log(login("press"), Team.PRESS, "브리핑 준비").first_id
    key = inventory.journal.add_log(login("press"), Team.PRESS, "재난문자 발송", True).first_id
    with pytest.raises(PermissionDenied):
        inventory.journal.add_log(login("press"), Team.SYSTEMS, "남의 반 일지")
    with pytest.raises(PermissionDenied):
        inventory.journal.verify_log(login("press"), key)
    with pytest.raises(ValidationError, match="only significant"):
        inventory.journal.verify_log(login("controller"), plain)
    inventory.journal.verify_log(login("controller"), key)
    verified = {e.id: e.verified for e in inventory.journal.log()}
    assert verified == {plain: False, key: True}


def test_crisis_level_changes_only_through_command(inventory: Services, login: Login) -> None:
    inventory.outages.open(login("systems"), "SEO-1")
    with pytest.raises(PermissionDenied):
        inventory.incidents.change_level(login("situation"), CrisisLevel.SERIOUS, "확산")
    inventory.incidents.change_level(login("commander"), CrisisLevel.SERIOUS, "확산")
    [incident] = inventory.incidents.list()
    assert incident.crisis_level == "serious"
    assert inventory.maintenance.verify() == []


def test_facility_down_follows_the_dependency_graph(inventory: Services) -> None:
    affected = inventory.inventory.affected_by_facility("국가정보자원관리원")
    assert [s.code for s in affected] == ["NAT-1", "SEO-1", "SEO-2"]


def test_verify_finds_a_tampered_status(inventory: Services, login: Login) -> None:
    outage_id = inventory.outages.open(login("systems"), "SEO-1").first_id
    with sqlite3.connect(inventory.db.path) as raw:
        raw.execute("UPDATE outage SET status = 'verified' WHERE id = ?", (outage_id,))
    findings = inventory.maintenance.verify()
    assert findings and "differs from its events" in findings[0]
    assert outage_id in findings[0] and "status" in findings[0]
