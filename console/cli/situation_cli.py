"""``situation [--incident ID] [--as-of T] --json``: the board's figures as one JSON object,
from the same rule as the board, the tables, ``outage list`` and the reports (DESIGN.md §7)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from console.cli.output import json_time
from console.domain.clock import parse_time
from console.services.app import Services


def register(sub: argparse._SubParsersAction) -> None:
    situation = sub.add_parser("situation", help="the board's figures at a moment")
    situation.add_argument("--incident")
    situation.add_argument("--as-of", dest="as_of")
    situation.add_argument("--json", action="store_true", help="one JSON object")


def situation(args: argparse.Namespace, services: Services) -> int:
    as_of = parse_time(args.as_of) if args.as_of else None
    view = services.situation.view(args.incident, as_of)
    figures: dict[str, object] = {
        "incident_id": view.incident.id, "as_of": json_time(view.situation.as_of),
        "crisis_level": view.crisis_level, **view.situation.figures(),
        "restored_percent": round(view.situation.restored_percent, 1),
        "next_report_due": json_time(view.next_report_due),
        "report_overdue": view.report_overdue,
        "report_schedule": view.schedule.encode(),
        "activated_at": json_time(view.incident.activated_at) if view.activated else None,
        "closed_at": json_time(view.incident.closed_at) if view.closed else None,
        "next_text_due": json_time(view.next_text_due),
    }
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {'' if value is None else value}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {"situation": situation}
