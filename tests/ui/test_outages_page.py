"""The outages page: a status change reaches the board, a refusal says why, a facility
going down opens the right outages."""

from __future__ import annotations

from datetime import UTC, datetime

from console.domain.enums import Cause, DisasterArea, OutageStatus
from console.services.tables import TableQuery
from console.ui import formatting as fmt
from console.ui.forms import ConfirmListDialog, FacilityDialog, OutageStatusDialog
from console.ui.main_window import MainWindow
from tests.ui.conftest import settle

NATIONAL_CENTRE = "국가정보자원관리원 대전센터"


def test_status_change_updates_the_board(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "ko", "outages")
    services = window.context.services
    assert services.situation.view().situation.restored == 64
    board = window.pages["board"]
    before = board.figures()["restored"] if hasattr(board, "figures") else None
    page = window.pages["outages"]
    outage_id = page.selected_id()
    assert outage_id is not None
    page.change_status()
    dialog = page.dialog
    assert isinstance(dialog, OutageStatusDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(OutageStatus.DOWN.value))
    dialog.note.setPlainText("재발: 연계 서버 응답 없음")
    dialog.phase.setValue(2)
    dialog.accept()
    settle(window)
    assert services.situation.view().situation.restored == 63
    row = services.tables.rows("outages", [outage_id])[outage_id]
    assert (row["status"], row["phase"]) == ("down", 2)
    assert "재발: 연계 서버 응답 없음" in page.detail.toPlainText()
    if before is not None:
        window.show_view("board")
        settle(window)
        assert board.figures()["restored"] != before
        assert "63" in board.figures()["restored"]


def test_denied_action_shows_its_reason(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("observer", "ko", "outages")
    page = window.pages["outages"]
    page.change_status()
    shown = window.context.messages.history[-1]
    assert shown.kind == "denied"
    assert shown.text.endswith("만 장애 상태를 변경할 수 있습니다")
    box = window.context.messages.last_box
    assert box is not None and box.isVisible() and box.text() == shown.text
    box.close()
    assert page.dialog is None  # no form was offered


def test_service_refusal_is_shown_too(make_window) -> None:  # type: ignore[no-untyped-def]
    """Even without the page's own check, the service refuses and the reason is shown."""
    window: MainWindow = make_window("observer", "en", "outages")
    page = window.pages["outages"]
    outage_id = page.selected_id()
    window.context.write(lambda: window.context.services.outages.change_status(
        window.context.actor, outage_id, OutageStatus.DOWN))
    settle(window)
    shown = window.context.messages.history[-1]
    assert shown.kind == "denied" and shown.text.startswith("only ")


def test_service_refusals_speak_the_windows_language(make_window) -> None:  # type: ignore[no-untyped-def]
    """A refusal raised in a service is coded; the Korean window shows the Korean sentence,
    enum values included, and who may act as the permission table says (관리자 too)."""
    window: MainWindow = make_window("commander", "ko", "outages")
    page, context = window.pages["outages"], window.context
    outage_id = page.selected_id()
    status = OutageStatus(context.services.tables.rows("outages", [outage_id])[outage_id]
                          ["status"])
    context.write(lambda: context.services.outages.change_status(context.actor, outage_id,
                                                                 status))
    settle(window)
    shown = context.messages.history[-1]
    assert (shown.kind, shown.title) == ("error", "처리할 수 없음")
    assert shown.text == f"장애가 이미 '{status.ko}' 상태입니다"
    context.write(lambda: context.services.outages.open(context.actor, "NOPE"))
    settle(window)
    assert context.messages.history[-1].text == \
        "코드가 'NOPE'인 시스템이 없습니다: 시스템 코드를 확인하십시오"

    observer: MainWindow = make_window("observer", "ko", "outages")
    context = observer.context
    context.write(lambda: context.services.outages.change_status(
        context.actor, outage_id, OutageStatus.DOWN))
    settle(observer)
    shown = context.messages.history[-1]
    assert shown.kind == "denied"
    assert shown.text == ("본부장·차장·통제관·관리자 또는 상황총괄반·시스템장애조치반·통신장애조치반·"
                          "업무연속성반만 장애 상태를 변경할 수 있습니다")


def test_facility_down_opens_the_right_outages(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "ko", "outages")
    services, actor = window.context.services, window.context.actor
    services.incidents.open(actor, "대전센터 재화재", DisasterArea.RESOURCE_FAILURE, Cause.FIRE,
                            started_at=datetime(2025, 10, 19, 12, 0, tzinfo=UTC))
    window.context.bus.changed.emit({"incident"})
    settle(window)
    page = window.pages["outages"]
    assert page.model.rowCount() == 0  # the fresh incident has no outages yet
    expected = {s.code for s in services.inventory.affected_by_facility(NATIONAL_CENTRE)}

    page.facility_down()
    dialog = page.dialog
    assert isinstance(dialog, FacilityDialog)
    dialog.choose(NATIONAL_CENTRE)
    dialog.accept()
    settle(window)
    confirm = page.dialog
    assert isinstance(confirm, ConfirmListDialog)
    assert len(confirm.lines) == len(expected)
    assert {line.split()[0] for line in confirm.lines} == expected
    confirm.accept()
    settle(window)

    assert page.model.rowCount() == len(expected)
    shown = services.tables.rows("outages", page.model.ids())
    assert {row["code"] for row in shown.values()} == expected
    assert {row["status"] for row in shown.values()} == {"down"}
    everything = services.tables.ids("outages", TableQuery().with_filter("incident", "*"))
    assert len(everything) == 64 + len(expected)


def test_the_table_model_shows_the_outage_clock(make_window) -> None:  # type: ignore[no-untyped-def]
    """Every row the Qt model paints reads what the outage clock gives `outage list` and the
    board: status, failure grade, phase, elapsed time and alternative means."""
    window: MainWindow = make_window("systems", "ko", "outages")
    page = window.pages["outages"]
    settle(window)
    model = page.model
    keys = [c.key for c in model.columns]
    listed = {o.id: o for o in window.context.services.outages.list()}
    board = {s.fact.id: s for s in window.context.services.situation.view().situation.outages}
    assert model.rowCount() == len(listed) == 64
    for row in range(model.rowCount()):
        outage_id = model.id_at(row)
        assert outage_id is not None
        cell = {key: model.data(model.index(row, keys.index(key)))
                for key in ("grade", "phase", "elapsed_hours", "alternative_active")}
        expected, state = listed[outage_id], board[outage_id]
        assert cell["grade"] == fmt.grade(expected.grade) == fmt.grade(state.grade)
        assert cell["phase"] == str(expected.phase) == str(state.phase)
        assert cell["elapsed_hours"] == fmt.elapsed(expected.elapsed_hours, "ko")
        assert expected.elapsed_hours == state.elapsed_hours
        assert cell["alternative_active"] == fmt.yes(expected.alternative_active)
