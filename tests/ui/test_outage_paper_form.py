"""The outage forms' "transcribed from paper" option (a 장애 접수서 typed in after a
dead-computer day): the open form and the status form take the time written on the sheet and
the sheet's mark, the outage keeps both times, and the outages page's detail shows them; a
sheet not named is refused in one line and the form stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import QLineEdit

from console.domain.enums import Cause, DisasterArea, OutageStatus
from console.services.app import Services
from console.services.context import Actor
from console.ui.forms import OpenOutageDialog, OutageStatusDialog
from console.ui.settings import UiSettings
from tests.conftest import FakeClock
from tests.test_services import inventory  # noqa: F401  (the fixture)
from tests.ui.conftest import settle
from tests.ui.test_back_dating import _set_when, _window
from tests.ui.test_paper_form import tick_paper


def _paper(form: object) -> QLineEdit:
    assert isinstance(form, (OpenOutageDialog, OutageStatusDialog))
    return tick_paper(form)


def test_a_paper_outage_report_is_typed_in_with_both_times(
        inventory: Services, login: Callable[[str], Actor], clock: FakeClock,  # noqa: F811
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = inventory
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)  # 18:00 KST
    clock.advance(hours=3)  # the computers are back at 21:00 KST
    window = _window(services, login("systems"), ui_settings, qtbot, "outages")
    page = window.pages["outages"]

    page.new_item()
    opening = page.dialog
    assert isinstance(opening, OpenOutageDialog)
    opening.code.setText("SEO-1")
    sheet = _paper(opening)
    _set_when(opening, 18, 40)
    opening.accept()  # no sheet named: refused, the form keeps what was typed
    settle(window)
    assert services.outages.list() == [] and opening.isVisible()
    assert "name the paper sheet" in opening.error.text()
    sheet.setText("장애 접수서 #12")
    opening.accept()
    settle(window)
    outage = services.outages.list()[0]
    assert outage.detected_at == datetime(2025, 9, 27, 9, 40, tzinfo=UTC)  # 18:40 KST, written

    assert page.select_id(outage.id)
    page.change_status()
    status = page.dialog
    assert isinstance(status, OutageStatusDialog)
    status.status.setCurrentIndex(status.status.findData(OutageStatus.RESTORED.value))
    sheet = _paper(status)
    sheet.setText("장애 접수서 #12")
    _set_when(status, 19, 30)
    status.accept()
    settle(window)
    events = services.tables.outage_detail(outage.id).events
    assert [(e[1], e[5], e[6]) for e in events] == [
        ("down", "장애 접수서 #12", clock()), ("restored", "장애 접수서 #12", clock())]
    assert events[-1][0] == datetime(2025, 9, 27, 10, 30, tzinfo=UTC)
    assert page.select_id(outage.id)
    settle(window)
    # The window speaks English here (_window): the detail names both times and the sheet.
    detail = page.detail.toPlainText()
    assert "on paper 09-27 18:40 / entered 09-27 21:00 · 장애 접수서 #12" in detail
    assert "on paper 09-27 19:30 / entered 09-27 21:00 · 장애 접수서 #12" in detail


def test_the_open_form_left_as_it_opened_records_now_and_no_sheet(
        inventory: Services, login: Callable[[str], Actor], clock: FakeClock,  # noqa: F811
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = inventory
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)
    clock.advance(minutes=30)
    window = _window(services, login("systems"), ui_settings, qtbot, "outages")
    page = window.pages["outages"]
    page.new_item()
    opening = page.dialog
    assert isinstance(opening, OpenOutageDialog)
    opening.code.setText("SEO-2")
    opening.accept()
    settle(window)
    outage = services.outages.list()[0]
    assert outage.detected_at == clock()
    assert [e[5] for e in services.tables.outage_detail(outage.id).events] == [None]
