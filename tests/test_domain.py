"""Pure domain rules: grading, permissions, reference data, time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.domain.clock import format_elapsed, format_hours, format_kst, parse_time
from console.domain.enums import Category, CrisisLevel, OutageStatus, Role, Scope, Team
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.grading import default_rules, effective_grade, failure_grade
from console.domain.ids import natural_id, new_id
from console.domain.permissions import PERMISSIONS, Action, allowed, require


@pytest.mark.parametrize(
    ("importance", "category", "scope", "hours", "expected"),
    [
        (1, Category.CITIZEN, Scope.FULL, 0, 1),
        (2, Category.CITIZEN, Scope.FULL, 0, 1),
        (2, Category.INTERNAL, Scope.FULL, 0, 2),
        (2, Category.INTERNAL, Scope.PARTIAL, 0, 3),
        (4, Category.INTERNAL, Scope.PARTIAL, 0, 4),
        (3, Category.INTERNAL, Scope.FULL, 23.9, 3),
        (3, Category.INTERNAL, Scope.FULL, 24, 2),
        (3, Category.INTERNAL, Scope.FULL, 72, 1),
        (4, Category.CITIZEN, Scope.PARTIAL, 100, 2),
    ],
)
def test_default_failure_grade(importance: int, category: Category, scope: Scope,
                               hours: float, expected: int) -> None:
    assert failure_grade(default_rules(), importance, category, scope, hours) == expected


def test_grade_table_is_complete_and_in_range() -> None:
    rules = default_rules()
    assert len(rules) == 4 * 2 * 2 * 3
    assert {r.failure_grade for r in rules} <= {1, 2, 3, 4}


def test_a_configured_table_wins_over_defaults() -> None:
    from console.domain.grading import GradeRule

    rules = [GradeRule(3, Category.CITIZEN, Scope.FULL, 0, 4), GradeRule(3, Category.CITIZEN,
                                                                         Scope.FULL, 2, 1)]
    assert failure_grade(rules, 3, Category.CITIZEN, Scope.FULL, 1) == 4
    assert failure_grade(rules, 3, Category.CITIZEN, Scope.FULL, 5) == 1
    assert failure_grade([], 3, Category.CITIZEN, Scope.FULL, 5) == 3


def test_override_needs_a_reason() -> None:
    assert effective_grade(3, None, "") == 3
    assert effective_grade(3, 1, "시장 지시") == 1
    with pytest.raises(ValidationError, match="reason"):
        effective_grade(3, 1, "  ")
    with pytest.raises(ValidationError, match="outside"):
        effective_grade(3, 5, "x")


def test_only_command_changes_crisis_level_or_approves() -> None:
    for role in Role:
        expected = role in (Role.COMMANDER, Role.DEPUTY, Role.CONTROLLER)
        assert allowed(role, None, Action.CHANGE_CRISIS_LEVEL) is expected
        assert allowed(role, Team.SITUATION, Action.APPROVE_REPORT) is expected


def test_a_team_edits_only_its_own_tasks() -> None:
    assert allowed(Role.TEAM_LEAD, Team.SYSTEMS, Action.EDIT_TASK, Team.SYSTEMS)
    assert not allowed(Role.TEAM_LEAD, Team.SYSTEMS, Action.EDIT_TASK, Team.PRESS)
    assert allowed(Role.CONTROLLER, None, Action.EDIT_TASK, Team.PRESS)


def test_observer_only_reads() -> None:
    for action in Action:
        assert allowed(Role.OBSERVER, None, action) is (action is Action.READ)


def test_denial_names_who_may() -> None:
    with pytest.raises(PermissionDenied, match="only the commander, deputy commander or "
                                               "controller may change the crisis level"):
        require(Role.TEAM_LEAD, Team.SYSTEMS, Action.CHANGE_CRISIS_LEVEL)
    with pytest.raises(PermissionDenied) as denied:
        require(Role.OBSERVER, None, Action.CHANGE_CRISIS_LEVEL)
    assert denied.value.render("ko") == "본부장·차장·통제관만 위기경보 수준을 변경할 수 있습니다"


def test_denial_lists_exactly_the_roles_and_teams_the_table_allows() -> None:
    """The "who may" sentence is read off the table: every allowed role and team, no other
    (the administrator too, where the table lets them act)."""
    for action, rule in PERMISSIONS.items():
        if action is Action.READ:
            continue
        with pytest.raises(PermissionDenied) as denied:
            require(Role.OBSERVER, None, action)
        for lang in ("ko", "en"):
            text = denied.value.render(lang)
            who = text.split("만 ")[0] if lang == "ko" else text.split(" may ")[0]
            for role in Role:
                name = role.label(lang) if lang == "ko" else role.label(lang).lower()
                assert (name in who) is (role in rule.roles), (action, lang, role, text)
            for team in Team:
                if rule.teams and rule.teams != frozenset(Team):
                    name = team.label(lang) if lang == "ko" else team.label(lang).lower()
                    assert (name in who) is (team in rule.teams), (action, lang, team, text)
    with pytest.raises(PermissionDenied) as denied:
        require(Role.OBSERVER, None, Action.OPEN_OUTAGE)
    assert denied.value.render("ko") == ("본부장·차장·통제관·관리자 또는 상황총괄반·시스템장애조치반·"
                                         "통신장애조치반만 장애를 등록할 수 있습니다")


def test_every_action_has_a_rule() -> None:
    assert set(PERMISSIONS) == set(Action)


def test_reference_data_speaks_korean() -> None:
    assert [c.ko for c in CrisisLevel] == ["관심", "주의", "경계", "심각"]
    assert [t.ko for t in Team] == ["상황총괄반", "시스템장애조치반", "통신장애조치반",
                                    "업무연속성반", "언론·홍보대응반"]
    assert OutageStatus.parse("복구") is OutageStatus.RESTORED
    assert Category.parse(" 대시민 ") is Category.CITIZEN
    assert Team.parse("systems") is Team.SYSTEMS
    with pytest.raises(ValueError, match="unknown team 'kitchen'") as unknown:
        Team.parse("kitchen")
    assert unknown.value.render("ko").startswith("'kitchen'은(는) 알 수 없는 반입니다")


def test_times_are_kst_by_default() -> None:
    moment = parse_time("2025-09-27T18:00")
    assert moment == datetime(2025, 9, 27, 9, 0, tzinfo=UTC)
    assert parse_time("2025-09-27T09:00Z") == moment
    assert format_kst(moment) == "2025. 9. 27.(토) 18:00"
    assert format_kst(moment, "en") == "2025-09-27 18:00"
    assert format_elapsed(moment - parse_time("2025-09-26T20:20")) == "21시간 40분"
    with pytest.raises(ValidationError, match="cannot read time"):
        parse_time("yesterday")


def test_ids() -> None:
    first, second = new_id(), new_id()
    assert first != second and first[14] == "7"
    assert natural_id("department", "행정국") == natural_id("department", " 행정국 ")
    assert natural_id("department", "행정국") != natural_id("facility", "행정국")


def test_the_indexed_table_grades_like_the_plain_rules() -> None:
    from console.domain.grading import GradeTable

    rules = default_rules()
    table = GradeTable(rules)
    for importance in range(1, 5):
        for category in Category:
            for scope in Scope:
                for hours in (0, 5, 23.99, 24, 50, 72, 500):
                    assert table.grade(importance, category, scope, hours) == failure_grade(
                        list(rules), importance, category, scope, hours)


def test_hours_as_the_official_documents_write_them() -> None:
    """RTO and RPO everywhere (tables, detail panes, printouts) from one rule: "4시간"."""
    assert [format_hours(h) for h in (4, 0.5, 24.0)] == ["4시간", "0.5시간", "24시간"]
    assert format_hours(4, "en") == "4 h"
