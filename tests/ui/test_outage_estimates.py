"""The outages table paints a team's ETR and next update, and highlights the overdue ones,
on the real table model over a real database whose clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from console.domain.enums import Cause, DisasterArea
from console.services.app import Services
from console.ui.main_window import MainWindow
from console.ui.pages.outages import OVERDUE
from tests.conftest import FakeClock
from tests.ui.conftest import settle

NOW = datetime(2025, 10, 20, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def demo(demo_db: Path, clock: FakeClock) -> Iterator[Services]:
    """The demo with two systems down again now, each with a team's estimate."""
    app = Services.open(demo_db, clock=clock)
    # The demo's incident is closed (stood down 10-17): a recurrence is a new incident.
    app.incidents.open(app.accounts.login("commander", "demo"), "재발", DisasterArea.SYSTEM_FAILURE,
                       Cause.FIRE)
    systems = app.accounts.login("systems", "demo")
    for code in ("SEO-0108", "SEO-0113"):
        app.outages.open(systems, code, note="재발")
    app.estimates.give(systems, "SEO-0108", NOW + timedelta(hours=4), "전원 복구 대기",
                       NOW + timedelta(hours=1))
    app.estimates.give(systems, "SEO-0113", NOW + timedelta(hours=8))
    yield app
    app.close()


def test_overdue_estimates_are_highlighted(make_window, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("systems", "ko", "outages")
    page = window.pages["outages"]
    settle(window)
    model = page.model
    keys = [c.key for c in model.columns]

    def row_of(code: str) -> int:
        for row in range(model.rowCount()):
            if model.data(model.index(row, keys.index("code"))) == code and \
                    model.data(model.index(row, keys.index("etr"))):
                return row
        raise AssertionError(code)

    def painted(code: str) -> tuple[str, str, str | None]:
        row = row_of(code)
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        return (model.data(model.index(row, keys.index("etr"))),
                model.data(model.index(row, keys.index("next_update_at"))),
                brush.color().name() if brush is not None else None)

    etr, update, colour = painted("SEO-0108")
    assert "(지남)" not in etr + update and colour != OVERDUE.background
    assert etr.endswith("13:00") and update.endswith("10:00")  # KST

    clock.advance(hours=2)  # past the promised update, not yet past the estimate
    model.forget_rows()
    etr, update, colour = painted("SEO-0108")
    assert update.endswith("(지남)") and "(지남)" not in etr
    assert colour == OVERDUE.background
    assert painted("SEO-0113")[2] != OVERDUE.background

    clock.advance(hours=3)  # past the estimate too
    model.forget_rows()
    assert painted("SEO-0108")[0].endswith("(지남)")
    detail = page.detail_html(model.id_at(row_of("SEO-0108")) or "")
    assert "전원 복구 대기" in detail and "복구 예상" in detail
