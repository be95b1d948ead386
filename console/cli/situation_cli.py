"""``situation [--incident ID] [--as-of T] [--department X] [--facility Y] --json``: the
board's figures as one JSON object, from the same rule as the board, the tables, ``outage list``
and the reports (DESIGN.md §7). ``--department`` and ``--facility`` narrow them as the board's
filter does (the same OutageFilter through the same SituationService.view)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from console.cli.output import json_time
from console.domain.clock import parse_time
from console.domain.errors import ValidationError
from console.domain.situation import OutageFilter
from console.services.app import Services


def register(sub: argparse._SubParsersAction) -> None:
    situation = sub.add_parser("situation", help="the board's figures at a moment")
    situation.add_argument("--incident")
    situation.add_argument("--as-of", dest="as_of")
    situation.add_argument("--department", help="only this department's outages")
    situation.add_argument("--facility", help="only this facility's outages")
    situation.add_argument("--json", action="store_true", help="one JSON object")


def situation(args: argparse.Namespace, services: Services) -> int:
    as_of = parse_time(args.as_of) if args.as_of else None
    only = OutageFilter(args.department or None, args.facility or None)
    view = services.situation.view(args.incident, as_of, only if only.narrows else None)
    _check_scope(only, view.departments, view.facilities)
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
    if only.narrows:  # what the figures count, as the board's filter shows it
        figures.update(department=only.department, facility=only.facility)
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {'' if value is None else value}")
    return 0


def _check_scope(only: OutageFilter, departments: tuple[str, ...],
                 facilities: tuple[str, ...]) -> None:
    """A name no outage of the incident carries is a typing error, not an all-zero board."""
    if only.department is not None and only.department not in departments:
        raise ValidationError("situation.unknown_department", department=only.department,
                              known=", ".join(departments) or "-")
    if only.facility is not None and only.facility not in facilities:
        raise ValidationError("situation.unknown_facility", facility=only.facility,
                              known=", ".join(facilities) or "-")


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {"situation": situation}
