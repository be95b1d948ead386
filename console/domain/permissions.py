"""Who may do what: the one permission table, enforced by every service call."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.enums import Role, Team
from console.domain.errors import PermissionDenied


class Action(StrEnum):
    CHANGE_CRISIS_LEVEL = "change_crisis_level"
    APPROVE_REPORT = "approve_report"
    DRAFT_REPORT = "draft_report"
    MANAGE_INCIDENT = "manage_incident"
    OPEN_OUTAGE = "open_outage"
    CHANGE_OUTAGE = "change_outage"
    OVERRIDE_GRADE = "override_grade"
    ADD_TASK = "add_task"
    EDIT_TASK = "edit_task"
    ADD_DECISION = "add_decision"
    ADD_LOG = "add_log"
    VERIFY_LOG = "verify_log"
    IMPORT_SYSTEMS = "import_systems"
    MANAGE_USERS = "manage_users"
    MANAGE_KEYS = "manage_keys"
    BACKUP = "backup"
    RESTORE = "restore"
    SYNC = "sync"
    RESOLVE_CONFLICT = "resolve_conflict"
    READ = "read"


COMMAND = frozenset({Role.COMMANDER, Role.DEPUTY, Role.CONTROLLER})
TEAM_ROLES = frozenset({Role.TEAM_LEAD, Role.MEMBER})
ALL_TEAMS = frozenset(Team)


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    """Roles that may act on anything."""
    teams: frozenset[Team] = frozenset()
    """Team members of these teams may act too…"""
    own_team_only: bool = False
    """…but only on their own team's records (a team edits its own tasks)."""
    who_ko: str = ""
    who_en: str = ""


def _rule(roles: set[Role], teams: set[Team] | frozenset[Team] = frozenset(),
          own: bool = False, ko: str = "", en: str = "") -> Rule:
    return Rule(frozenset(roles), frozenset(teams), own, ko, en)


_CMD_KO, _CMD_EN = "본부장·차장·통제관", "the commander, deputy or controller"

PERMISSIONS: dict[Action, Rule] = {
    Action.CHANGE_CRISIS_LEVEL: _rule(set(COMMAND), ko=_CMD_KO, en=_CMD_EN),
    Action.APPROVE_REPORT: _rule(set(COMMAND), ko=_CMD_KO, en=_CMD_EN),
    Action.DRAFT_REPORT: _rule(set(COMMAND), {Team.SITUATION},
                               ko=_CMD_KO + "·상황총괄반",
                               en="the command or the situation-control team"),
    Action.MANAGE_INCIDENT: _rule(set(COMMAND) | {Role.ADMIN}, ko=_CMD_KO, en=_CMD_EN),
    Action.OPEN_OUTAGE: _rule(set(COMMAND) | {Role.ADMIN},
                              {Team.SITUATION, Team.SYSTEMS, Team.NETWORK},
                              ko=_CMD_KO + "·상황총괄반·시스템장애조치반·통신장애조치반",
                              en="the command, situation, systems or network team"),
    Action.CHANGE_OUTAGE: _rule(set(COMMAND) | {Role.ADMIN},
                                {Team.SITUATION, Team.SYSTEMS, Team.NETWORK, Team.CONTINUITY},
                                ko=_CMD_KO + "·상황총괄반·장애조치반·업무연속성반",
                                en="the command, situation, response or continuity teams"),
    Action.OVERRIDE_GRADE: _rule(set(COMMAND), ko=_CMD_KO, en=_CMD_EN),
    Action.ADD_TASK: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True,
                           ko="지휘부 또는 해당 반", en="the command or the task's own team"),
    Action.EDIT_TASK: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True,
                            ko="지휘부 또는 해당 반", en="the command or the task's own team"),
    Action.ADD_DECISION: _rule(set(COMMAND), ko=_CMD_KO, en=_CMD_EN),
    Action.ADD_LOG: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True,
                          ko="지휘부 또는 해당 반", en="the command or that team"),
    Action.VERIFY_LOG: _rule({Role.CONTROLLER, Role.COMMANDER, Role.DEPUTY},
                             ko=_CMD_KO, en=_CMD_EN),
    Action.IMPORT_SYSTEMS: _rule({Role.ADMIN, Role.CONTROLLER}, {Team.SYSTEMS},
                                 ko="관리자·통제관·시스템장애조치반",
                                 en="the administrator, controller or systems team"),
    Action.MANAGE_USERS: _rule({Role.ADMIN}, ko="관리자", en="the administrator"),
    Action.MANAGE_KEYS: _rule({Role.ADMIN}, ko="관리자", en="the administrator"),
    Action.BACKUP: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS,
                         ko="참관자 외 모든 사용자", en="any user but an observer"),
    Action.RESTORE: _rule({Role.ADMIN, Role.CONTROLLER}, ko="관리자·통제관",
                          en="the administrator or controller"),
    Action.SYNC: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS,
                       ko="참관자 외 모든 사용자", en="any user but an observer"),
    Action.RESOLVE_CONFLICT: _rule(set(COMMAND) | {Role.ADMIN}, ko=_CMD_KO + "·관리자",
                                   en="the command or the administrator"),
    Action.READ: _rule(set(Role)),
}

_ACTION_WORDS = {
    Action.CHANGE_CRISIS_LEVEL: ("위기경보 수준을 변경", "change the crisis level"),
    Action.APPROVE_REPORT: ("상황보고를 승인", "approve a situation report"),
    Action.DRAFT_REPORT: ("상황보고를 작성", "draft a situation report"),
    Action.MANAGE_INCIDENT: ("사고를 관리", "manage incidents"),
    Action.OPEN_OUTAGE: ("장애를 등록", "open an outage"),
    Action.CHANGE_OUTAGE: ("장애 상태를 변경", "change an outage"),
    Action.OVERRIDE_GRADE: ("장애등급을 조정", "override a failure grade"),
    Action.ADD_TASK: ("이 반의 조치과제를 등록", "add a task for this team"),
    Action.EDIT_TASK: ("이 반의 조치과제를 수정", "edit this team's task"),
    Action.ADD_DECISION: ("결정사항을 기록", "record a decision"),
    Action.ADD_LOG: ("이 반의 활동일지를 작성", "write this team's activity log"),
    Action.VERIFY_LOG: ("주요 상황을 확인", "verify a significant event"),
    Action.IMPORT_SYSTEMS: ("시스템 목록을 가져오기", "import the system inventory"),
    Action.MANAGE_USERS: ("사용자를 관리", "manage users"),
    Action.MANAGE_KEYS: ("단말 키와 단말 식별을 관리", "manage workstation keys and identity"),
    Action.BACKUP: ("백업", "make a backup"),
    Action.RESTORE: ("복원", "restore a backup"),
    Action.SYNC: ("동기화", "synchronise"),
    Action.RESOLVE_CONFLICT: ("충돌을 해소", "resolve a conflict"),
    Action.READ: ("조회", "read"),
}


def allowed(role: Role, team: Team | None, action: Action, target_team: Team | None = None) -> bool:
    rule = PERMISSIONS[action]
    if role in rule.roles:
        return True
    if role not in TEAM_ROLES or team is None or team not in rule.teams:
        return False
    return not rule.own_team_only or target_team is None or target_team == team


def require(role: Role, team: Team | None, action: Action, target_team: Team | None = None,
            lang: str = "en") -> None:
    """Raise PermissionDenied with a sentence that names who may do it."""
    if allowed(role, team, action, target_team):
        return
    rule = PERMISSIONS[action]
    ko, en = _ACTION_WORDS[action]
    if lang == "ko":
        raise PermissionDenied(f"{rule.who_ko}만 {ko}할 수 있습니다")
    raise PermissionDenied(f"only {rule.who_en} may {en}")
