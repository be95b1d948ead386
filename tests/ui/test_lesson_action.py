"""'교훈 기록…' in the window: the commander records a lesson on the closed demo incident and
it is in the final report's list; a team lead is refused by the service's rule."""

from __future__ import annotations

from console.ui.actions import ActionId
from console.ui.task_force import IncidentLessonDialog
from tests.ui.conftest import settle


def test_the_commander_records_a_lesson_after_the_stand_down(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("commander")
    window.registry[ActionId.RECORD_LESSON].trigger()
    qtbot.waitUntil(lambda: isinstance(window.incidents.dialog, IncidentLessonDialog), timeout=30_000)
    dialog = window.incidents.dialog
    dialog.text.setPlainText("비상 양식을 각 반 책상마다 비치")
    dialog.accept()
    settle(window)
    recorded = window.context.services.lessons.recorded()
    assert [x.text for x in recorded] == ["비상 양식을 각 반 책상마다 비치"]
    assert recorded[0].by == "commander"


def test_a_team_lead_may_not(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window("situation")
    window.registry[ActionId.RECORD_LESSON].trigger()
    settle(window)
    assert not isinstance(getattr(window.incidents, "dialog", None), IncidentLessonDialog)
    assert window.context.services.lessons.recorded() == []
