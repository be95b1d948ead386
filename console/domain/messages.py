"""What the program says to people, in Korean and English: one catalogue of coded sentences.

A refusal (``console.domain.errors``) or a problem found in a file carries a *code* and its
*parameters*, never finished words; the face that shows it (the CLI, the window) renders it in
the user's language with ``render(lang)``. ``CATALOGUE`` maps each code to its Korean and
English template, ``{name}`` placeholders filled from the parameters. A parameter that is an
enum member (status, role, team, …) or anything else with ``label(lang)`` is shown in that
language too; a nested ``Message`` is rendered in the same language. How to add one:
docs/errors.md.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from enum import Enum
from typing import Any

from console.domain.messages_cli import CLI_MESSAGES
from console.domain.messages_drill import DRILL_MESSAGES
from console.domain.messages_inventory import INVENTORY_MESSAGES
from console.domain.messages_live import LIVE_MESSAGES
from console.domain.messages_records import RECORD_MESSAGES
from console.domain.messages_reports import REPORT_MESSAGES
from console.domain.messages_sync import SYNC_HISTORY_MESSAGES
from console.domain.messages_transport import TRANSPORT_MESSAGES
from console.domain.messages_trust import TRUST_MESSAGES
from console.domain.messages_verify import VERIFY_MESSAGES

LANGS = ("ko", "en")


class Message:
    """A coded sentence: ``Message("system.unknown_code", code="X").render("ko")``."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params

    def render(self, lang: str = "ko") -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and other.code == self.code
                and other.params == self.params)

    def __hash__(self) -> int:
        return hash(self.code)


def localise(value: Any, lang: str) -> str:
    """A parameter's text in ``lang``: labels and nested messages in that language."""
    if hasattr(value, "render") and callable(value.render):
        return str(value.render(lang))
    if hasattr(value, "label") and callable(value.label):
        text = str(value.label(lang))
        # Enum labels are capitalised for table headings; in a sentence they are not.
        return text[:1].lower() + text[1:] if lang == "en" and isinstance(value, Enum) else text
    if isinstance(value, list | tuple | set | frozenset):
        items = [localise(item, lang) for item in value]
        return ", ".join(sorted(items) if isinstance(value, set | frozenset) else items)
    return str(value)


def render(code: str, params: Mapping[str, Any], lang: str = "ko") -> str:
    """The sentence for ``code`` in ``lang`` (Korean unless ``lang`` is 'en'). An unknown
    code or a missing parameter still gives one readable line (the code and what is known)."""
    templates = CATALOGUE.get(code)
    texts = {name: localise(value, lang) for name, value in params.items()}
    if templates is None:
        return " ".join([code, *(f"{k}={v}" for k, v in texts.items())])
    template = templates[1] if lang == "en" else templates[0]
    try:
        return template.format_map(texts)
    except (KeyError, IndexError, ValueError):
        return " ".join([template, *(f"{k}={v}" for k, v in texts.items())])


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template (for the catalogue's own test)."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


# code: (Korean, English). One line each, saying what to do differently. Keep the groups in
# the order of the layers that raise them; parameters as the raise sites name them.
CATALOGUE: dict[str, tuple[str, str]] = {
    "user.bad_name": (
        "사용자 이름 '{name}'은(는) 공백 없이 1~64자로 정하십시오",
        "user name '{name}' must be 1–64 characters without spaces"),
    "user.short_admin_password": (
        "관리자 비밀번호는 4자 이상이어야 합니다",
        "the admin password must have at least 4 characters"),
    "database.already_initialised": (
        "{path}은(는) 이미 초기화된 데이터베이스입니다",
        "{path} is already initialised"),
    "user.needs_team": (
        "{role}은(는) 소속 반을 지정해야 합니다",
        "a {role} needs a team"),
    "user.exists": (
        "사용자 '{name}'이(가) 이미 있습니다: 다른 이름을 쓰십시오",
        "user '{name}' already exists: choose another name"),
    "login.wrong": (
        "'{name}'의 사용자 이름 또는 비밀번호가 틀렸습니다",
        "wrong user name or password for '{name}'"),
    "backup.onto_database": (
        "백업 파일로 데이터베이스 자신을 덮어쓸 수 없습니다: 다른 경로를 지정하십시오",
        "the backup cannot overwrite the database itself: choose another path"),
    "outage.unknown_id": (
        "ID가 {id}인 장애가 없습니다",
        "no outage {id}"),
    "task.unknown_id": (
        "ID가 {id}인 조치과제가 없습니다",
        "no task {id}"),
    "demo.bad_scale": (
        "규모 {scale}은(는) 1~{max} 범위를 벗어납니다",
        "scale {scale} is outside 1–{max}"),
    "outage.unknown": (
        "'{reference}'에 해당하는 장애가 없습니다: 장애 ID나 시스템 코드를 입력하십시오",
        "no outage '{reference}' (give its id or its system's code)"),
    "outage.before_incident": (
        "장애 발생 시각은 사고 발생 시각보다 앞설 수 없습니다",
        "an outage cannot be detected before its incident started"),
    "outage.already_open": (
        "시스템 {code}에는 이미 진행 중인 장애 {id}가 있습니다: 그 장애의 상태를 변경하십시오",
        "system {code} already has an open outage {id}: change that outage's status"),
    "outage.bad_phase": (
        "복구 차수 {phase}은(는) 1~9 범위를 벗어납니다",
        "phase {phase} is outside 1–9"),
    "outage.change_before_detection": (
        "상태 변경 시각은 장애 발생 시각보다 앞설 수 없습니다",
        "a status change cannot come before the outage was detected"),
    "outage.already_status": (
        "장애가 이미 '{status}' 상태입니다",
        "outage is already {status}"),
    "outage.verify_unrestored": (
        "복구된 장애만 복구확인할 수 있습니다: 먼저 '복구'로 바꾸십시오",
        "only a restored outage can be verified: mark it restored first"),
    "estimate.restored": (
        "이미 복구된 장애에는 복구 예상 시각을 입력할 수 없습니다",
        "the outage is already restored: it needs no estimated restoration time"),
    "estimate.in_past": (
        "복구 예상 시각 {at}이(가) 이미 지났습니다: 앞으로의 시각을 입력하십시오",
        "the estimated restoration time {at} has passed already: give a time ahead"),
    "estimate.update_after_etr": (
        "다음 갱신 시각은 지금과 복구 예상 시각 사이여야 합니다",
        "the next update must fall between now and the estimated restoration time"),
    "forecast.bad_seed": (
        "시드 {seed}은(는) 0 이상의 정수여야 합니다",
        "seed {seed} must be a whole number of 0 or more"),
    "forecast.not_closed": (
        "사후 검증은 복구가 끝난 사고에서만 할 수 있습니다: 아직 복구되지 않은 장애가 있습니다",
        "a backtest needs an incident whose outages are all restored; some are still open"),
    "file.missing": (
        "파일 {path}이(가) 없습니다: 경로를 확인하십시오",
        "no file {path}"),
    "report.unknown": (
        "ID가 {id}인 상황보고가 없습니다",
        "no report {id}"),
    "report.already_issued": (
        "상황보고 {id}은(는) 이미 제{number}보로 발령되었습니다",
        "report {id} is already issued as report no. {number} (제{number}보)"),
    "printout.unknown": (
        "'{kind}'은(는) 없는 출력물 종류입니다({kinds} 중 하나를 고르십시오)",
        "unknown printout '{kind}' (one of {kinds})"),
    "pack.bad_settings": (
        "비상 출력 묶음은 간격 1분 이상, 보관 1부 이상으로 설정하십시오",
        "the pack needs an interval of 1+ minutes and keeps 1+ copies"),
    "pack.no_folder": (
        "비상 출력 폴더가 설정되지 않았습니다: 설정에서 폴더를 지정하십시오",
        "no fallback folder is set: choose one in the settings"),
    "incident.needs_title": (
        "사고 제목을 입력하십시오",
        "an incident needs a title"),
    "incident.level_needs_reason": (
        "위기경보 수준을 바꾸는 사유를 입력하십시오",
        "a crisis-level change needs a reason"),
    "incident.unknown": (
        "ID가 {id}인 사고가 없습니다",
        "no incident {id}"),
    "incident.none": (
        "아직 사고가 없습니다: 'incident open'으로 먼저 사고를 등록하십시오",
        "no incident yet: open one with 'incident open'"),
    "incident.closed": (
        "사고 '{title}'은(는) {at}에 종료(대책본부 해산)되었습니다: 새 사고를 등록하십시오",
        "incident '{title}' was closed (task force stood down) at {at}: open a new incident"),
    "incident.already_activated": (
        "대책본부가 이미 {at}에 가동되었습니다",
        "the task force was already activated at {at}"),
    "incident.activate_before_start": (
        "대책본부 가동 시각은 사고 발생 시각보다 앞설 수 없습니다",
        "the task force cannot be activated before the incident started"),
    "incident.close_needs_reason": (
        "대책본부 해산 사유를 입력하십시오",
        "a stand-down needs a reason"),
    "incident.close_before_activation": (
        "해산 시각은 대책본부 가동 시각({at})보다 앞설 수 없습니다",
        "the stand-down cannot come before the activation ({at})"),
    "schedule.bad_hours": (
        "보고 시각 '{hours}'이(가) 올바르지 않습니다: 0~23시를 쉼표로 구분하여 입력하십시오(예: 8,12,18)",
        "report hours '{hours}' are not valid: give hours 0–23 separated by commas (8,12,18)"),
    "schedule.bad_every": (
        "보고 간격 {every}시간은 {min}~{max}시간 범위를 벗어납니다",
        "a report every {every} h is outside {min}–{max} h"),
    "schedule.unreadable": (
        "보고 일정 '{text}'을(를) 읽을 수 없습니다",
        "cannot read the report schedule '{text}'"),
    "user.short_password": (
        "비밀번호는 4자 이상이어야 합니다",
        "a password needs at least 4 characters"),
    "user.last_admin": (
        "마지막 관리자 '{name}'은(는) 사용 중지할 수 없습니다",
        "'{name}' is the last administrator and cannot be disabled"),
    "user.already_disabled": (
        "사용자 '{name}'은(는) 이미 사용 중지되었습니다",
        "user '{name}' is already disabled"),
    "decision.needs_summary": (
        "결정사항의 요지를 입력하십시오",
        "a decision needs a summary"),
    "decision.unknown": (
        "정정할 결정사항 {id}이(가) 없습니다",
        "no decision {id} to correct"),
    "log.needs_text": (
        "활동일지 내용을 입력하십시오",
        "a log entry needs text"),
    "log.unknown": (
        "ID가 {id}인 활동일지가 없습니다",
        "no log entry {id}"),
    "log.verify_insignificant": (
        "주요 상황으로 표시된 활동일지만 확인할 수 있습니다",
        "only significant entries are verified"),
    "task.unknown": (
        "'{reference}'에 해당하는 조치과제가 없습니다: 조치과제 ID를 확인하십시오",
        "no task '{reference}'"),
    "user.unknown": (
        "사용자 '{name}'이(가) 없습니다: 사용자 이름을 확인하십시오",
        "no user '{name}'"),
    "task.needs_title": (
        "조치과제 제목을 입력하십시오",
        "a task needs a title"),
    "task.bad_priority": (
        "우선순위 {priority}은(는) 1~3 범위를 벗어납니다",
        "priority {priority} is outside 1–3"),
    "task.already_status": (
        "조치과제가 이미 '{status}' 상태입니다",
        "task is already {status}"),
    "task.closed": (
        "조치과제가 '{status}' 상태입니다: 먼저 '대기'로 다시 여십시오",
        "task is {status}: reopen it first"),
    "backup.cannot_write": (
        "백업을 {target}에 쓸 수 없습니다: {error}",
        "cannot write the backup to {target}: {error}"),
    "backup.failed_verification": (
        "백업 파일 검증에 실패했습니다: {finding}",
        "backup failed verification: {finding}"),
    "restore.refused": (
        "{file}은(는) 검증을 통과하지 못해 복원하지 않습니다: {finding}",
        "refusing to restore {file}: {finding}"),
    "database.missing": (
        "{path}에 데이터베이스가 없습니다: 'init' 또는 'demo'로 먼저 만드십시오",
        "no database at {path}: create one with 'init' or 'demo'"),
    "database.foreign": (
        "{path}은(는) 이 프로그램의 데이터베이스가 아닙니다: 다른 --db를 지정하십시오",
        "{path} is not a console database: choose another --db"),
    "database.empty": (
        "{path}은(는) 빈 파일이라 이 프로그램의 데이터베이스가 아닙니다: 다른 --db를 지정하거나 'init' 또는 'demo'로 새 파일에 만드십시오",
        "{path} is an empty file, not a console database: choose another --db, or make one in a new file with 'init' or 'demo'"),
    "database.newer": (
        "{path}은(는) 이 프로그램보다 새 버전이 만든 데이터베이스입니다(스키마 {revision}): 프로그램을 업그레이드하십시오",
        "{path} was made by a newer version of this program (schema {revision}): upgrade the program"),
    "database.busy": (
        "{path}에 다른 프로그램이 쓰고 있어 {seconds}초를 기다렸지만 쓰지 못했습니다(아무것도 바꾸지 않음): 잠시 후 다시 시도하십시오",
        "{path} is busy: another program is writing to it and did not finish within {seconds} s (nothing was changed); try again in a moment"),
    "database.read_only": (
        "{path}에 쓸 수 없습니다(파일 권한: 읽기 전용). 아무것도 바꾸지 않았습니다: 쓰기 권한을 받거나 쓸 수 있는 사본을 --db로 지정하십시오(조회는 됩니다)",
        "{path} cannot be written (file permissions: read-only); nothing was changed: get write permission, or give a writable copy as --db (reading works)"),
    "database.folder_read_only": (
        "{path}을(를) 열 수 없습니다: 폴더 {folder}에 쓸 수 없어(권한) 데이터베이스의 작업 파일(-wal, -shm)을 만들 수 없습니다. 폴더 쓰기 권한을 받거나 데이터베이스를 쓸 수 있는 폴더로 복사하십시오",
        "cannot open {path}: the folder {folder} cannot be written (permissions), and the database needs its working files (-wal, -shm) there; get write permission on the folder or copy the database to a writable one"),
    "database.unreadable": (
        "{path}을(를) 열 수 없습니다: 읽을 수 있는 SQLite 데이터베이스가 아닙니다",
        "cannot open {path}: not a readable SQLite database"),
    "time.out_of_range": (
        "시각 {time}은(는) 범위를 벗어납니다: {earliest}년부터 {latest}년 사이의 날짜를 쓰십시오",
        "time {time} is out of range: give a date between {earliest} and {latest}"),
    "time.in_future": (
        "시각 {time}(한국 시각)은 미래입니다: 기록 시각은 이 컴퓨터 시계보다 최대 5분까지만 앞설 수 있습니다",
        "time {time} (KST) lies in the future: a record can be dated at most 5 minutes ahead of this computer's clock"),
    "time.unreadable": (
        "시각 '{text}'을(를) 읽을 수 없습니다: 2025-09-27T18:00(한국 시각)이나 +09:00을 붙인 ISO 형식으로 쓰십시오",
        "cannot read time '{text}': use ISO form like 2025-09-27T18:00 (KST) or with +09:00"),
    "grade.out_of_range": (
        "장애등급 {grade}은(는) 1~4 범위를 벗어납니다",
        "failure grade {grade} is outside 1–4"),
    "grade.override_needs_reason": (
        "장애등급을 조정하려면 사유를 입력하십시오",
        "overriding the failure grade needs a reason"),
    "permission.denied": (
        "{who}만 {action} 수 있습니다",
        "only {who} may {action}"),
    "enum.unknown": (
        "'{value}'은(는) 알 수 없는 {kind}입니다({choices} 중 하나를 쓰십시오)",
        "unknown {kind} '{value}' (expected one of: {choices})"),
    "cli.unknown_view": (
        "알 수 없는 화면 '{view}'입니다(다음 중 하나: {views})",
        "unknown view '{view}' (one of: {views})"),
    "cli.no_password": (
        "비밀번호가 없습니다: CONSOLE_PASSWORD를 설정하거나 터미널에서 실행하십시오",
        "no password: set CONSOLE_PASSWORD or run in a terminal"),
    "cli.no_new_password": (
        "새 비밀번호가 없습니다: CONSOLE_NEW_PASSWORD를 설정하거나 터미널에서 실행하십시오",
        "no new password: set CONSOLE_NEW_PASSWORD or run in a terminal"),
    "cli.no_user": (
        "'{command}'은(는) 누가 했는지 기록합니다: 명령 앞에 --user 이름을 지정하십시오",
        "'{command}' records who did it: give --user NAME before it"),
    "cli.db_exists": (
        "{path}이(가) 이미 있습니다: 다른 --db를 지정하십시오",
        "{path} already exists: choose another --db"),
    "verify.findings": (
        "검사 결과 {path}에서 문제 {count}건을 찾았습니다",
        "verify found {count} problem(s) in {path}"),
    "report.reprint_differs": (
        "재출력본이 발령된 PDF와 다릅니다(sha256 {sha256}…, 발령본 {issued}…): 출력 프로그램이 바뀌었으며, 내용은 같은 스냅숏에서 나왔습니다",
        "the reprint differs from the issued PDF (sha256 {sha256}… , issued {issued}…): the renderer changed; the text comes from the same snapshot"),
    "notice.needs_text": (
        "안내 문안을 입력하십시오",
        "a notice needs text"),
    "notice.unknown": (
        "ID가 {id}인 대시민 안내가 없습니다",
        "no public notice {id}"),
    "notice.tier_cbs_only": (
        "재난문자 등급(--tier)은 재난문자(cbs) 채널에만 있습니다",
        "a tier (--tier) belongs to emergency texts (channel cbs) only"),
    "notice.needs_tier": (
        "재난문자에는 등급(--tier emergency|urgent|safety)이 필요합니다",
        "an emergency text needs a tier (--tier emergency|urgent|safety)"),
    "notice.too_long": (
        "문안이 {chars}자로 {limit}자 제한을 넘습니다({over}자 초과): 줄인 뒤 다시 제출하십시오",
        "the text has {chars} characters, over its limit of {limit} by {over}: shorten it and submit again"),
    "notice.needs_contact": (
        "재난문자에 문의처(120, 110 또는 119)가 없습니다",
        "the emergency text names no number to call (120, 110 or 119)"),
    "notice.bad_step": (
        "{status} 상태의 안내는 {step}할 수 없습니다",
        "a notice that is {status} cannot become {step}"),
    "notice.self_approval": (
        "작성자 본인은 승인할 수 없습니다: 본부장·차장·통제관 중 다른 사람이 승인해야 합니다",
        "the drafter cannot approve their own notice: another commander, deputy or controller must"),
    "notice.needs_reason": (
        "반려 사유(--reason)를 입력하십시오",
        "returning a notice needs a reason (--reason)"),
    "notice.duplicate": (
        "같은 지역·유형의 안내가 24시간 안에 이미 발송되었습니다({at}: \"{text}\"): 그래도 보내려면 --despite-duplicate를 지정하십시오",
        "a notice of the same area and type went out within 24 hours ({at}: \"{text}\"); give --despite-duplicate to submit it anyway"),
    "notice.not_approved": (
        "승인된 안내만 CAP로 내보낼 수 있습니다(현재: {status})",
        "only an approved notice exports as CAP (this one is {status})"),
    "notice.references_itself": (
        "안내 {id}은(는) 같은 사고의 발송된 안내가 아니어서 갱신·취소 대상이 될 수 없습니다",
        "notice {id} is not an issued notice of this incident, so it cannot be updated or cancelled"),
    "notice.issued_before_approval": (
        "발송 시각 {at}이(가) 승인 시각보다 앞섭니다",
        "the issue time {at} is before the approval"),
    "notice.status_page_not_written": (
        "단계는 기록했지만 공개 현황 페이지를 쓰지 못했습니다: {reason}",
        "the step is recorded, but the public status page was not written: {reason}"),
    "cap.invalid": (
        "CAP 1.2 검증에 실패했습니다: {reason}",
        "the CAP 1.2 alert does not validate: {reason}"),
    "database.no_users": (
        "데이터베이스에 아직 사용자가 없습니다: 먼저 'init' 또는 'demo'를 실행하십시오",
        "the database has no users yet: run 'init' or 'demo' first"),
}

CATALOGUE.update(TRANSPORT_MESSAGES)
CATALOGUE.update(VERIFY_MESSAGES)
CATALOGUE.update(INVENTORY_MESSAGES)
CATALOGUE.update(TRUST_MESSAGES)
CATALOGUE.update(DRILL_MESSAGES)
CATALOGUE.update(REPORT_MESSAGES)
CATALOGUE.update(SYNC_HISTORY_MESSAGES)
CATALOGUE.update(CLI_MESSAGES)
CATALOGUE.update(RECORD_MESSAGES)
CATALOGUE.update(LIVE_MESSAGES)
