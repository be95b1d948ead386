"""The incident's restoration forecast and its backtest, from what was known at a moment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from console.domain.cadence import DEFAULT_EVERY_HOURS, FIRST_REPORT_WITHIN
from console.domain.clock import to_utc
from console.domain.errors import ValidationError
from console.domain.estimates import EstimateFact, read_estimates
from console.domain.forecast_facts import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Backtest,
    Forecast,
    ForecastOutage,
    report_moments,
)
from console.domain.outage_clock import read_clock
from console.domain.situation import OutageFact
from console.services.context import ServiceBase, current_incident
from console.services.estimates import estimate_facts
from console.services.inventory import dependencies
from console.services.outages import outage_facts

BACKTEST_DRAWS = 1000
"""Per moment of a backtest: dozens of moments, each a whole forecast."""


def outages_at(moment: datetime, facts: Sequence[OutageFact],
               estimates: Mapping[str, Sequence[EstimateFact]],
               depends: Mapping[str, Sequence[str]]) -> list[ForecastOutage]:
    """The incident's outages as known at ``moment``: the outage clock's reading, the
    estimates given by then, and the dependencies among their systems."""
    known = [f for f in facts if f.detected_at <= moment]
    by_code = {f.code: f.id for f in known}
    result = []
    for fact in known:
        reading = read_clock(fact.detected_at, fact.events, moment)
        restored = reading.status.is_restored
        estimate = read_estimates(estimates.get(fact.id, ()), moment, restored)
        result.append(ForecastOutage(
            id=fact.id, code=fact.code, importance_grade=fact.importance_grade,
            rto_hours=fact.rto_hours, detected_at=fact.detected_at,
            restored_at=reading.restored_at if restored else None,
            elapsed_hours=reading.elapsed_hours, etr=estimate.restore_by,
            depends_on=tuple(by_code[c] for c in depends.get(fact.code, ()) if c in by_code)))
    return result


class ForecastService(ServiceBase):
    def _load(self, incident_id: str | None, facts: Sequence[OutageFact] | None = None
              ) -> tuple[str, datetime | None, Sequence[OutageFact],
                         dict[str, list[EstimateFact]], dict[str, list[str]]]:
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            return (incident.id, incident.activated_at,
                    outage_facts(session, incident.id) if facts is None else facts,
                    estimate_facts(session, incident.id), dependencies(session))

    def forecast(self, incident_id: str | None = None, as_of: datetime | None = None,
                 seed: int = DEFAULT_SEED, draws: int = DEFAULT_DRAWS,
                 facts: Sequence[OutageFact] | None = None) -> Forecast:
        """``facts``: the incident's outages when the caller has read them already (a
        report's situation view), else read here."""
        if seed < 0:
            raise ValidationError("forecast.bad_seed", seed=seed)
        moment = to_utc(as_of) if as_of else self.now()
        incident, _, facts, estimates, depends = self._load(incident_id, facts)
        # The computation needs numpy (~0.3 s to import): loaded with the first forecast, on
        # the runner thread, not when the window starts.
        from console.domain.forecast import forecast

        return forecast(outages_at(moment, facts, estimates, depends), moment, draws=draws,
                        seed=seed, incident_id=incident)

    def backtest(self, incident_id: str | None = None, draws: int = BACKTEST_DRAWS,
                 seed: int = DEFAULT_SEED) -> Backtest:
        """Replay a finished restoration: the forecast at each report moment (the first
        within 30 minutes of activation, then one per report interval) against the real
        completion, each from only what was known at that moment."""
        _, activated, facts, estimates, depends = self._load(incident_id)
        final = [read_clock(f.detected_at, f.events) for f in facts]
        if not facts or not all(r.status.is_restored for r in final):
            raise ValidationError("forecast.not_closed")
        completed = max(r.restored_at for r in final if r.restored_at is not None)
        start = (to_utc(activated) if activated else min(f.detected_at for f in facts))
        moments = report_moments(start + FIRST_REPORT_WITHIN, completed,
                                 timedelta(hours=DEFAULT_EVERY_HOURS))
        states = {m: outages_at(m, facts, estimates, depends) for m in moments}
        from console.domain.forecast import backtest

        return backtest(states, completed, draws=draws, seed=seed)
