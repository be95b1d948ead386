"""Issue 14's done-when, walked in the window: the press team drafts a first 재난문자 in the
composer, the controller approves it seeing the final text, its CAP file validates, the public
status page is rewritten with it, and the next 제N보 lists it in its 대시민 안내 section."""

from __future__ import annotations

from pathlib import Path

from console.domain.enums import Cause, DisasterArea, NoticeChannel, NoticeStatus
from console.reports import cap
from console.ui.main_window import MainWindow
from console.ui.notices_view import NoticesView
from console.ui.reports_view import ReportsView
from tests.pdftext import flat
from tests.ui.conftest import settle


def test_press_drafts_controller_approves_cap_status_page_and_the_next_report(
        make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    press: MainWindow = make_window("press", "ko", "notices")
    services = press.context.services
    controller_actor = services.accounts.login("controller", "demo")
    # A fresh incident on the demo's systems (the demo's own was stood down).
    opened = services.incidents.open(controller_actor, "상암 센터 정전",
                                     DisasterArea.RESOURCE_FAILURE, Cause.POWER)
    services.incidents.activate(controller_actor)
    services.outages.open(services.accounts.login("systems", "demo"), "SEO-0108")
    site = tmp_path / "status"
    services.status_page.configure(controller_actor, site)

    composer_page = press.pages["notices"]
    assert isinstance(composer_page, NoticesView)
    composer_page.refresh()
    composer_page.compose()
    composer = composer_page.dialog
    assert composer is not None and composer.channel_value() is NoticeChannel.CBS
    composer.what.setText("시 온라인 민원")
    composer.since.setText("10.20.(월) 09:00")
    composer.use_template("first")
    text = composer.text.toPlainText()
    composer.accept()
    settle(press)
    (drafted,) = [r for r in services.notices.list() if r.status is NoticeStatus.DRAFT]
    assert drafted.text == text
    composer_page.refresh()
    composer_page.table.selectRow(0)
    composer_page.submit()
    settle(press)

    desk: MainWindow = make_window("controller", "ko", "notices")
    approver = desk.pages["notices"]
    assert isinstance(approver, NoticesView)
    approver.refresh()
    approver.table.selectRow(0)
    assert text in approver.detail.toPlainText()  # the final text, exactly as it will go
    approver.approve()
    settle(desk)
    approver.refresh()
    approver.table.selectRow(0)
    approver.issued()
    settle(desk)
    row = services.notices.get(drafted.id)
    assert (row.status, row.approved_by) == (NoticeStatus.ISSUED, "controller")

    approver.refresh()
    approver.table.selectRow(0)
    xml = tmp_path / "first.xml"
    approver.export_cap(str(xml))
    settle(desk)
    document = xml.read_bytes()
    assert cap.schema_errors(document) == [] and cap.profile_errors(document) == []
    assert text.encode("utf-8")[:30] in document

    page = (site / "index.html").read_text(encoding="utf-8")  # Korean first
    assert text[:20] in page  # rewritten after the notice, no one asked

    desk.show_view("reports")
    reports = desk.pages["reports"]
    assert isinstance(reports, ReportsView)
    settle(desk)
    reports.draft_now()
    settle(desk)
    reports.approve()
    settle(desk)
    # Numbered per incident: the demo's own 40 reports are its incident's.
    issued = [r for r in services.reports.list(opened.ids[0]) if r.number is not None]
    assert [r.number for r in issued] == [1]
    pdf = reports.export_to(tmp_path)
    assert pdf is not None
    printed = flat(pdf.read_bytes())
    assert "대시민 안내" in printed and text[:15] in printed
