"""The command's window actions: 'New incident…' and 'Change crisis level…', allowed for the
commander and refused, with the reason, for a team lead; the board follows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone

from console.domain.enums import Cause, CrisisLevel, DisasterArea
from console.ui.actions import ActionId
from console.ui.incident_dialogs import CrisisLevelDialog, NewIncidentDialog
from console.ui.main_window import MainWindow
from tests.ui.conftest import settle


def test_actions_are_in_the_registry_and_a_menu(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    names = [a.objectName() for a in window.menus["act"].actions()]
    assert "action_new_incident" in names and "action_change_crisis_level" in names
    assert window.registry[ActionId.NEW_INCIDENT].text() == "사고 등록…"
    assert window.registry[ActionId.CHANGE_CRISIS_LEVEL].text() == "위기경보 수준 변경…"
    assert window.registry[ActionId.NEW_INCIDENT].shortcut().toString() == "Ctrl+Shift+N"


def test_commander_opens_an_incident(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko", "tasks")
    changed: list[set[str]] = []
    window.context.bus.changed.connect(changed.append)
    window.registry[ActionId.NEW_INCIDENT].trigger()
    dialog = window.incidents.dialog
    assert isinstance(dialog, NewIncidentDialog)
    dialog.accept()
    assert dialog.error.isVisible() and dialog.error.text() == "사고명을 입력하세요."
    dialog.title.setText("본청 전산실 누수")
    dialog.area.setCurrentIndex(dialog.area.findData(DisasterArea.RESOURCE_FAILURE.value))
    dialog.cause.setCurrentIndex(dialog.cause.findData(Cause.FLOOD.value))
    dialog.level.setCurrentIndex(dialog.level.findData(CrisisLevel.CAUTION.value))
    # Later than the demo incident: it becomes the incident the board shows.
    dialog.started.setDateTime(QDateTime(2025, 10, 20, 8, 30, 0, 0, QTimeZone(b"Asia/Seoul")))
    dialog.accept()
    settle(window)

    incident = next(i for i in window.context.services.incidents.list()
                    if i.title == "본청 전산실 누수")
    assert (incident.area, incident.cause, incident.crisis_level) == (
        "resource_failure", "flood", "caution")
    assert incident.started_at.replace(tzinfo=UTC) == datetime(2025, 10, 19, 23, 30, tzinfo=UTC)
    assert {"incident", "crisis_level_change"} <= set().union(*changed)
    assert window.current_view() == "board"
    figures = window.pages["board"].figures()
    assert figures["title"].startswith("본청 전산실 누수")
    assert "주의" in figures["level"]


def test_commander_changes_the_crisis_level(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko")
    services = window.context.services
    before = services.incidents.list()[0].crisis_level
    window.registry[ActionId.CHANGE_CRISIS_LEVEL].trigger()
    settle(window)  # the current incident is read off the GUI thread first
    dialog = window.incidents.dialog
    assert isinstance(dialog, CrisisLevelDialog)
    dialog.level.setCurrentIndex(dialog.level.findData(before))
    dialog.accept()
    assert dialog.error.text() == "이미 이 수준입니다."
    target = next(level for level in CrisisLevel if level.value != before)
    dialog.level.setCurrentIndex(dialog.level.findData(target.value))
    dialog.accept()
    assert dialog.error.text() == "위기경보 수준을 바꾸려면 사유를 적어야 합니다."
    dialog.reason.setPlainText("주요 시스템 복구 완료에 따른 하향")
    dialog.accept()
    settle(window)

    assert services.incidents.list()[0].crisis_level == target.value
    assert target.label("ko") in window.pages["board"].figures()["level"]
    assert target.label("ko") in window.statusBar().currentMessage()


def test_team_lead_is_refused_with_the_reason(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "ko")
    for action in (ActionId.NEW_INCIDENT, ActionId.CHANGE_CRISIS_LEVEL):
        window.registry[action].trigger()
        settle(window)
        shown = window.context.messages.history[-1]
        assert shown.kind == "denied"
        assert "본부장·차장·통제관" in shown.text
        assert window.incidents.dialog is None  # nothing asked, nothing sent
    assert "위기경보 수준을 변경" in window.context.messages.history[-1].text
    # The service refuses too, even when the form is bypassed.
    window.incidents.set_level(CrisisLevel.SERIOUS, "우회 시도")
    settle(window)
    assert window.context.messages.history[-1].kind == "denied"


def test_english_window(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("deputy", "en")
    assert window.registry[ActionId.NEW_INCIDENT].text() == "New incident…"
    window.registry[ActionId.NEW_INCIDENT].trigger()
    dialog = window.incidents.dialog
    assert isinstance(dialog, NewIncidentDialog)
    assert dialog.windowTitle() == "New incident"
    dialog.reject()
    window.registry[ActionId.LANG_KO].trigger()  # switching languages still works
    assert window.context.messages.history[-1].title == "Language"
