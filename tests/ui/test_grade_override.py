"""Overriding an outage's failure grade in the window, with a reason, and going back."""

from __future__ import annotations

from console.ui.grade_override import GradeOverrideDialog
from console.ui.main_window import MainWindow
from tests.ui.conftest import settle


def test_override_a_grade_with_a_reason_then_back_to_computed(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("commander", "en", "outages")
    page = window.pages["outages"]
    services = window.context.services
    outage = max(services.outages.list(), key=lambda o: o.grade)
    assert outage.grade > 1
    assert page.select_id(outage.id)
    page.override_grade()
    form = page.dialog
    assert isinstance(form, GradeOverrideDialog)
    form.grade.setCurrentIndex(form.grade.findData(1))
    form.accept()
    assert form.isVisible() and form.error.text() == "An override needs a reason."
    form.reason.setPlainText("민원 폭주: 대시민 영향 큼")
    form.accept()
    settle(window)
    assert next(o for o in services.outages.list() if o.id == outage.id).grade == 1
    assert services.tables.outage_detail(outage.id).grade_override_reason == "민원 폭주: 대시민 영향 큼"

    page.select_id(outage.id)
    page.override_grade()
    again = page.dialog
    assert isinstance(again, GradeOverrideDialog)
    assert again.chosen() == 1 and again.reason.toPlainText() == "민원 폭주: 대시민 영향 큼"
    again.grade.setCurrentIndex(0)  # as computed
    again.accept()
    settle(window)
    assert next(o for o in services.outages.list() if o.id == outage.id).grade == outage.grade


def test_a_team_lead_may_not_override(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "en", "outages")
    page = window.pages["outages"]
    page.select_id(page.model.id_at(0))
    page.override_grade()
    settle(window)
    assert not isinstance(page.dialog, GradeOverrideDialog)
    assert window.context.messages.history[-1].kind == "denied"
