"""The log form's "transcribed from paper" option: checked, with the sheet named and the time
written on it, the entry keeps both times and its sheet, and the log page's detail shows them;
a sheet not named is refused in one line and the form stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from console.domain.enums import Cause, DisasterArea
from console.services.app import Services
from console.services.context import Actor
from console.ui.forms import LogDialog
from console.ui.settings import UiSettings
from tests.conftest import FakeClock
from tests.test_services import inventory  # noqa: F401  (the fixture)
from tests.ui.conftest import settle
from tests.ui.test_back_dating import _set_when, _window


def tick_paper(form: QWidget) -> QLineEdit:
    """Tick a form's 수기 기록 box: its sheet field, disabled until then, is enabled."""
    check = form.findChild(QCheckBox, "from_paper")
    sheet = form.findChild(QLineEdit, "paper_ref")
    assert check is not None and sheet is not None and not sheet.isEnabled()
    check.setChecked(True)
    assert sheet.isEnabled()
    return sheet


def test_a_paper_sheet_is_typed_in_with_both_times(
        inventory: Services, login: Callable[[str], Actor], clock: FakeClock,  # noqa: F811
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = inventory
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)  # 18:00 KST
    clock.advance(hours=3)  # the computers are back at 21:00 KST
    window = _window(services, login("situation"), ui_settings, qtbot, "log")
    page = window.pages["log"]
    page.new_item()
    form = page.dialog
    assert isinstance(form, LogDialog)
    form.text.setPlainText("UPS 2호기 정지 확인(수기)")
    sheet = tick_paper(form)
    _set_when(form, 18, 40)
    form.accept()  # no sheet named: refused, the form keeps what was typed
    settle(window)
    assert services.journal.log() == [] and form.isVisible()
    assert "name the paper sheet" in form.error.text()
    sheet.setText("ICS-214 #3")
    form.accept()
    settle(window)
    entry = services.journal.log()[0]
    assert entry.paper_ref == "ICS-214 #3"
    assert entry.at == datetime(2025, 9, 27, 9, 40, tzinfo=UTC)  # 18:40 KST, as written
    assert entry.recorded_at == clock()  # typed in at 21:00 KST
    assert page.select_id(entry.id)
    settle(window)
    # The window speaks English here (_window): the detail names both times and the sheet.
    assert "on paper 09-27 18:40 / entered 09-27 21:00 · ICS-214 #3" in page.detail.toPlainText()
