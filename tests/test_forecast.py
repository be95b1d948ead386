"""ETRs and the restoration forecast on real SQLite files: entry, revision, permission,
refusals; the simulation's dependency order, determinism, precedence of team estimates;
the demo's board moment and its backtest, through the CLI as people run it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from console.domain.clock import parse_time
from console.domain.enums import Cause, DisasterArea
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.estimates import EstimateFact, read_estimates
from console.domain.forecast import ForecastOutage, dependency_order, fit, forecast, simulate
from console.services.app import Services
from console.services.estimates import estimate_facts
from console.services.forecast import outages_at
from console.services.inventory import dependencies
from console.services.outages import outage_facts
from console.sync.schema import tables
from tests.conftest import FakeClock

NOW = datetime(2025, 10, 20, tzinfo=UTC)
BOARD_MOMENT = parse_time("2025-10-01T12:00:00+09:00")
REAL_COMPLETION = parse_time("2025-10-14T15:30:00+09:00")


@pytest.fixture
def live(demo_db: Path) -> Iterator[tuple[Services, FakeClock]]:
    """The demo with a clock the test moves, and two systems down again now."""
    clock = FakeClock(NOW)
    app = Services.open(demo_db, clock=clock)
    # The demo's incident is closed (stood down 10-17): a recurrence is a new incident.
    app.incidents.open(app.accounts.login("commander", "demo"), "재발", DisasterArea.SYSTEM_FAILURE,
                       Cause.FIRE)
    systems = app.accounts.login("systems", "demo")
    app.outages.open(systems, "SEO-0108", note="재발")
    app.outages.open(systems, "SEO-0113", note="재발")
    yield app, clock
    app.close()


def test_an_estimate_is_given_revised_and_kept(live: tuple[Services, FakeClock]) -> None:
    app, clock = live
    systems = app.accounts.login("systems", "demo")
    first = app.estimates.give(systems, "SEO-0108", NOW + timedelta(hours=6), "전원 복구 대기",
                               NOW + timedelta(hours=2)).first_id
    clock.advance(hours=1)
    second = app.estimates.give(systems, "SEO-0108", NOW + timedelta(hours=9), "부품 지연")
    history = app.estimates.history("SEO-0108")
    assert [e.id for e in history] == [first, second.first_id]
    assert [e.restore_by for e in history] == [NOW + timedelta(hours=6), NOW + timedelta(hours=9)]
    assert {e.author for e in history} == {"systems"} and history[0].team == "systems"
    assert history[0].at == NOW and history[1].at == NOW + timedelta(hours=1)
    reading = read_estimates(history, clock.moment, restored=False)
    assert reading.revisions == 2 and reading.restore_by == NOW + timedelta(hours=9)
    # Without a next update named, the estimate itself is when the team must speak again.
    assert reading.next_update_at == NOW + timedelta(hours=9)
    assert "outage_estimate" in tables() and tables()["outage_estimate"].is_record
    assert app.maintenance.verify() == []


def test_estimate_refusals_change_nothing(live: tuple[Services, FakeClock]) -> None:
    app, _ = live
    digest = app.maintenance.digest()
    with pytest.raises(PermissionDenied):
        app.estimates.give(app.accounts.login("press", "demo"), "SEO-0108",
                           NOW + timedelta(hours=3))
    systems = app.accounts.login("systems", "demo")
    with pytest.raises(ValidationError) as refused_in_past:
        app.estimates.give(systems, "SEO-0108", NOW - timedelta(minutes=1))
    with pytest.raises(ValidationError) as refused_update_after_etr:
        app.estimates.give(systems, "SEO-0108", NOW + timedelta(hours=3),
                           next_update_at=NOW + timedelta(hours=4))
    with pytest.raises(ValidationError) as refused_restored:
        app.estimates.give(systems, "SEO-0061", NOW + timedelta(hours=3))
    assert [r.value.message.code for r in (refused_in_past, refused_update_after_etr,
                                           refused_restored)] == [
        "estimate.in_past", "estimate.update_after_etr", "estimate.restored"]
    assert app.maintenance.digest() == digest


def test_overdue_estimate_and_update() -> None:
    given = EstimateFact(NOW, "a", NOW + timedelta(hours=4), NOW + timedelta(hours=1))
    assert not read_estimates([given], NOW + timedelta(minutes=30), False).update_overdue
    late_update = read_estimates([given], NOW + timedelta(hours=2), False)
    assert late_update.update_overdue and not late_update.etr_overdue
    late = read_estimates([given], NOW + timedelta(hours=5), False)
    assert late.etr_overdue and late.update_overdue
    assert not read_estimates([given], NOW + timedelta(hours=5), True).etr_overdue
    assert read_estimates([given], NOW - timedelta(hours=1), False).current is None


def _chain() -> list[ForecastOutage]:
    """C needs B needs A; D needs A and C; E stands alone; B has a team's estimate."""
    def outage(code: str, depends: tuple[str, ...] = (), etr: datetime | None = None,
               restored: bool = False, hours: float = 30.0) -> ForecastOutage:
        return ForecastOutage(code, code, 1 if code in "AB" else 3, 4.0 if code in "AB" else 24,
                              NOW - timedelta(hours=hours),
                              NOW - timedelta(hours=1) if restored else None, hours, etr,
                              depends)
    return [outage("D", ("A", "C")), outage("C", ("B",)),
            outage("B", ("A",), etr=NOW + timedelta(hours=2)), outage("A"), outage("E"),
            outage("R", restored=True, hours=20.0), outage("S", ("R",))]


def test_every_draw_respects_the_dependency_order() -> None:
    outages = _chain()
    open_outages = [o for o in outages if o.restored_at is None]
    finish = simulate(outages, NOW, 3000, 7, fit(outages))
    row = {o.id: i for i, o in enumerate(open_outages)}
    for outage in open_outages:
        for needed in outage.depends_on:
            if needed in row:
                assert np.all(finish[row[outage.id]] >= finish[row[needed]]), (outage.id, needed)
    assert np.all(finish >= 0)
    order = [open_outages[i].id for i in dependency_order(open_outages)]
    assert order.index("A") < order.index("B") < order.index("C") < order.index("D")


def test_a_cycle_is_broken_not_fatal() -> None:
    a = ForecastOutage("A", "A", 1, 4, NOW, None, 1.0, None, ("B",))
    b = ForecastOutage("B", "B", 1, 4, NOW, None, 1.0, None, ("A",))
    assert sorted(dependency_order([a, b])) == [0, 1]
    assert forecast([a, b], NOW, draws=100).all_restored is not None


def test_same_seed_same_forecast_and_team_estimates_take_precedence() -> None:
    outages = _chain()
    one, again = forecast(outages, NOW, seed=5), forecast(outages, NOW, seed=5)
    assert one == again
    assert forecast(outages, NOW, seed=6).all_restored != one.all_restored
    finish = simulate(outages, NOW, 4000, 1, fit(outages))
    open_ids = [o.id for o in outages if o.restored_at is None]
    b = finish[open_ids.index("B")]
    a = finish[open_ids.index("A")]
    # B's team says two hours: its median is two hours unless A, which it needs, is later.
    assert np.median(np.where(a < 1.0, b, 2.0)) == pytest.approx(2.0, rel=0.15)
    band = one.all_restored
    assert band is not None and band.p10 <= band.p50 <= band.p90 and not band.done
    assert one.curve and one.curve[0].p50 >= 1 and one.curve[-1].p90 <= len(outages)


def _demo_state(app: Services, moment: datetime) -> list[ForecastOutage]:
    with app.db.sessions() as session:
        facts = outage_facts(session, None)
        return outages_at(moment, facts, estimate_facts(session, None), dependencies(session))


def test_the_board_moment_band_contains_the_real_completion(demo: Services) -> None:
    result = demo.forecast.forecast(as_of=BOARD_MOMENT)
    assert result.all_restored is not None and result.importance_1_2 is not None
    assert result.all_restored.contains(REAL_COMPLETION)
    assert (result.open, result.affected) == (31, 64)
    assert result.with_etr >= 1  # the demo's team estimates known at 10-01 12:00
    # Only what was known then: restorations after the moment are open outages.
    state = _demo_state(demo, BOARD_MOMENT)
    assert sum(o.restored_at is None for o in state) == 31
    assert all(o.restored_at is None or o.restored_at <= BOARD_MOMENT for o in state)
    late = demo.forecast.forecast(as_of=parse_time("2025-10-15T00:00:00+09:00"))
    assert late.all_restored is not None and late.all_restored.done
    assert late.all_restored.p50 == REAL_COMPLETION


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "console", "--db", str(db), *args],
                          capture_output=True, text=True, check=False,
                          env={"PATH": "", "CONSOLE_PASSWORD": "demo", "PYTHONPATH": "."})


def test_forecast_and_backtest_through_the_cli(demo_db: Path) -> None:
    run = _cli(demo_db, "forecast", "--as-of", "2025-10-01T12:00:00+09:00", "--seed", "3",
               "--json")
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert figures["estimate"] is True and figures["basis"]["seed"] == 3
    for target in ("all_restored", "importance_1_2_restored"):
        band = figures[target]
        assert band["p10"] <= band["p50"] <= band["p90"]
        assert datetime.fromisoformat(band["p50"]).utcoffset() == timedelta(hours=9)
    assert _cli(demo_db, "forecast", "--as-of", "2025-10-01T12:00:00+09:00", "--seed", "3",
                "--json").stdout == run.stdout
    backtest = _cli(demo_db, "forecast", "backtest", "--json")
    assert backtest.returncode == 0, backtest.stderr
    result = json.loads(backtest.stdout)
    assert set(result) == {"moments", "within_p10_p90", "median_error_hours"}
    assert result["moments"] > 20 and 0 <= result["within_p10_p90"] <= result["moments"]
    assert result["median_error_hours"] > 0
    text = _cli(demo_db, "--lang", "en", "forecast", "--as-of", "2025-10-01T12:00:00+09:00")
    assert text.returncode == 0 and "estimate" in text.stdout and "basis" in text.stdout


def test_outage_eta_through_the_cli(demo_db: Path) -> None:
    refused = _cli(demo_db, "--user", "systems", "outage", "eta", "SEO-0108", "--at",
                   "2025-10-30T12:00:00+09:00")
    # The demo's SEO-0108 was restored long ago: one line, exit 1.
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    no_user = _cli(demo_db, "outage", "eta", "SEO-0108", "--at", "2099-01-01T00:00:00+09:00")
    assert no_user.returncode == 1
    usage = _cli(demo_db, "--user", "systems", "outage", "eta", "SEO-0108")
    assert usage.returncode == 2


def test_the_report_freezes_the_forecast_in_its_next_steps(demo: Services) -> None:
    from console.reports.snapshot import loads
    from console.reports.text import short_time
    from console.store.models import SituationReport
    from tests.pdftext import flat

    situation = demo.accounts.login("situation", "demo")
    drafted = demo.reports.draft(situation, as_of=BOARD_MOMENT)
    with demo.db.sessions() as session:
        stored = session.get(SituationReport, drafted.row.id)
        assert stored is not None
        snapshot = loads(stored.snapshot_json)
    frozen = snapshot.get("forecast")
    assert frozen is not None and frozen["all_restored"] is not None
    live = demo.forecast.forecast(as_of=BOARD_MOMENT).all_restored
    assert live is not None
    assert parse_time(frozen["all_restored"]["p50"]) == live.p50
    text = flat(drafted.pdf)
    assert "복구 전망(추정치)" in text and "추정치이며 약속이 아닙니다" in text
    assert short_time("ko", frozen["all_restored"]["p50"]) in text
    text_en = flat(demo.reports.preview(as_of=BOARD_MOMENT, lang="en"))
    assert "Restoration outlook (estimate)" in text_en
    again = demo.reports.reprint(drafted.row.id)
    assert again.matches and again.pdf == drafted.pdf
    # Once everything is back there is nothing to estimate: no outlook in the report.
    assert "복구 전망" not in flat(demo.reports.preview(as_of=parse_time("2025-10-20T00:00+09:00")))
