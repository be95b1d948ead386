"""Notices travel like every other record: drafted on one workstation, approved by a second
person on another, and both show the same life afterwards."""

from __future__ import annotations

from pathlib import Path

from console.domain.enums import Cause, DisasterArea, NoticeChannel, NoticeStatus, NoticeTier, Role


def test_drafted_here_approved_there(stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = stations(2)
    commander = a.login("commander")
    a.app.incidents.open(commander, "fire", DisasterArea.RESOURCE_FAILURE, Cause.FIRE)
    notice = a.app.notices.draft(commander, NoticeChannel.CBS, "[서울시] 민원 중단. 문의 120",
                                 NoticeTier.SAFETY, "서울특별시", text_en="Call 120.").first_id
    a.app.notices.submit(commander, notice)
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "a.zip")
    assert b.app.notices.get(notice).status is NoticeStatus.SUBMITTED
    b.app.accounts.add_user(b.admin, "controller", "pw", Role.CONTROLLER, None)
    b.app.notices.approve(b.login("controller"), notice)
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "b.zip")
    row = a.app.notices.get(notice)
    assert (row.status, row.approved_by) == (NoticeStatus.APPROVED, "controller")
    assert a.digest() == b.digest()
    assert a.app.maintenance.verify() == [] and b.app.maintenance.verify() == []
