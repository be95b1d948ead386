"""Tasks, decisions, the activity log and the inventory import, driven through the pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit
from shiboken6 import isValid

from console.domain.enums import Cause, DisasterArea, TaskStatus, Team
from console.ui.forms import (
    AssignDialog,
    DecisionDialog,
    LinkOutageDialog,
    LogDialog,
    TaskDialog,
    TaskStatusDialog,
)
from console.ui.main_window import MainWindow
from tests.ui.conftest import settle


def _new_incident(window: MainWindow) -> None:
    services = window.context.services
    services.incidents.open(services.accounts.login("commander", "demo"), "재발",
                            DisasterArea.SYSTEM_FAILURE, Cause.OTHER)


HEADER = "시스템코드,시스템명,소관부서,설치위치,구분,등급,목표복구시간,대체수단,의존시스템\n"


def test_task_create_assign_and_status(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko", "tasks")
    page = window.pages["tasks"]
    page.new_item()
    dialog = page.dialog
    assert isinstance(dialog, TaskDialog)
    dialog.accept()
    assert dialog.error.isVisible()  # no title yet: said inline, nothing sent
    dialog.team.setCurrentIndex(dialog.team.findData(Team.SYSTEMS.value))
    dialog.title.setText("위택스 연계 재기동 점검")
    dialog.outage.setText("SEO-0108")
    dialog.has_due.setChecked(True)
    dialog.accept()
    settle(window)
    assert page.model.rowCount() == 46
    task = next(t for t in window.context.services.tasks.list() if t.title.startswith("위택스"))
    assert task.team == "systems" and len(task.outage_ids) == 1 and task.due_at is not None
    assert page.select_id(task.id)

    page.assign()
    assign = page.dialog
    assert isinstance(assign, AssignDialog)
    assign.assignee.setCurrentIndex(assign.assignee.findData("systems"))
    assign.accept()
    settle(window)
    page.select_id(task.id)
    page.change_status()
    status = page.dialog
    assert isinstance(status, TaskStatusDialog)
    status.status.setCurrentIndex(status.status.findData(TaskStatus.DONE.value))
    status.accept()
    settle(window)
    row = window.context.services.tables.rows("tasks", [task.id])[task.id]
    assert (row["assignee"], row["status"]) == ("systems", "done")


def test_team_member_may_not_touch_another_teams_task(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("press", "ko", "tasks")
    page = window.pages["tasks"]
    assert page.filters["team"].currentData() == "press"
    page.choose("team", "systems")
    settle(window)
    page.change_status()
    assert window.context.messages.history[-1].kind == "denied"
    assert "해당 반" in window.context.messages.history[-1].text


def test_decisions_newest_first_and_corrections(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko", "decisions")
    page = window.pages["decisions"]
    rows = window.context.services.tables.rows("decisions", page.model.ids())
    times = [rows[i]["at"] for i in page.model.ids()]
    assert times == sorted(times, reverse=True)
    _new_incident(window)  # the demo's incident is closed: it takes no new decision
    page.new_item()
    add = page.dialog
    assert isinstance(add, DecisionDialog)
    add.summary.setPlainText("민원 수기 접수 1주 연장")
    add.rationale.setPlainText("2차 복구 지연")
    add.accept()
    settle(window)
    assert page.model.rowCount() == 1  # the new incident's
    newest = page.model.id_at(0)
    assert window.context.services.tables.rows("decisions", [newest])[newest]["summary"] == \
        "민원 수기 접수 1주 연장"
    page.select_id(newest)
    page.correct()
    fix = page.dialog
    assert isinstance(fix, DecisionDialog)
    assert fix.summary.toPlainText() == "민원 수기 접수 1주 연장"
    fix.summary.setPlainText("민원 수기 접수 2주 연장")
    fix.accept()
    settle(window)
    assert page.model.rowCount() == 2
    old = window.context.services.tables.rows("decisions", [newest])[newest]
    assert old["corrected"]
    latest = page.model.id_at(0)
    assert window.context.services.tables.rows("decisions", [latest])[latest]["corrects_id"] \
        == newest


def test_log_entry_and_controller_verification(make_window, make_context) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("situation", "ko", "log")
    _new_incident(window)
    page = window.pages["log"]
    page.new_item()
    dialog = page.dialog
    assert isinstance(dialog, LogDialog)
    assert dialog.team.currentData() == "situation"
    dialog.text.setPlainText("120 다산콜 문의 급증, 안내 문안 배포")
    dialog.significant.setChecked(True)
    dialog.accept()
    settle(window)
    assert page.model.rowCount() == 1
    page.verify()  # a team lead may not verify
    assert window.context.messages.history[-1].kind == "denied"

    controller: MainWindow = make_window("controller", "ko", "log")
    log = controller.pages["log"]
    log.choose("significant", "1")
    settle(controller)
    entry = next(i for i in log.model.ids()
                 if controller.context.services.tables.rows("log", [i])[i]["text"]
                 .startswith("120 다산콜"))
    log.select_id(entry)
    log.verify()
    settle(controller)
    assert controller.context.services.tables.rows("log", [entry])[entry]["verified"]


def test_import_refused_lists_every_problem(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "ko", "systems")
    page = window.pages["systems"]
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "N-1,새 시스템,행정국,서초 데이터센터,대시민,9,4,,\n"
                   "N-2,,행정국,서초 데이터센터,내부행정,2,4,,\n", encoding="utf-8")
    page.import_from(bad)
    settle(window)
    shown = window.context.messages.history[-1]
    assert shown.kind == "problems"
    lines = shown.details.splitlines()
    # In the window's language (Korean here), each with the row a person sees in Excel.
    assert lines == ["2행: 등급 '9'은(는) 1~4 범위를 벗어납니다", "3행: 시스템명 칸이 비어 있습니다"]
    listing = window.context.messages.last_dialog.findChild(QPlainTextEdit, "problemList")
    assert listing.toPlainText().splitlines() == lines
    assert page.model.rowCount() == 429  # nothing imported

    good = tmp_path / "good.csv"
    good.write_text(HEADER + "N-1,새 시스템,행정국,서초 데이터센터,대시민,2,4,,\n",
                    encoding="utf-8")
    page.import_from(good)
    settle(window)
    assert window.context.messages.history[-1].kind == "info"
    assert page.model.rowCount() == 430


def test_export_writes_a_reimportable_file(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko", "systems")
    out = tmp_path / "systems.xlsx"
    window.pages["systems"].export_to(out)
    settle(window)
    assert out.stat().st_size > 10_000
    assert "429" in window.context.messages.history[-1].text


def test_link_a_task_to_an_outage(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "en", "tasks")
    page = window.pages["tasks"]
    assert page.filters["team"].currentData() == "systems"
    task_id = page.selected_id()
    before = window.context.services.tables.task_detail(task_id).outages
    page.link_outage()
    settle(window)
    dialog = page.dialog
    assert isinstance(dialog, LinkOutageDialog)
    assert "SEO-0385" in dialog.outage.completer().model().stringList()
    dialog.outage.setText("SEO-0385")
    dialog.accept()
    settle(window)
    after = window.context.services.tables.task_detail(task_id).outages
    assert {code for _, code, _, _ in after} == {code for _, code, _, _ in before} | {"SEO-0385"}
    assert "SEO-0385" in page.model.row_data(page.model.row_of(task_id))["outages"]
    assert page.count.text() == f"{page.model.rowCount()} rows"


def test_a_refused_write_keeps_the_form_open_with_what_was_typed(
        qtbot, services, login) -> None:  # type: ignore[no-untyped-def]
    """A new workstation with no incident yet: the decision is refused by the service, and
    the form stays open with its text and the reason, instead of closing and losing both."""
    from console.ui.context import UiContext
    from console.ui.pages.journal import DecisionsPage

    context = UiContext(services, login("commander"), "en")
    page = DecisionsPage(context)
    qtbot.addWidget(page)
    page.new_item()
    form = page.dialog
    assert isinstance(form, DecisionDialog)
    form.summary.setPlainText("민원 수기 접수 전환")
    form.rationale.setPlainText("온라인 접수 중단")
    form.accept()
    settle(context)
    assert form.isVisible() and form.summary.toPlainText() == "민원 수기 접수 전환"
    assert "no incident yet" in form.error.text() and form.error.isVisible()
    assert form.buttons.isEnabled()

    services.incidents.open(login("commander"), "정전", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    form.accept()  # the same text, sent again once the reason is gone
    settle(context)
    assert not isValid(form) or not form.isVisible()  # closed (and deleted on close)
    assert [d.summary for d in services.journal.decisions()] == ["민원 수기 접수 전환"]
