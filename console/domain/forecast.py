"""When will it be back: a Monte Carlo forecast of an incident's restoration (docs/forecast.md).

The model, written once:
- **Durations are log-normal.** An outage's time down (detection to restoration) is
  ``log D = a + b·log(RTO/24 h) + σ·ε``: systems with a longer recovery objective take longer,
  and recovery times of IT systems are skewed, not symmetric.
- **Refitted at every moment** from what is known then: restored outages give their durations,
  open ones say only "longer than the time elapsed so far" (right-censored); the fit is the
  censored maximum likelihood by EM, held by weak priors so the first hours, with nothing
  restored yet, still give an answer (``PRIOR``).
- **Conditioned on time elapsed.** An open outage's remaining time is drawn from the fitted
  distribution truncated below at its elapsed time: the longer it has lasted, the longer it is
  expected to last.
- **Team ETRs take precedence.** An outage with a team's estimate still in the future is
  restored around that estimate (a log-normal slip of ``ETR_SPREAD``); an overdue estimate is
  no longer believed and the outage falls back to the statistical model.
- **Dependency order.** A system cannot come back before what it depends on: in every draw its
  restoration is at the latest of its own and of its open dependencies'.

Pure computation over plain facts (numpy arrays; numpy comes with pyqtgraph anyway), so the
board, the report, the CLI and the backtest agree by construction. Deterministic for a seed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from console.domain.forecast_facts import (
    CURVE_DRAWS,
    CURVE_POINTS,
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    EM_ROUNDS,
    ETR_SPREAD,
    PRIOR,
    Backtest,
    BacktestMoment,
    Band,
    CurvePoint,
    Fit,
    Forecast,
    ForecastOutage,
    Prior,
    x_of_rto,
)
from console.domain.normal import tail_quantile, upper_tail

Array = npt.NDArray[np.float64]


# --- the fit ------------------------------------------------------------------------------

def fit(outages: Sequence[ForecastOutage], prior: Prior = PRIOR) -> Fit:
    """Censored maximum likelihood (EM) of the log-normal durations, with weak priors."""
    x = np.array([x_of_rto(o.rto_hours) for o in outages], dtype=np.float64)
    y = np.array([math.log(max(o.elapsed_hours, 1 / 60)) for o in outages], dtype=np.float64)
    censored = np.array([o.restored_at is None for o in outages], dtype=bool)
    a, b, sigma = prior.a, prior.b, prior.sigma
    n = len(outages)
    for _ in range(EM_ROUNDS):
        mean = a + b * x
        alpha = (y - mean) / sigma
        tail = np.maximum(upper_tail(alpha), 1e-300)
        hazard = np.exp(-0.5 * alpha * alpha) / math.sqrt(2 * math.pi) / tail
        hazard = np.where(alpha > 30, alpha, hazard)  # the tail's limit, past float range
        expected = np.where(censored, mean + sigma * hazard, y)
        variance = np.where(censored, sigma * sigma * np.maximum(
            1 + alpha * hazard - hazard * hazard, 0.0), 0.0)
        # Ridge regression of the expected log durations on x: priors as extra equations.
        wa, wb = (sigma / prior.a_sd) ** 2, (sigma / prior.b_sd) ** 2
        sxx, sx, sy, sxy = float(x @ x), float(x.sum()), float(expected.sum()), float(
            x @ expected)
        matrix = np.array([[n + wa, sx], [sx, sxx + wb]])
        vector = np.array([sy + wa * prior.a, sxy + wb * prior.b])
        a, b = (float(v) for v in np.linalg.solve(matrix, vector))
        residual = expected - (a + b * x)
        squares = float(residual @ residual + variance.sum())
        sigma = math.sqrt((squares + prior.sigma_weight * prior.sigma ** 2)
                          / (n + prior.sigma_weight))
        sigma = max(sigma, 0.05)
    return Fit(a, b, sigma, int((~censored).sum()), int(censored.sum()))


# --- the simulation -----------------------------------------------------------------------

def dependency_order(outages: Sequence[ForecastOutage]) -> list[int]:
    """Indexes of the outages, each after the open outages it depends on (Kahn's order).

    A cycle (refused at import, but two workstations could each add half of one) is broken
    in code order: its members wait only for those already placed."""
    position = {o.id: i for i, o in enumerate(outages)}
    needs = [{position[d] for d in o.depends_on if d in position and d != o.id} for o in outages]
    waiting = [len(n) for n in needs]
    dependants: list[list[int]] = [[] for _ in outages]
    for index, needed in enumerate(needs):
        for other in needed:
            dependants[other].append(index)
    order: list[int] = []
    placed = [False] * len(outages)
    ready = sorted((i for i, w in enumerate(waiting) if w == 0), key=lambda i: outages[i].code)
    rest = sorted(range(len(outages)), key=lambda i: outages[i].code)
    while len(order) < len(outages):
        if not ready:  # a cycle: take the first unplaced in code order
            ready = [next(i for i in rest if not placed[i])]
        following: list[int] = []
        for index in ready:
            if placed[index]:
                continue
            placed[index] = True
            order.append(index)
            for dependant in dependants[index]:
                waiting[dependant] -= 1
                if waiting[dependant] == 0 and not placed[dependant]:
                    following.append(dependant)
        ready = following
    return order


def simulate(outages: Sequence[ForecastOutage], as_of: datetime, draws: int, seed: int,
             model: Fit) -> npt.NDArray[np.float32]:
    """Hours after ``as_of`` at which each open outage is restored, per draw: (open, draws).

    Rows follow ``outages`` filtered to the open ones, in their order."""
    open_outages = [o for o in outages if o.restored_at is None]
    rng = np.random.Generator(np.random.PCG64(seed))
    count = len(open_outages)
    finish = np.empty((count, draws), dtype=np.float32)
    if count == 0:
        return finish
    elapsed = np.array([max(o.elapsed_hours, 1 / 60) for o in open_outages])
    mean = model.a + model.b * np.array([x_of_rto(o.rto_hours) for o in open_outages])
    etr_hours = np.array([(o.etr - as_of).total_seconds() / 3600
                          if o.etr is not None and o.etr > as_of else math.nan
                          for o in open_outages])
    by_team = ~np.isnan(etr_hours)
    # Statistical rows: D | D > elapsed. Its upper-tail probability is Q(z_elapsed)·W with W
    # uniform, so with E = −log W (exponential) z = Q⁻¹(exp(log Q(z_elapsed) − E)): one
    # exponential draw, a shift and the tail table per value (console/domain/normal.py), in
    # float32: at 6,400 outages × 2,000 draws the arithmetic per value is what costs.
    statistical = np.flatnonzero(~by_team)
    if statistical.size:
        start_tail = upper_tail((np.log(elapsed[statistical]) - mean[statistical])
                                / model.sigma)
        depth = rng.standard_exponential((statistical.size, draws), dtype=np.float32)
        depth -= np.log(np.maximum(start_tail, 1e-300)).astype(np.float32)[:, None]
        z = tail_quantile(depth)
        z *= np.float32(model.sigma)
        z += mean[statistical].astype(np.float32)[:, None]
        np.exp(z, out=z)
        z -= elapsed[statistical].astype(np.float32)[:, None]
        np.maximum(z, 0.0, out=z)
        finish[statistical] = z
    team = np.flatnonzero(by_team)
    if team.size:
        slip = np.exp(ETR_SPREAD * rng.standard_normal((team.size, draws), dtype=np.float32))
        finish[team] = etr_hours[team, None].astype(np.float32) * slip
    _respect_dependencies(open_outages, finish)
    return finish


def _respect_dependencies(open_outages: Sequence[ForecastOutage],
                          finish: npt.NDArray[np.float32]) -> None:
    position = {o.id: i for i, o in enumerate(open_outages)}
    for index in dependency_order(open_outages):
        needed = [position[d] for d in open_outages[index].depends_on
                  if d in position and d != open_outages[index].id]
        if len(needed) == 1:
            np.maximum(finish[index], finish[needed[0]], out=finish[index])
        elif needed:
            np.maximum(finish[index], finish[needed].max(axis=0), out=finish[index])


def forecast(outages: Sequence[ForecastOutage], as_of: datetime, *,
             draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED,
             prior: Prior = PRIOR, incident_id: str = "") -> Forecast:
    """The forecast of an incident at ``as_of`` from its outages known then."""
    model = fit(outages, prior)
    finish = simulate(outages, as_of, draws, seed, model)
    open_outages = [o for o in outages if o.restored_at is None]
    important = np.array([o.importance_grade <= 2 for o in open_outages], dtype=bool)
    all_band = _band(outages, as_of, finish, None)
    important_band = _band(outages, as_of, finish[important] if open_outages else finish,
                           lambda o: o.importance_grade <= 2)
    return Forecast(
        as_of=as_of, seed=seed, draws=draws, fit=model, affected=len(outages),
        open=len(open_outages), with_etr=sum(1 for o in open_outages
                                             if o.etr is not None and o.etr > as_of),
        all_restored=all_band, importance_1_2=important_band,
        curve=_curve(outages, as_of, finish, all_band), incident_id=incident_id)


def _band(outages: Sequence[ForecastOutage], as_of: datetime, finish: npt.NDArray[np.float32],
          keep: Callable[[ForecastOutage], bool] | None) -> Band | None:
    chosen = [o for o in outages if keep is None or keep(o)]
    if not chosen:
        return None
    if all(o.restored_at is not None for o in chosen):
        done = max(o.restored_at for o in chosen if o.restored_at is not None)
        return Band(done, done, done, done=True)
    last = finish.max(axis=0)
    p10, p50, p90 = np.percentile(last, [10, 50, 90])
    low, middle, high = (as_of + timedelta(hours=float(p)) for p in (p10, p50, p90))
    return Band(low, middle, high)


def _curve(outages: Sequence[ForecastOutage], as_of: datetime, finish: npt.NDArray[np.float32],
           band: Band | None) -> list[CurvePoint]:
    """Restored count over time from ``as_of`` to past the P90 of "all restored"."""
    if band is None or band.done or finish.size == 0:
        return []
    restored = len(outages) - finish.shape[0]
    span = max((band.p90 - as_of).total_seconds() / 3600 * 1.15, 1.0)
    grid = np.linspace(0.0, span, CURVE_POINTS)
    sample = finish[:, :CURVE_DRAWS]
    bins = np.searchsorted(grid, sample, side="left")  # restored at grid[k] for k ≥ bin
    width = len(grid) + 1
    offsets = bins + width * np.arange(sample.shape[1])[None, :]
    counts = np.bincount(offsets.ravel(), minlength=width * sample.shape[1])
    cumulative = counts.reshape(sample.shape[1], width).cumsum(axis=1)[:, :len(grid)]
    quantiles = np.percentile(cumulative, [10, 50, 90], axis=0) + restored
    return [CurvePoint(as_of + timedelta(hours=float(t)), float(q10), float(q50), float(q90))
            for t, q10, q50, q90 in zip(grid, *quantiles, strict=True)]



def backtest(states_at: Mapping[datetime, Sequence[ForecastOutage]], actual: datetime, *,
             draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> Backtest:
    """The "all restored" forecast at each moment against the real completion ``actual``."""
    moments = []
    for as_of, outages in sorted(states_at.items()):
        result = forecast(outages, as_of, draws=draws, seed=seed)
        if result.all_restored is not None and not result.all_restored.done:
            moments.append(BacktestMoment(as_of, result.all_restored, actual))
    return Backtest(moments)
