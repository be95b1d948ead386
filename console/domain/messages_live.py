"""The catalogue's sentences about running a live incident from the command line (issue 12;
console.domain.messages merges them)."""

from __future__ import annotations

LIVE_MESSAGES: dict[str, tuple[str, str]] = {
    "situation.unknown_department": (
        "이 사건에 '{department}' 부서의 장애가 없습니다(있는 부서: {known})",
        "no outage of this incident is in the department '{department}' (departments: {known})"),
    "situation.unknown_facility": (
        "이 사건에 '{facility}' 시설의 장애가 없습니다(있는 시설: {known})",
        "no outage of this incident is in the facility '{facility}' (facilities: {known})"),
    "task.due_and_no_due": (
        "기한을 정하면서 지울 수는 없습니다",
        "a due time cannot be set and cleared at once"),
}
