"""The board narrowed to one department or one facility: every figure, the curve and the
lists read situation_at over that department's (facility's) outages, as the whole board reads
all of them, and they agree with the whole board's breakdown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.domain.situation import OutageFilter, situation_at
from console.services.app import Services
from console.ui.board import BoardView
from console.ui.context import UiContext
from tests.conftest import FAST_HASHER

PHASE_1 = datetime(2025, 10, 1, 3, 0, tzinfo=UTC)


@pytest.fixture
def phase_1(demo_db: Path) -> Iterator[Services]:
    app = Services.open(demo_db, clock=lambda: PHASE_1, hasher=FAST_HASHER)
    yield app
    app.close()


def test_situation_at_narrowed_is_situation_at_of_the_kept_outages(phase_1: Services) -> None:
    from console.services.outages import load_rules, outage_facts
    from console.services.situation import _task_facts

    with phase_1.db.sessions() as session:
        incident = phase_1.situation.view().incident
        facts = outage_facts(session, incident.id)
        tasks = _task_facts(session, incident.id)
        rules = load_rules(session)
    department = max({f.department for f in facts},
                     key=lambda d: sum(f.department == d for f in facts))
    only = OutageFilter(department=department)
    narrowed = situation_at(PHASE_1, facts, tasks, rules, only)
    kept = situation_at(PHASE_1, [f for f in facts if f.department == department], tasks, rules)
    assert (narrowed.affected, narrowed.restored, narrowed.curve, narrowed.rto_breached) == (
        kept.affected, kept.restored, kept.curve, kept.rto_breached)
    assert 0 < narrowed.affected < len(facts)


def test_the_board_follows_a_department_then_a_facility(phase_1: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    board = BoardView(UiContext(phase_1, phase_1.accounts.login("observer", "demo"), "en"))
    qtbot.addWidget(board)
    board.resize(1600, 1000)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.refresh()
    whole = phase_1.situation.view()
    tally = {t.key: t for t in whole.situation.tally("department")}
    department = whole.situation.tally("department")[0].key
    assert board.scope.department.findData(department) > 0
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.scope.choose(department=department)
    shown = board.figures()
    assert shown["affected"] == str(tally[department].affected)
    assert shown["restored"] == f"{tally[department].restored} / {tally[department].affected}"
    narrowed = phase_1.situation.view(only=OutageFilter(department=department)).situation
    assert board.curve_points() == len(narrowed.curve) < len(whole.situation.curve)
    assert shown["title"].endswith(f"— {department}")
    assert board.scope.department.count() == len(whole.departments) + 1  # all still offered

    facility = whole.facilities[0]
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.scope.choose(facility=facility)
    by_facility = {t.key: t for t in whole.situation.tally("facility")}
    assert board.figures()["affected"] == str(by_facility[facility].affected)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.scope.choose()
    assert board.figures()["affected"] == str(whole.situation.affected)
    qtbot.waitUntil(lambda: not board.reading, timeout=5000)
