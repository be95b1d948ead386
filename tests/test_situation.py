"""The demo scenario read through the situation service: BRIEF.md's figures at each moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.clock import parse_time
from console.domain.enums import OutageStatus
from console.domain.grading import GradeTable, default_rules
from console.domain.outage_clock import ClockEvent
from console.domain.situation import OutageFact, situation_at
from console.services.app import Services


def test_brief_figures_through_the_response(demo: Services) -> None:
    view = demo.situation.view(as_of=parse_time("2025-09-27T18:00"))
    assert view.crisis_level == "serious"
    assert view.incident.activated_at == parse_time("2025-09-27T18:00")
    assert (view.situation.affected, view.situation.restored) == (64, 0)
    assert view.next_report_due == parse_time("2025-09-27T18:30")

    phase_1 = demo.situation.view(as_of=parse_time("2025-10-06T20:00")).situation
    assert (phase_1.affected, phase_1.restored) == (64, 63)
    # 27 citizen services used alternative means; by now every one of them is restored.
    assert phase_1.citizen_affected == 38 and phase_1.alternative_total == 27
    assert phase_1.alternative_active == 0 and phase_1.alternative_peak < 27
    assert [t.key for t in phase_1.tally("phase")] == ["-", "1"]

    end = demo.situation.view(as_of=parse_time("2025-10-14T18:00")).situation
    assert end.restored == 64 and end.restored_percent == 100.0
    assert {t.key: t.restored for t in end.tally("phase")} == {"1": 63, "2": 1}
    assert end.curve[-1][1] == 64 and sorted(end.phase_starts) == [1, 2]
    assert len({t.key for t in end.tally("department")}) == 23
    assert {t.key for t in end.tally("category")} == {"citizen", "internal"}
    assert set(end.tasks_by_team()) == {"situation", "systems", "network", "continuity", "press"}


def test_mid_phase_one_is_partial(demo: Services) -> None:
    middle = demo.situation.view(as_of=parse_time("2025-10-01T12:00")).situation
    assert 0 < middle.restored < 63
    assert middle.citizen_down + sum(1 for o in middle.still_down
                                     if o.fact.category == "internal") == 64 - middle.restored


def test_facility_down_reproduces_the_64(demo: Services) -> None:
    affected = demo.inventory.affected_by_facility("국가정보자원관리원 대전센터")
    outage_codes = {o.code for o in demo.outages.list()}
    assert {s.code for s in affected} == outage_codes


def test_relapse_counts_as_down_again() -> None:
    start = datetime(2025, 9, 26, 12, tzinfo=UTC)
    fact = OutageFact(
        id="o", code="C", name="n", department="d", facility="f", category="citizen",
        importance_grade=1, scope="full", grade_override=None, rto_hours=4,
        alternative_means="", detected_at=start,
        events=(ClockEvent(start, "e1", "down", 1),
                ClockEvent(start + timedelta(hours=1), "e2", "restored", 1),
                ClockEvent(start + timedelta(hours=2), "e3", "down", 2),
                ClockEvent(start + timedelta(hours=5), "e4", "restored", 2)))
    rules = GradeTable(default_rules())
    at = situation_at(start + timedelta(hours=3), [fact], [], rules)
    assert at.restored == 0 and at.still_down[0].status is OutageStatus.DOWN
    assert [count for _, count in at.curve] == [1, 0]
    end = situation_at(start + timedelta(hours=6), [fact], [], rules)
    assert end.restored == 1 and end.outages[0].restored_at == start + timedelta(hours=5)
