"""The report commands of the headless interface (DESIGN.md §7).

``report --out FILE.pdf [--incident ID] [--as-of T] [--approve]`` is the contract. Rendering a
draft to a file is a read and needs no user; with ``--user`` the draft is also stored (the
command or the situation team); ``--approve`` needs a user who may approve and issues the next
number. Around it: ``reports`` (the list, duplicates flagged), ``reprint``, ``printout`` and
``fallback-pack``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from console.cli import commands
from console.cli.output import json_time, print_json, print_table
from console.domain.clock import parse_time
from console.domain.enums import Team
from console.domain.errors import VerificationFailed
from console.domain.messages import Message
from console.services.app import Services
from console.services.reports import PRINTOUT_KINDS
from console.store.files import write_atomically


def _lang(args: argparse.Namespace) -> str:
    return args.lang or "ko"


def _write(path: str, data: bytes) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise commands.UsageError(Message("cli.out_suffix", path=path, suffix=".pdf"))
    return write_atomically(target, data)


def report(args: argparse.Namespace, services: Services) -> int:
    as_of = parse_time(args.as_of) if args.as_of else None
    if args.approve:
        who = commands.actor(args, services)
        issued = services.reports.approve(who, incident_id=args.incident, as_of=as_of,
                                          lang=_lang(args), reason=args.reason)
        path = _write(args.out, issued.pdf)
        print(path)
        print(f"number {issued.row.number}")
        if issued.row.duplicates:
            print(f"warning: {issued.row.title(_lang(args))}", file=sys.stderr)
        if issued.pack_error:
            print(f"warning: {issued.pack_error}", file=sys.stderr)
        return 0
    if args.user:
        drafted = services.reports.draft(commands.actor(args, services), args.incident, as_of,
                                         _lang(args))
        path = _write(args.out, drafted.pdf)
        print(path)
        print(f"draft {drafted.row.id}")
        return 0
    print(_write(args.out, services.reports.preview(args.incident, as_of, _lang(args))))
    return 0


def reports(args: argparse.Namespace, services: Services) -> int:
    rows = [{"id": r.id, "number": r.number, "title": r.title(_lang(args)),
             "as_of": json_time(r.as_of), "issued_at": json_time(r.issued_at),
             "prepared_by": r.prepared_by, "approved_by": r.approved_by,
             "workstation": r.workstation, "duplicate_of": list(r.duplicates),
             "approved_as": r.approved_as, "sha256": r.pdf_sha256,
             "report_to": list(r.report_to),
             "reprints": [{"at": json_time(at), "by": by} for at, by in r.reprints]}
            for r in services.reports.list(args.incident)]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["id", "title", "as_of", "issued_at", "approved_by", "workstation"],
                    _lang(args))
    return 0


def reprint(args: argparse.Namespace, services: Services) -> int:
    # A paper copy: its pages say 재출력, the audit trail records it (with --user, by whom).
    who = commands.actor(args, services) if args.user else None
    again = services.reports.reprint_copy(who, args.id)
    path = _write(args.out, again.pdf)
    print(path)
    if not again.matches:
        raise VerificationFailed("report.reprint_differs", sha256=again.sha256[:12],
                                 issued=again.stored_sha256[:12])
    return 0


def printout(args: argparse.Namespace, services: Services) -> int:
    team = Team.parse(args.team) if args.team else None
    data = services.reports.printout(
        args.kind, team, parse_time(args.start) if args.start else None,
        parse_time(args.end) if args.end else None, _lang(args), args.incident)
    print(_write(args.out, data))
    return 0


def fallback_pack(args: argparse.Namespace, services: Services) -> int:
    written = services.reports.write_fallback_pack(Path(args.out), _lang(args), args.keep)
    print(written)
    return 0


def summary(args: argparse.Namespace, services: Services) -> int:
    as_of = parse_time(args.as_of) if args.as_of else None
    print(_write(args.out, services.reports.summary(args.incident, as_of, _lang(args))))
    return 0


def handover(args: argparse.Namespace, services: Services) -> int:
    start = parse_time(args.start) if args.start else None
    end = parse_time(args.end) if args.end else None
    print(_write(args.out, services.handover.briefing(args.incident, start, end, _lang(args))))
    return 0


def final_report(args: argparse.Namespace, services: Services) -> int:
    print(_write(args.out, services.final_report.render(args.incident, _lang(args))))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {
    "report": report, "reports": reports, "reprint": reprint, "printout": printout,
    "fallback-pack": fallback_pack, "summary": summary, "handover": handover,
    "final-report": final_report,
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the report subcommands to the top-level parser."""
    rep = sub.add_parser("report", help="render a situation report (draft unless approved)")
    rep.add_argument("--out", required=True, help="the PDF to write")
    rep.add_argument("--incident", help="incident id (default: the latest open one)")
    rep.add_argument("--as-of", dest="as_of", help="the moment to report on (default: now)")
    rep.add_argument("--approve", action="store_true",
                     help="issue it as the next 제N보 (needs --user who may approve)")
    rep.add_argument("--reason", help="why a report of a moment before the last issued one, "
                                      "or after the stand-down, is issued (printed on it)")

    listing = sub.add_parser("reports", help="list stored reports (duplicates flagged)")
    listing.add_argument("--json", action="store_true", help="a JSON array of objects")
    listing.add_argument("--incident")

    again = sub.add_parser("reprint", help="render a stored report again from its snapshot")
    again.add_argument("id")
    again.add_argument("--out", required=True)

    prints = sub.add_parser("printout", help="print the log, outages, decisions, roster or "
                                             "inventory")
    prints.add_argument("--kind", required=True, choices=PRINTOUT_KINDS)
    prints.add_argument("--out", required=True)
    prints.add_argument("--team", help="activity log of one team (default: all five)")
    prints.add_argument("--from", dest="start", help="period start (log, decisions)")
    prints.add_argument("--to", dest="end", help="period end (log, decisions)")
    prints.add_argument("--incident")

    brief = sub.add_parser("summary", help="the one-page situation summary for the commander")
    brief.add_argument("--out", required=True, help="the PDF to write")
    brief.add_argument("--as-of", dest="as_of", help="the moment (default: now)")
    brief.add_argument("--incident")

    shift = sub.add_parser("handover", help="the shift-handover briefing (ICS-201 style)")
    shift.add_argument("--out", required=True, help="the PDF to write")
    shift.add_argument("--from", dest="start", help="period start (default: 8 hours before --to)")
    shift.add_argument("--to", dest="end", help="period end (default: now)")
    shift.add_argument("--incident")

    final = sub.add_parser("final-report", help="최종(결과)보고 of a closed incident")
    final.add_argument("--out", required=True, help="the PDF to write")
    final.add_argument("--incident")

    fallback = sub.add_parser("fallback-pack", help="write the paper fallback pack into DIR")
    fallback.add_argument("--out", required=True, help="the pack folder (a USB stick, a share)")
    fallback.add_argument("--keep", type=int, default=None, help="generations to keep (5)")
