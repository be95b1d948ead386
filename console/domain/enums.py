"""Reference data of the task force: roles, teams, areas, levels and statuses.

Every enum's value is the stable machine name used on the command line, in JSON and in the
database; ``label(lang)`` gives the Korean or English words people read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Self, cast

from console.domain.errors import UnknownValue


class _Labelled(StrEnum):
    """A StrEnum whose members carry Korean and English labels in ``_LABELS``."""

    @property
    def ko(self) -> str:
        return _LABELS[(type(self), self.value)][0]

    @property
    def en(self) -> str:
        return _LABELS[(type(self), self.value)][1]

    def label(self, lang: str = "ko") -> str:
        return self.ko if lang == "ko" else self.en

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the machine name, the Korean or the English label (case-insensitive)."""
        member = _lookup(cls).get(text.strip().casefold())
        if member is None:
            raise UnknownValue("enum.unknown", kind=_Kind(cls.__name__), value=text.strip(),
                               choices=", ".join(m.value for m in cls))
        return cast(Self, member)  # _lookup(cls) holds members of cls only


@dataclass(frozen=True)
class _Kind:
    """What an enum is called in a sentence ("반" / "team")."""

    name: str

    def label(self, lang: str = "ko") -> str:
        ko, en = _KIND_WORDS.get(self.name, (self.name, self.name))
        return en if lang == "en" else ko


@cache
def _lookup(cls: type[_Labelled]) -> dict[str, _Labelled]:
    """Every spelling of every member, built once per enum: imports parse thousands of cells."""
    table: dict[str, _Labelled] = {}
    for member in cls:
        for spelling in (member.value, member.ko, member.en):
            table.setdefault(spelling.casefold(), member)
    return table


class Role(_Labelled):
    COMMANDER = "commander"
    DEPUTY = "deputy"
    CONTROLLER = "controller"
    TEAM_LEAD = "team_lead"
    MEMBER = "member"
    OBSERVER = "observer"
    ADMIN = "admin"


class Team(_Labelled):
    SITUATION = "situation"
    SYSTEMS = "systems"
    NETWORK = "network"
    CONTINUITY = "continuity"
    PRESS = "press"


class DisasterArea(_Labelled):
    SYSTEM_FAILURE = "system_failure"
    RESOURCE_FAILURE = "resource_failure"
    NETWORK_FAILURE = "network_failure"
    PERSONAL_DATA = "personal_data"
    CYBER_SECURITY = "cyber_security"


class Cause(_Labelled):
    FIRE = "fire"
    POWER = "power"
    FLOOD = "flood"
    NETWORK = "network"
    CYBER = "cyber"
    OTHER = "other"


class CrisisLevel(_Labelled):
    """National crisis alert levels, in rising order."""

    INTEREST = "interest"
    CAUTION = "caution"
    ALERT = "alert"
    SERIOUS = "serious"

    @property
    def rank(self) -> int:
        return list(CrisisLevel).index(self)

    @property
    def colour(self) -> str:
        return _CRISIS_COLOURS[self]


class Category(_Labelled):
    CITIZEN = "citizen"
    INTERNAL = "internal"


class Scope(_Labelled):
    FULL = "full"
    PARTIAL = "partial"


class FacilityKind(_Labelled):
    CITY_DATA_CENTRE = "city_dc"
    NATIONAL_DATA_CENTRE = "national_dc"
    CLOUD = "cloud"
    OFFICE = "office"
    NETWORK = "network"


class OutageStatus(_Labelled):
    """down → degraded → workaround → restored → verified."""

    DOWN = "down"
    DEGRADED = "degraded"
    WORKAROUND = "workaround"
    RESTORED = "restored"
    VERIFIED = "verified"

    @property
    def is_restored(self) -> bool:
        return self in (OutageStatus.RESTORED, OutageStatus.VERIFIED)


class TaskStatus(_Labelled):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.CANCELLED)


class NoticeChannel(_Labelled):
    """Where a public notice goes out: the console records it, the channel's own system sends it."""

    CBS = "cbs"
    WEBSITE = "website"
    SNS = "sns"
    PRESS = "press"
    CALL_CENTRE = "call-centre"
    BRIEFING = "briefing"


class NoticeTier(_Labelled):
    """The 재난문자 tiers (standards/PROVENANCE.md)."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SAFETY = "safety"


class NoticeStatus(_Labelled):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    ISSUED = "issued"
    SUPERSEDED = "superseded"
    CANCELLED = "cancelled"


# The national blue, yellow, orange and red, spaced in lightness so that they stay apart
# under deuteranopia and in black-and-white print: light blue, pale yellow, dark orange, deep
# red (L* 71 / 94 / 50 / 19). The old saturated set (#1f6fd1 #f2c200 #f07c00 #d7191c) had
# blue and red at the same grey (L* 47 / 46) and yellow, orange and red close under
# deuteranopia (ΔE 17). tests/test_crisis_colours.py computes both checks.
_CRISIS_COLOURS = {
    CrisisLevel.INTEREST: "#74b4ee",
    CrisisLevel.CAUTION: "#fff04d",
    CrisisLevel.ALERT: "#c85000",
    CrisisLevel.SERIOUS: "#640012",
}

# Members of different enums can share a value (Team.NETWORK == Cause.NETWORK == "network"),
# so labels are keyed by (enum class, value), never by the member alone.
_LABEL_LIST: list[tuple[StrEnum, tuple[str, str]]] = [
    (Role.COMMANDER, ("본부장", "Commander")),
    (Role.DEPUTY, ("차장", "Deputy commander")),
    (Role.CONTROLLER, ("통제관", "Controller")),
    (Role.TEAM_LEAD, ("반장", "Team lead")),
    (Role.MEMBER, ("반원", "Team member")),
    (Role.OBSERVER, ("참관", "Observer")),
    (Role.ADMIN, ("관리자", "Administrator")),
    (Team.SITUATION, ("상황총괄반", "Situation control")),
    (Team.SYSTEMS, ("시스템장애조치반", "System-failure response")),
    (Team.NETWORK, ("통신장애조치반", "Network-failure response")),
    (Team.CONTINUITY, ("업무연속성반", "Business continuity")),
    (Team.PRESS, ("언론·홍보대응반", "Press and public information")),
    (DisasterArea.SYSTEM_FAILURE, ("정보시스템 장애", "Information-system failure")),
    (DisasterArea.RESOURCE_FAILURE, ("정보자원 장애", "Computing-resource failure")),
    (DisasterArea.NETWORK_FAILURE, ("정보통신망 장애", "Network failure")),
    (DisasterArea.PERSONAL_DATA, ("개인정보 사고", "Personal-data incident")),
    (DisasterArea.CYBER_SECURITY, ("사이버보안 사고", "Cyber-security incident")),
    (Cause.FIRE, ("화재", "Fire")),
    (Cause.POWER, ("정전", "Power cut")),
    (Cause.FLOOD, ("침수", "Flood")),
    (Cause.NETWORK, ("통신장애", "Network failure")),
    (Cause.CYBER, ("사이버공격", "Cyber attack")),
    (Cause.OTHER, ("기타", "Other")),
    (CrisisLevel.INTEREST, ("관심", "Interest")),
    (CrisisLevel.CAUTION, ("주의", "Caution")),
    (CrisisLevel.ALERT, ("경계", "Alert")),
    (CrisisLevel.SERIOUS, ("심각", "Serious")),
    (Category.CITIZEN, ("대시민", "Citizen-facing")),
    (Category.INTERNAL, ("내부행정", "Internal")),
    (Scope.FULL, ("전체", "Full")),
    (Scope.PARTIAL, ("부분", "Partial")),
    (FacilityKind.CITY_DATA_CENTRE, ("시 데이터센터", "City data centre")),
    (FacilityKind.NATIONAL_DATA_CENTRE, ("국가 데이터센터", "National data centre")),
    (FacilityKind.CLOUD, ("클라우드", "Cloud")),
    (FacilityKind.OFFICE, ("청사 전산실", "Office computer room")),
    (FacilityKind.NETWORK, ("통신망", "Network")),
    (OutageStatus.DOWN, ("중단", "Down")),
    (OutageStatus.DEGRADED, ("부분장애", "Degraded")),
    (OutageStatus.WORKAROUND, ("대체운영", "Workaround")),
    (OutageStatus.RESTORED, ("복구", "Restored")),
    (OutageStatus.VERIFIED, ("복구확인", "Verified")),
    (TaskStatus.OPEN, ("대기", "Open")),
    (TaskStatus.IN_PROGRESS, ("진행", "In progress")),
    (TaskStatus.BLOCKED, ("보류", "Blocked")),
    (TaskStatus.DONE, ("완료", "Done")),
    (TaskStatus.CANCELLED, ("취소", "Cancelled")),
    (NoticeChannel.CBS, ("재난문자", "Emergency text (CBS)")),
    (NoticeChannel.WEBSITE, ("누리집 배너", "Website banner")),
    (NoticeChannel.SNS, ("SNS 게시", "Social media post")),
    (NoticeChannel.PRESS, ("보도자료", "Press release")),
    (NoticeChannel.CALL_CENTRE, ("120 안내문", "120 call-centre script")),
    (NoticeChannel.BRIEFING, ("브리핑", "Briefing")),
    (NoticeTier.EMERGENCY, ("위급재난문자", "Emergency")),
    (NoticeTier.URGENT, ("긴급재난문자", "Urgent")),
    (NoticeTier.SAFETY, ("안전안내문자", "Safety")),
    (NoticeStatus.DRAFT, ("작성중", "Draft")),
    (NoticeStatus.SUBMITTED, ("승인요청", "Submitted")),
    (NoticeStatus.APPROVED, ("승인", "Approved")),
    (NoticeStatus.RETURNED, ("반려", "Returned")),
    (NoticeStatus.ISSUED, ("발송", "Issued")),
    (NoticeStatus.SUPERSEDED, ("대체됨", "Superseded")),
    (NoticeStatus.CANCELLED, ("취소", "Cancelled")),
]
_LABELS = {(type(member), member.value): words for member, words in _LABEL_LIST}

_KIND_WORDS = {
    "Role": ("역할", "role"),
    "Team": ("반", "team"),
    "DisasterArea": ("재난 분야", "disaster area"),
    "Cause": ("원인", "cause"),
    "CrisisLevel": ("위기경보 수준", "crisis level"),
    "Category": ("구분", "category"),
    "Scope": ("장애 범위", "scope"),
    "FacilityKind": ("시설 유형", "facility kind"),
    "OutageStatus": ("장애 상태", "outage status"),
    "TaskStatus": ("조치과제 상태", "task status"),
    "NoticeChannel": ("안내 채널", "notice channel"),
    "NoticeTier": ("재난문자 등급", "emergency-text tier"),
    "NoticeStatus": ("안내 상태", "notice status"),
}
