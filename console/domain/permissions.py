"""Who may do what: the one permission table, enforced by every service call."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.domain.enums import Role, Team
from console.domain.errors import PermissionDenied


class Action(StrEnum):
    def label(self, lang: str = "ko") -> str:
        """The verb phrase a refusal uses ("장애를 등록할" / "open an outage")."""
        return action_words(self, lang)


    CHANGE_CRISIS_LEVEL = "change_crisis_level"
    APPROVE_REPORT = "approve_report"
    DRAFT_REPORT = "draft_report"
    MANAGE_INCIDENT = "manage_incident"
    RUN_TASK_FORCE = "run_task_force"
    SET_REPORT_SCHEDULE = "set_report_schedule"
    OPEN_OUTAGE = "open_outage"
    CHANGE_OUTAGE = "change_outage"
    OVERRIDE_GRADE = "override_grade"
    ESTIMATE_RESTORATION = "estimate_restoration"
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
    SET_IDLE_LOCK = "set_idle_lock"
    DRAFT_NOTICE = "draft_notice"
    APPROVE_NOTICE = "approve_notice"
    ISSUE_NOTICE = "issue_notice"
    RUN_DRILL = "run_drill"
    MANAGE_CONTACTS = "manage_contacts"
    RECORD_LESSON = "record_lesson"
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

    def who(self) -> Who:
        """Who may act under this rule, as a refusal names them."""
        return Who(self)


def _rule(roles: set[Role], teams: set[Team] | frozenset[Team] = frozenset(),
          own: bool = False) -> Rule:
    return Rule(frozenset(roles), frozenset(teams), own)


PERMISSIONS: dict[Action, Rule] = {
    Action.CHANGE_CRISIS_LEVEL: _rule(set(COMMAND)),
    Action.APPROVE_REPORT: _rule(set(COMMAND)),
    Action.DRAFT_REPORT: _rule(set(COMMAND), {Team.SITUATION}),
    Action.MANAGE_INCIDENT: _rule(set(COMMAND) | {Role.ADMIN}),
    # Activation (대책본부 가동) and stand-down (해산): the commander or the controller.
    Action.RUN_TASK_FORCE: _rule({Role.COMMANDER, Role.CONTROLLER}),
    Action.SET_REPORT_SCHEDULE: _rule({Role.COMMANDER, Role.CONTROLLER}),
    Action.OPEN_OUTAGE: _rule(set(COMMAND) | {Role.ADMIN},
                              {Team.SITUATION, Team.SYSTEMS, Team.NETWORK}),
    Action.CHANGE_OUTAGE: _rule(set(COMMAND) | {Role.ADMIN},
                                {Team.SITUATION, Team.SYSTEMS, Team.NETWORK, Team.CONTINUITY}),
    Action.OVERRIDE_GRADE: _rule(set(COMMAND)),
    # The ETR is the responsible team's word: the teams that restore systems and lines.
    Action.ESTIMATE_RESTORATION: _rule(set(COMMAND) | {Role.ADMIN}, {Team.SYSTEMS, Team.NETWORK}),
    Action.ADD_TASK: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True),
    Action.EDIT_TASK: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True),
    Action.ADD_DECISION: _rule(set(COMMAND)),
    Action.ADD_LOG: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS, own=True),
    Action.VERIFY_LOG: _rule({Role.CONTROLLER, Role.COMMANDER, Role.DEPUTY}),
    Action.IMPORT_SYSTEMS: _rule({Role.ADMIN, Role.CONTROLLER}, {Team.SYSTEMS}),
    Action.MANAGE_USERS: _rule({Role.ADMIN}),
    Action.MANAGE_KEYS: _rule({Role.ADMIN}),
    Action.BACKUP: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS),
    Action.RESTORE: _rule({Role.ADMIN, Role.CONTROLLER}),
    Action.SYNC: _rule(set(COMMAND) | {Role.ADMIN}, ALL_TEAMS),
    Action.RESOLVE_CONFLICT: _rule(set(COMMAND) | {Role.ADMIN}),
    # How long an unattended window stays open: a security setting of the workstation.
    Action.SET_IDLE_LOCK: _rule({Role.ADMIN, Role.CONTROLLER}),
    # The press team words and records notices; a second person in command approves them
    # (services/notices.py refuses the drafter as approver).
    Action.DRAFT_NOTICE: _rule(set(COMMAND), {Team.PRESS}),
    Action.APPROVE_NOTICE: _rule(set(COMMAND)),
    Action.ISSUE_NOTICE: _rule(set(COMMAND), {Team.PRESS}),
    # The exercise controller runs the drill clock and sees the score; trainees do not.
    Action.RUN_DRILL: _rule({Role.COMMANDER, Role.CONTROLLER}),
    # The external contacts (국가정보자원관리원, 행정안전부, operators, vendors, 자치구) are
    # printed on the roster and the paper pack: command keeps that list.
    Action.MANAGE_CONTACTS: _rule({Role.COMMANDER, Role.CONTROLLER}),
    # Lessons and 재발방지 대책 go into the 최종(결과)보고: command records them.
    Action.RECORD_LESSON: _rule(set(COMMAND)),
    Action.READ: _rule(set(Role)),
}

# The verb phrase of each action: Korean ends where "수 있습니다" follows.
_ACTION_WORDS = {
    Action.CHANGE_CRISIS_LEVEL: ("위기경보 수준을 변경할", "change the crisis level"),
    Action.APPROVE_REPORT: ("상황보고를 승인할", "approve a situation report"),
    Action.DRAFT_REPORT: ("상황보고를 작성할", "draft a situation report"),
    Action.MANAGE_INCIDENT: ("사고를 관리할", "manage incidents"),
    Action.RUN_TASK_FORCE: ("대책본부를 가동하거나 해산할", "activate or stand down the task force"),
    Action.SET_REPORT_SCHEDULE: ("상황보고 일정을 정할", "set the report schedule"),
    Action.OPEN_OUTAGE: ("장애를 등록할", "open an outage"),
    Action.CHANGE_OUTAGE: ("장애 상태를 변경할", "change an outage"),
    Action.OVERRIDE_GRADE: ("장애등급을 조정할", "override a failure grade"),
    Action.ESTIMATE_RESTORATION: ("복구 예상 시각을 입력할", "give an estimated restoration time"),
    Action.ADD_TASK: ("이 반의 조치과제를 등록할", "add a task for this team"),
    Action.EDIT_TASK: ("이 반의 조치과제를 수정할", "edit this team's task"),
    Action.ADD_DECISION: ("결정사항을 기록할", "record a decision"),
    Action.ADD_LOG: ("이 반의 활동일지를 작성할", "write this team's activity log"),
    Action.VERIFY_LOG: ("주요 상황을 확인할", "verify a significant event"),
    Action.IMPORT_SYSTEMS: ("시스템 목록을 가져올", "import the system inventory"),
    Action.MANAGE_USERS: ("사용자를 관리할", "manage users"),
    Action.MANAGE_KEYS: ("단말 키와 단말 식별을 관리할", "manage workstation keys and identity"),
    Action.BACKUP: ("백업할", "make a backup"),
    Action.RESTORE: ("복원할", "restore a backup"),
    Action.SYNC: ("동기화할", "synchronise"),
    Action.RESOLVE_CONFLICT: ("충돌을 해소할", "resolve a conflict"),
    Action.SET_IDLE_LOCK: ("자동 잠금 시간을 설정할", "set the idle lock time"),
    Action.DRAFT_NOTICE: ("대시민 안내를 작성할", "draft a public notice"),
    Action.APPROVE_NOTICE: ("대시민 안내를 승인하거나 반려할", "approve or return a public notice"),
    Action.ISSUE_NOTICE: ("대시민 안내 발송을 기록할", "record a public notice as issued"),
    Action.RUN_DRILL: ("훈련을 진행하거나 채점을 볼", "run the drill or see its score"),
    Action.MANAGE_CONTACTS: ("외부 연락처를 관리할", "manage the external contacts"),
    Action.RECORD_LESSON: ("교훈 및 재발방지 대책을 기록할", "record a lesson"),
    Action.READ: ("조회할", "read"),
}


def action_words(action: Action, lang: str = "ko") -> str:
    ko, en = _ACTION_WORDS[action]
    return en if lang == "en" else ko


@dataclass(frozen=True)
class Who:
    """The roles and teams a rule allows, in the user's language: the table, read aloud."""

    rule: Rule

    def label(self, lang: str = "ko") -> str:
        en = lang == "en"
        roles = [role.label(lang) for role in Role if role in self.rule.roles]
        parts = []
        if roles:
            parts.append(f"the {_join([n.lower() for n in roles], lang)}" if en
                         else _join(roles, lang))
        teams = self.rule.teams
        if teams == ALL_TEAMS:
            team_text = ("members of its own team" if en else "해당 반") if self.rule.own_team_only \
                else ("any team" if en else "각 반")
        elif teams:
            names = [team.label(lang) for team in Team if team in teams]
            team_text = (f"the {_join([n.lower() for n in names], lang)} team" if en
                         else _join(names, lang))
        else:
            team_text = ""
        if team_text:
            parts.append(team_text)
        return (", or " if en else " 또는 ").join(parts)


def _join(names: list[str], lang: str) -> str:
    if lang != "en":
        return "·".join(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def allowed(role: Role, team: Team | None, action: Action, target_team: Team | None = None) -> bool:
    rule = PERMISSIONS[action]
    if role in rule.roles:
        return True
    if role not in TEAM_ROLES or team is None or team not in rule.teams:
        return False
    return not rule.own_team_only or target_team is None or target_team == team


def require(role: Role, team: Team | None, action: Action,
            target_team: Team | None = None) -> None:
    """Raise PermissionDenied with a sentence, generated from the table, naming who may."""
    if allowed(role, team, action, target_team):
        return
    raise PermissionDenied("permission.denied", who=PERMISSIONS[action].who(), action=action)
