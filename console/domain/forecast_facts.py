"""What a restoration forecast says and rests on: its records, constants and the backtest's
tally (the computation is console/domain/forecast.py, docs/forecast.md).

Kept apart from the computation so that what only reads a forecast — the board, the report,
the CLI — does not import numpy: at start-up the window imports this, and numpy (~0.3 s) is
loaded with the first forecast, on the runner thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

DEFAULT_DRAWS = 2000
DEFAULT_SEED = 20250926
CURVE_DRAWS = 500
"""The fan chart reads the first draws only: its bands are smooth long before 2,000."""
CURVE_POINTS = 40
ETR_SPREAD = 0.25
"""σ of the log-normal slip around a team's estimate: the estimate is the median."""
DEFAULT_RTO_HOURS = 24.0
EM_ROUNDS = 40


@dataclass(frozen=True)
class Prior:
    """Weak priors of the fit, worth a few outages' evidence; docs/forecast.md says why."""

    a: float = math.log(72.0)
    """Median time down of a system with a 24 h RTO: three days (large restorations run long)."""
    a_sd: float = 1.0
    b: float = 0.5
    b_sd: float = 0.3
    sigma: float = 1.0
    sigma_weight: float = 4.0


PRIOR = Prior()


@dataclass(frozen=True)
class ForecastOutage:
    """One outage at the moment of the forecast, as the outage clock reads it then."""

    id: str
    code: str
    importance_grade: int
    rto_hours: float | None
    detected_at: datetime
    restored_at: datetime | None
    """The restoration in force at the moment; None while it is open."""
    elapsed_hours: float
    etr: datetime | None = None
    """The team's latest estimate known at the moment (console/domain/estimates.py)."""
    depends_on: tuple[str, ...] = ()
    """Ids of other outages of this incident whose systems this one's system needs."""


@dataclass(frozen=True)
class Fit:
    a: float
    b: float
    sigma: float
    restored: int
    censored: int

    def median_hours(self, rto_hours: float | None) -> float:
        return math.exp(self.a + self.b * x_of_rto(rto_hours))


@dataclass(frozen=True)
class Band:
    """P10/P50/P90 of a target's completion; all three the same once it has happened."""

    p10: datetime
    p50: datetime
    p90: datetime
    done: bool = False

    def contains(self, moment: datetime) -> bool:
        return self.p10 <= moment <= self.p90


@dataclass(frozen=True)
class CurvePoint:
    at: datetime
    p10: float
    p50: float
    p90: float
    """Restored outages (count) at ``at``, by percentile over the draws."""


@dataclass(frozen=True)
class Forecast:
    as_of: datetime
    seed: int
    draws: int
    fit: Fit
    affected: int
    open: int
    with_etr: int
    all_restored: Band | None
    importance_1_2: Band | None
    """None when the incident has no outage of that kind."""
    curve: list[CurvePoint] = field(default_factory=list)
    incident_id: str = ""

    def basis(self) -> dict[str, object]:
        """What the estimate rests on, as the board and the report name it."""
        return {"draws": self.draws, "seed": self.seed, "restored_fitted": self.fit.restored,
                "open": self.open, "with_etr": self.with_etr,
                "median_hours_24h_rto": round(self.fit.median_hours(24.0), 1),
                "sigma": round(self.fit.sigma, 3)}


def x_of_rto(rto_hours: float | None) -> float:
    return math.log(max(rto_hours or DEFAULT_RTO_HOURS, 0.25) / 24.0)




@dataclass(frozen=True)
class BacktestMoment:
    as_of: datetime
    band: Band
    actual: datetime

    @property
    def within(self) -> bool:
        return self.band.contains(self.actual)

    @property
    def error_hours(self) -> float:
        return abs((self.band.p50 - self.actual).total_seconds()) / 3600


@dataclass(frozen=True)
class Backtest:
    moments: list[BacktestMoment]

    @property
    def within_p10_p90(self) -> int:
        return sum(1 for m in self.moments if m.within)

    @property
    def median_error_hours(self) -> float:
        errors = sorted(m.error_hours for m in self.moments)
        if not errors:
            return 0.0
        middle = len(errors) // 2
        return errors[middle] if len(errors) % 2 else (errors[middle - 1] + errors[middle]) / 2

    def figures(self) -> dict[str, object]:
        return {"moments": len(self.moments), "within_p10_p90": self.within_p10_p90,
                "median_error_hours": round(self.median_error_hours, 1)}


def report_moments(first: datetime, completed: datetime, interval: timedelta
                   ) -> list[datetime]:
    """The report moments before the real completion: the first, then one per interval."""
    moments = []
    moment = first
    while moment < completed:
        moments.append(moment)
        moment += interval
    return moments

