"""The argparse tree of the headless interface (DESIGN.md §7: names and flags are a contract)."""

from __future__ import annotations

import argparse

from console import __version__
from console.cli.extensions import EXTENSIONS


def _list(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("--json", action="store_true", help="a JSON array of objects")
    return parser


_OUTAGE_PAPER = ("typed in from a hand-written outage report, e.g. '장애 접수서 #12' (needs "
                 "--at, the time written on it; the entry time is kept apart)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="incident-console",
        description="Digital-disaster command console. With no command it opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="database file (default: in the user data folder)")
    parser.add_argument("--lang", choices=["ko", "en"], default=None, help="language (ko)")
    parser.add_argument("--user", help="who is acting; password from CONSOLE_PASSWORD or prompt")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="new database with this workstation's identity and keys")
    init.add_argument("--workstation", required=True)
    init.add_argument("--admin", required=True)

    demo = sub.add_parser("demo", help="new database holding the demo scenario")
    demo.add_argument("--scale", type=int, default=1)

    imp = sub.add_parser("import-systems", help="import the inventory (CSV or XLSX), all or nothing")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true")
    exp = sub.add_parser("export-systems", help="export the inventory (CSV or XLSX)")
    exp.add_argument("file")
    _list(sub, "systems", "list systems")

    incident = sub.add_parser("incident", help="incidents and crisis level")
    isub = incident.add_subparsers(dest="action", required=True, metavar="ACTION")
    iopen = isub.add_parser("open", help=(
        "open an incident (its start time, area, cause, crisis "
        "level)"))
    iopen.add_argument("--title", required=True)
    iopen.add_argument("--area", default="system_failure")
    iopen.add_argument("--cause", default="other")
    iopen.add_argument("--level", default="interest")
    iopen.add_argument("--at")
    ilevel = isub.add_parser("level", help="change the crisis level, with the reason")
    ilevel.add_argument("--to", required=True)
    ilevel.add_argument("--reason", required=True)
    ilevel.add_argument("--at")
    iactivate = isub.add_parser("activate", help="task force activated (대책본부 가동)")
    iactivate.add_argument("--incident")
    iactivate.add_argument("--at")
    iactivate.add_argument("--level", help="also set the crisis level at that moment")
    iclose = isub.add_parser("close", help="stand-down (해산)")
    iclose.add_argument("--incident")
    iclose.add_argument("--reason", required=True)
    iclose.add_argument("--at")
    ischedule = isub.add_parser("schedule", help="report cadence after the first report")
    ischedule.add_argument("--incident")
    cadence = ischedule.add_mutually_exclusive_group(required=True)
    cadence.add_argument("--hours", help="KST hours of the day, e.g. 8,12,18")
    cadence.add_argument("--every", type=float, help="a report every H hours")
    ischedule.add_argument("--at")
    _list(isub, "list", "list incidents")
    ilesson = isub.add_parser("lesson", help="record a lesson or 재발방지 대책 (for the final "
                                             "report; also after the stand-down)")
    ilesson.add_argument("--text", required=True)
    ilesson.add_argument("--incident")
    ilesson.add_argument("--at")
    ilessons = _list(isub, "lessons", "lessons recorded and the record's stated follow-ups")
    ilessons.add_argument("--incident")

    outage = sub.add_parser("outage", help="outages of systems")
    osub = outage.add_subparsers(dest="action", required=True, metavar="ACTION")
    oopen = osub.add_parser("open", help="record an outage of a system (when it was detected)")
    oopen.add_argument("--system", required=True)
    oopen.add_argument("--at")
    oopen.add_argument("--note", default="")
    oopen.add_argument("--scope", default="full", choices=["full", "partial"])
    ostatus = osub.add_parser("status", help=(
        "an outage's new status (workaround, restored, …), "
        "back-dated with --at"))
    ostatus.add_argument("id")
    ostatus.add_argument("--to", required=True)
    ostatus.add_argument("--at")
    ostatus.add_argument("--note", default="")
    ostatus.add_argument("--phase", type=int)
    for recorded in (oopen, ostatus):  # a 장애 접수서 typed in after a dead-computer day
        recorded.add_argument("--from-paper", dest="from_paper", metavar="REF",
                              help=_OUTAGE_PAPER)
    oeta = osub.add_parser("eta", help="a team's estimated restoration time (ETR)")
    oeta.add_argument("id")
    oeta.add_argument("--at", required=True, help="when the outage will be restored")
    oeta.add_argument("--note", default="")
    oeta.add_argument("--next-update", dest="next_update",
                      help="when the team will next update the estimate (default: the ETR)")
    _list(osub, "list", "list outages")

    task = sub.add_parser("task", help="recovery tasks")
    tsub = task.add_subparsers(dest="action", required=True, metavar="ACTION")
    tadd = tsub.add_parser("add", help="a recovery task for a team")
    tadd.add_argument("--team", required=True)
    tadd.add_argument("--title", required=True)
    tadd.add_argument("--outage")
    tadd.add_argument("--due")
    tadd.add_argument("--assignee")
    tadd.add_argument("--detail", default="")
    tedit = tsub.add_parser("edit", help=(
        "edit a task's title, due time, priority, assignee or "
        "team"))
    tedit.add_argument("id")
    tedit.add_argument("--title")
    tedit.add_argument("--due", help="the new due time; '' clears it")
    tedit.add_argument("--assignee")
    tedit.add_argument("--team")
    tedit.add_argument("--priority", type=int, help="1 (highest) to 3")
    tstatus = tsub.add_parser("status", help=(
        "a task's new status (in progress, blocked, done, "
        "cancelled)"))
    tstatus.add_argument("id")
    tstatus.add_argument("--to", required=True)
    tstatus.add_argument("--note", default="")
    _list(tsub, "list", "list tasks")

    decision = sub.add_parser("decision", help="the decision log")
    dsub = decision.add_subparsers(dest="action", required=True, metavar="ACTION")
    dadd = dsub.add_parser("add", help="record a decision (or correct one with --corrects)")
    dadd.add_argument("--summary", required=True)
    dadd.add_argument("--rationale", default="")
    dadd.add_argument("--alternatives", default="")
    dadd.add_argument("--corrects")
    _list(dsub, "list", "list decisions, newest first")

    log = sub.add_parser("log", help="the activity log (ICS-214)")
    lsub = log.add_subparsers(dest="action", required=True, metavar="ACTION")
    ladd = lsub.add_parser("add", help="an entry in a team's activity log (ICS 214)")
    ladd.add_argument("--team", required=True)
    ladd.add_argument("--text", required=True)
    ladd.add_argument("--significant", action="store_true")
    ladd.add_argument("--written-at", dest="written_at",
                      help="when it happened: the time written on a paper sheet (KST if naive)")
    ladd.add_argument("--from-paper", dest="from_paper", metavar="REF",
                      help="typed in from a hand-written sheet, e.g. 'ICS-214 #3' "
                           "(needs --written-at; the entry time is kept apart)")
    lverify = lsub.add_parser("verify", help="the controller confirms a significant log entry")
    lverify.add_argument("id")
    llist = _list(lsub, "list", "list log entries, newest first")
    llist.add_argument("--team")

    backup = sub.add_parser("backup", help="online, verified backup")
    backup.add_argument("--out", required=True)
    restore = sub.add_parser("restore", help="replace the database with a verified backup")
    restore.add_argument("file")
    sub.add_parser("verify", help="integrity, invariants; exit 1 on any finding")
    sub.add_parser("digest", help="sha256 of the canonical visible state")

    shot = sub.add_parser("screenshot", help="render the real window offscreen to a PNG")
    shot.add_argument("--view", required=True,
                      choices=["board", "systems", "outages", "tasks", "decisions", "log",
                               "reports", "sync", "timeline", "notices"])
    shot.add_argument("--out", required=True)
    for extension in EXTENSIONS:
        extension.register(sub)
    return parser
