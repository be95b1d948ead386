"""Editing a task's title, due time, priority and assignee in the window (TaskService.edit)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone

from console.ui.main_window import MainWindow
from console.ui.task_edit import TaskEditDialog
from tests.ui.conftest import settle


def test_edit_a_tasks_title_due_priority_and_assignee(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "en", "tasks")
    page = window.pages["tasks"]
    services = window.context.services
    task = next(t for t in services.tasks.list() if t.team == "systems")
    assert page.select_id(task.id)
    page.edit()
    dialog = page.dialog
    assert isinstance(dialog, TaskEditDialog)
    assert dialog.title.text() == task.title  # opened with what the task says now
    assert dialog.priority.currentData() == task.priority
    dialog.title.setText("")
    dialog.accept()
    assert dialog.error.isVisible() and dialog.isVisible()  # no title: said, nothing sent
    dialog.title.setText("위택스 연계 재기동 점검 (2차)")
    dialog.priority.setCurrentIndex(dialog.priority.findData(1))
    dialog.assignee.setCurrentIndex(dialog.assignee.findData("systems"))
    dialog.has_due.setChecked(True)
    dialog.due.setDateTime(QDateTime(2025, 10, 21, 9, 30, 0, 0, QTimeZone(b"Asia/Seoul")))
    dialog.accept()
    settle(window)
    edited = next(t for t in services.tasks.list() if t.id == task.id)
    assert (edited.title, edited.priority, edited.assignee) == (
        "위택스 연계 재기동 점검 (2차)", 1, "systems")
    assert edited.due_at == datetime(2025, 10, 21, 0, 30, tzinfo=UTC)


def test_a_member_may_not_edit_another_teams_task(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("press", "en", "tasks")
    page = window.pages["tasks"]
    services = window.context.services
    page.choose("team", "systems")
    settle(window)
    task = next(t for t in services.tasks.list() if t.team == "systems")
    assert page.select_id(task.id)
    page.edit()
    settle(window)
    assert not isinstance(page.dialog, TaskEditDialog)  # refused before a form opens
    assert next(t for t in services.tasks.list() if t.id == task.id).title == task.title


def test_unticking_due_clears_the_due_time(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "en", "tasks")
    page = window.pages["tasks"]
    services = window.context.services
    task = next(t for t in services.tasks.list() if t.team == "systems")
    services.tasks.edit(window.context.actor, task.id,
                        due=datetime(2025, 10, 21, 0, 30, tzinfo=UTC))
    settle(window)
    assert page.select_id(task.id)
    page.edit()
    dialog = page.dialog
    assert isinstance(dialog, TaskEditDialog) and dialog.has_due.isChecked()
    dialog.has_due.setChecked(False)
    assert not dialog.due.isEnabled()
    dialog.accept()
    settle(window)
    edited = next(t for t in services.tasks.list() if t.id == task.id)
    assert edited.due_at is None and edited.title == task.title
