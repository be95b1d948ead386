"""Back-dating in the forms: an outage "restored at 20:30", a decision taken at a meeting, a log
entry and a task's status, each within the write-time rule (console/domain/clock.py): a form
left as it opened records the service's now, a time in the future is refused in one line and
the form keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone

from console.domain.enums import Cause, DisasterArea, OutageStatus, TaskStatus, Team
from console.services.app import Services
from console.services.context import Actor
from console.ui.context import UiContext
from console.ui.forms import DecisionDialog, LogDialog, OutageStatusDialog, TaskStatusDialog
from console.ui.main_window import MainWindow
from console.ui.settings import UiSettings
from tests.conftest import FakeClock
from tests.test_services import inventory  # noqa: F401  (the fixture)
from tests.ui.conftest import settle

SEOUL = QTimeZone(b"Asia/Seoul")


def _set_when(form: object, hour: int, minute: int, day: int = 27) -> None:
    from PySide6.QtWidgets import QDateTimeEdit, QWidget

    assert isinstance(form, QWidget)
    edit = form.findChild(QDateTimeEdit, "when")
    assert edit is not None and edit.isVisible()
    edit.setDateTime(QDateTime(2025, 9, day, hour, minute, 0, 0, SEOUL))


def _window(services: Services, actor: Actor, settings: UiSettings, qtbot, view: str
            ) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(UiContext(services, actor, "en"), settings, idle_lock=False)
    qtbot.addWidget(window)
    window.show_view(view)
    window.show()
    settle(window)
    return window


def test_forms_back_date_within_the_write_time_rule(
        inventory: Services, login: Callable[[str], Actor], clock: FakeClock,  # noqa: F811
        ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = inventory
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)  # 18:00 KST
    outage = services.outages.open(login("systems"), "SEO-1").first_id
    task = services.tasks.add(login("systems"), Team.SYSTEMS, "UPS 점검").first_id
    clock.advance(hours=3)  # now 21:00 KST

    window = _window(services, login("commander"), ui_settings, qtbot, "outages")
    page = window.pages["outages"]
    assert page.select_id(outage)
    page.change_status()
    form = page.dialog
    assert isinstance(form, OutageStatusDialog)
    form.status.setCurrentIndex(form.status.findData(OutageStatus.RESTORED.value))
    _set_when(form, 23, 30)  # later than now: refused, the form stays with its note
    form.note.setPlainText("UPS 복전")
    form.accept()
    settle(window)
    assert form.isVisible() and "future" in form.error.text()
    _set_when(form, 20, 30)
    form.accept()
    settle(window)
    detail = services.tables.outage_detail(outage)
    assert detail.events[-1][:2] == (datetime(2025, 9, 27, 11, 30, tzinfo=UTC), "restored")

    decisions = window.pages["decisions"]
    window.show_view("decisions")
    decisions.new_item()
    decision = decisions.dialog
    assert isinstance(decision, DecisionDialog)
    decision.summary.setPlainText("수기 접수 전환 (19:00 회의)")
    _set_when(decision, 19, 0)
    decision.accept()
    settle(window)
    assert [d.at for d in services.journal.decisions()] == [
        datetime(2025, 9, 27, 10, 0, tzinfo=UTC)]

    log = window.pages["log"]
    window.show_view("log")
    log.new_item()
    entry = log.dialog
    assert isinstance(entry, LogDialog)
    entry.team.setCurrentIndex(entry.team.findData(Team.SITUATION.value))
    entry.text.setPlainText("상황 공유 (당일 메모에서 옮김)")
    entry.accept()  # left as it opened: the service's now
    settle(window)
    assert [e.at for e in services.journal.log()] == [clock()]

    tasks = window.pages["tasks"]
    window.show_view("tasks")
    settle(window)
    assert tasks.select_id(task)
    tasks.change_status()
    status = tasks.dialog
    assert isinstance(status, TaskStatusDialog)
    status.status.setCurrentIndex(status.status.findData(TaskStatus.DONE.value))
    _set_when(status, 20, 45)
    status.accept()
    settle(window)
    history = services.tables.task_detail(task).events
    assert history[-1][:2] == (datetime(2025, 9, 27, 11, 45, tzinfo=UTC), "done")
