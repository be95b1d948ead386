"""Public notices: counting as the 재난문자 rules count, tier limits, second-person approval,
the 24-hour duplicate warning, and the life of a notice as the CLI and the board read it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from console.domain import notices as rules
from console.domain.enums import Cause, DisasterArea, NoticeChannel, NoticeStatus, NoticeTier
from console.domain.errors import PermissionDenied, ValidationError
from console.services.app import Services
from console.services.context import Actor
from console.store.models import AuditEvent, Decision, Setting
from tests.conftest import FakeClock

Login = Callable[[str], Actor]
FIRST = ("[서울시] 국가정보자원관리원 화재로 9.27.(토) 오전부터 일부 시 온라인 민원이 "
         "중단되었습니다. 구청·동주민센터 방문 접수 가능. 문의 120")


@pytest.mark.parametrize(("text", "count"), [
    ("", 0),
    ("가나다", 3),
    ("서울 시청", 5),              # the space counts
    ("문의 120", 6),               # digits one each
    ("a b\nc", 5),                 # a line break counts too
    ("👍", 1),
    ("👍🏽", 1),                    # skin tone joins its emoji
    ("👨‍👩‍👧", 1),                    # a ZWJ family is one picture
    ("🇰🇷", 1),                    # a flag is two regional indicators
    ("❤️", 1),                     # heart with its variation selector
    ("\u1100\u1161\u11a8", 1),     # 각 typed as three jamo
])
def test_characters_count_as_a_handset_shows_them(text: str, count: int) -> None:
    assert rules.count_chars(text) == count


def test_limits_by_tier_and_evacuation() -> None:
    cbs = NoticeChannel.CBS
    assert rules.char_limit(cbs, NoticeTier.EMERGENCY, "x") == 90
    assert rules.char_limit(cbs, NoticeTier.URGENT, "x") == 90
    assert rules.char_limit(cbs, NoticeTier.SAFETY, "x") == 157
    assert rules.char_limit(cbs, NoticeTier.SAFETY, "○○동 주민은 대피하십시오") == 90
    assert rules.char_limit(NoticeChannel.WEBSITE, None, "x" * 500) is None


def _incident(services: Services, login: Login) -> str:
    return services.incidents.open(login("commander"), "데이터센터 화재",
                                   DisasterArea.RESOURCE_FAILURE, Cause.FIRE).first_id


def _draft(services: Services, login: Login, text: str = FIRST, area: str = "서울특별시",
           tier: NoticeTier = NoticeTier.SAFETY, **kw: object) -> str:
    return services.notices.draft(login("press"), NoticeChannel.CBS, text, tier, area,
                                  text_en="[Seoul] Some online services are down. Call 120.",
                                  **kw).first_id  # type: ignore[arg-type]


def _send(services: Services, login: Login, notice_id: str, **kw: bool) -> None:
    services.notices.submit(login("press"), notice_id, **kw)
    services.notices.approve(login("controller"), notice_id)
    services.notices.issued(login("press"), notice_id)


def test_life_of_a_notice_each_step_recorded(services: Services, login: Login,
                                             clock: FakeClock) -> None:
    _incident(services, login)
    notice = _draft(services, login)
    assert services.notices.get(notice).status is NoticeStatus.DRAFT
    services.notices.submit(login("press"), notice)
    services.notices.return_(login("controller"), notice, "문의처를 앞에")
    row = services.notices.get(notice)
    assert (row.status, row.reason) == (NoticeStatus.RETURNED, "문의처를 앞에")
    services.notices.revise(login("press"), notice, "문의 120. " + FIRST[:-7])
    clock.advance(minutes=3)
    _send(services, login, notice)
    row = services.notices.get(notice)
    assert (row.status, row.version, row.approved_by) == (NoticeStatus.ISSUED, 2, "controller")
    assert row.issued_at == clock()
    with services.db.sessions() as session:
        actions = [a for (a,) in session.query(AuditEvent.action)
                   .filter(AuditEvent.target == notice)]
        decisions = session.query(Decision).filter(Decision.links == f"public_notice:{notice}")
        assert decisions.count() == 1
    assert actions == ["notice.draft", "notice.submitted", "notice.returned", "notice.revise",
                       "notice.submitted", "notice.approved", "notice.issued"]


def test_over_the_limit_cannot_be_submitted(services: Services, login: Login) -> None:
    _incident(services, login)
    notice = _draft(services, login, "가" * 88 + " 120", tier=NoticeTier.URGENT)
    assert services.notices.get(notice).chars == 92
    with pytest.raises(ValidationError) as refused:
        services.notices.submit(login("press"), notice)
    assert refused.value.code == "notice.too_long"
    assert refused.value.params == {"chars": 92, "limit": 90, "over": 2}
    assert services.notices.get(notice).status is NoticeStatus.DRAFT
    safety = _draft(services, login, "가" * 88 + " 120", area="종로구")
    services.notices.submit(login("press"), safety)  # 157 for 안전안내
    assert services.notices.get(safety).status is NoticeStatus.SUBMITTED


def test_text_without_a_number_to_call_is_refused(services: Services, login: Login) -> None:
    _incident(services, login)
    notice = _draft(services, login, "시 누리집이 중단되었습니다")
    with pytest.raises(ValidationError) as refused:
        services.notices.submit(login("press"), notice)
    assert refused.value.code == "notice.needs_contact"


def test_approval_by_another_person_in_command_only(services: Services, login: Login) -> None:
    _incident(services, login)
    own = services.notices.draft(login("controller"), NoticeChannel.WEBSITE, "누리집 배너 120"
                                 ).first_id
    services.notices.submit(login("controller"), own)
    with pytest.raises(PermissionDenied) as refused:
        services.notices.approve(login("controller"), own)
    assert refused.value.code == "notice.self_approval"
    with pytest.raises(PermissionDenied) as refused:
        services.notices.approve(login("press"), own)
    assert refused.value.code == "permission.denied"
    services.notices.approve(login("commander"), own)
    assert services.notices.get(own).status is NoticeStatus.APPROVED


def test_self_approval_only_in_an_exercise(services: Services, login: Login) -> None:
    _incident(services, login)
    with services.db.transaction() as session:
        session.add(services.notices.new_entity(
            Setting(key="database.exercise", value="true"), None, services.notices.now()))
    notice = services.notices.draft(login("commander"), NoticeChannel.SNS, "SNS 게시 120"
                                    ).first_id
    services.notices.submit(login("commander"), notice)
    services.notices.approve(login("commander"), notice)
    row = services.notices.get(notice)
    assert row.status is NoticeStatus.APPROVED
    assert row.text.startswith("[훈련] ")


def test_press_drafts_the_observer_may_not(services: Services, login: Login) -> None:
    _incident(services, login)
    with pytest.raises(PermissionDenied):
        services.notices.draft(login("systems"), NoticeChannel.SNS, "x 120")
    with pytest.raises(PermissionDenied):
        services.notices.draft(login("observer"), NoticeChannel.SNS, "x 120")


def test_duplicate_within_24_hours_warns_and_needs_confirmation(
        services: Services, login: Login, clock: FakeClock) -> None:
    _incident(services, login)
    first = _draft(services, login)
    _send(services, login, first)
    clock.advance(hours=23)
    again = _draft(services, login, FIRST.replace("오전부터", "아침부터"))
    with pytest.raises(ValidationError) as refused:
        services.notices.submit(login("press"), again)
    assert refused.value.code == "notice.duplicate"
    assert refused.value.params["text"] == FIRST
    assert [r.id for r in services.notices.duplicates_of(again)] == [first]
    other_area = _draft(services, login, area="강남구")
    services.notices.submit(login("press"), other_area)  # another area is no duplicate
    services.notices.submit(login("press"), again, despite_duplicate=True)
    assert services.notices.get(again).status is NoticeStatus.SUBMITTED


def test_no_duplicate_after_24_hours(services: Services, login: Login,
                                     clock: FakeClock) -> None:
    _incident(services, login)
    _send(services, login, _draft(services, login))
    clock.advance(hours=24, seconds=1)
    later = _draft(services, login)
    services.notices.submit(login("press"), later)
    assert services.notices.get(later).status is NoticeStatus.SUBMITTED


def test_update_supersedes_and_cancel_cancels(services: Services, login: Login,
                                              clock: FakeClock) -> None:
    _incident(services, login)
    first = _draft(services, login)
    _send(services, login, first)
    clock.advance(hours=2)
    update = _draft(services, login, "[서울시] 온라인 민원 일부 복구. 문의 120", references=first)
    _send(services, login, update)  # an update of the same area is not a duplicate of it
    assert services.notices.get(first).status is NoticeStatus.SUPERSEDED
    clock.advance(hours=1)
    cancel = _draft(services, login, "[서울시] 앞선 안내를 취소합니다", references=update,
                    cancel=True)
    _send(services, login, cancel)
    assert services.notices.get(update).status is NoticeStatus.CANCELLED
    assert [r.id for r in services.notices.chain(cancel)] == [first, update, cancel]


def test_an_update_needs_an_issued_notice(services: Services, login: Login) -> None:
    _incident(services, login)
    draft = _draft(services, login)
    with pytest.raises(ValidationError) as refused:
        _draft(services, login, references=draft)
    assert refused.value.code == "notice.references_itself"


def test_first_text_countdown_stops_when_a_text_goes_out(services: Services, login: Login,
                                                         clock: FakeClock) -> None:
    services.incidents.open(login("commander"), "화재", DisasterArea.RESOURCE_FAILURE,
                            Cause.FIRE, activated_at=clock())
    view = services.situation.view()
    assert view.next_text_due == clock() + timedelta(minutes=20)
    website = services.notices.draft(login("press"), NoticeChannel.WEBSITE, "배너 120").first_id
    _send(services, login, website)
    assert services.situation.view().next_text_due is not None  # a banner is not the text
    clock.advance(minutes=12)
    _send(services, login, _draft(services, login))
    view = services.situation.view()
    assert view.next_text_due is None
    assert [n.channel for n in view.notices or []] == [NoticeChannel.CBS, NoticeChannel.WEBSITE]
