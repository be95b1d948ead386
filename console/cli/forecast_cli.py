"""``forecast [--as-of T] [--seed N] [--json]`` and ``forecast backtest [--json]``: when the
incident's systems will be back, as the board shows it, and how well that has held up
(DESIGN.md §7, second part; the method in docs/forecast.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from console.cli.output import json_time
from console.domain.clock import parse_time
from console.domain.forecast_facts import DEFAULT_SEED, Band, Forecast
from console.services.app import Services

LABELS = {
    "estimate": ("추정치 (몬테카를로 모의, 실제와 다를 수 있음)",
                 "estimate (Monte Carlo simulation; reality may differ)"),
    "all_restored": ("전체 복구", "all restored"),
    "importance_1_2_restored": ("중요도 1·2등급 복구", "importance 1–2 restored"),
    "basis": ("근거", "basis"),
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("forecast", help="when the systems will be back (an estimate)")
    parser.add_argument("--incident")
    parser.add_argument("--as-of", dest="as_of")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", action="store_true", help="one JSON object")
    fsub = parser.add_subparsers(dest="action", metavar="ACTION")
    back = fsub.add_parser("backtest", help="replay the closed incident against the forecast")
    back.add_argument("--json", action="store_true", help="one JSON object")


def _band(band: Band | None) -> dict[str, object] | None:
    if band is None:
        return None
    return {"p10": json_time(band.p10), "p50": json_time(band.p50), "p90": json_time(band.p90),
            "done": band.done}


def forecast_figures(result: Forecast) -> dict[str, object]:
    return {"incident_id": result.incident_id, "as_of": json_time(result.as_of), "estimate": True,
            "all_restored": _band(result.all_restored),
            "importance_1_2_restored": _band(result.importance_1_2),
            "affected": result.affected, "open": result.open, "basis": result.basis()}


def forecast(args: argparse.Namespace, services: Services) -> int:
    if args.action == "backtest":
        figures: dict[str, object] = services.forecast.backtest(args.incident).figures()
        if args.json:
            _dump(figures)
        else:
            for key, value in figures.items():
                print(f"{key:<20}  {value}")
        return 0
    as_of = parse_time(args.as_of) if args.as_of else None
    result = services.forecast.forecast(args.incident, as_of, seed=args.seed)
    figures = forecast_figures(result)
    if args.json:
        _dump(figures)
        return 0
    en = (args.lang or "ko") == "en"
    print(LABELS["estimate"][en])
    for key in ("all_restored", "importance_1_2_restored"):
        band = figures[key]
        label = LABELS[key][en]
        if not isinstance(band, dict):
            print(f"{label}: -")
        else:
            print(f"{label}: P10 {band['p10']}  P50 {band['p50']}  P90 {band['p90']}")
    basis = ", ".join(f"{k}={v}" for k, v in result.basis().items())
    print(f"{LABELS['basis'][en]}: {basis}")
    return 0


def _dump(figures: dict[str, object]) -> None:
    json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {"forecast": forecast}
