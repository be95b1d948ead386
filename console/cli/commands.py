"""One handler per command: parse the words, call one service, print the result."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from enum import Enum
from pathlib import Path

from console.cli.output import json_time, print_json, print_table, set_aside_line
from console.domain.cadence import ReportSchedule
from console.domain.clock import parse_time
from console.domain.drill_clock import DrillClock
from console.domain.enums import Cause, CrisisLevel, DisasterArea, OutageStatus, TaskStatus, Team
from console.domain.errors import ConsoleError, ValidationError, VerificationFailed
from console.domain.messages import Message
from console.services.app import Services
from console.services.context import Actor
from console.services.demo import DEMO_USERS


class UsageError(Exception):
    """Exit status 2: the command line itself is wrong (said in the user's language)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


def open_services(db_path: Path) -> Services:
    """The services of every command over an existing database. A drill whose clock runs
    gets the injects that fell due since the last command first, so what a command shows
    (``situation --json``, the board's figures) is the drill's present."""
    services = Services.open(db_path)
    if not isinstance(services.clock, DrillClock):
        return services  # a real database: no drill service to build, nothing to catch up
    try:
        services.drills.catch_up()
    except BaseException:
        services.close()
        raise
    return services


def _time(text: str | None) -> datetime | None:
    return parse_time(text) if text else None


def _schedule(args: argparse.Namespace) -> ReportSchedule:
    if args.hours is not None:
        try:
            hours = [int(h) for h in args.hours.split(",") if h.strip()]
        except ValueError:
            raise ValidationError("schedule.bad_hours", hours=args.hours) from None
        return ReportSchedule.at_hours(hours)
    return ReportSchedule.every(args.every)


def _password(prompt: Message, lang: str) -> str:
    password = os.environ.get("CONSOLE_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ConsoleError("cli.no_password")
        password = getpass.getpass(prompt.render(lang))
    return password


UNWRITABLE = ("database.read_only", "database.folder_read_only", "database.busy")
"""Why a log-in may go unrecorded: the command still runs (reading needs no write)."""


def actor(args: argparse.Namespace, services: Services) -> Actor:
    """The user of ``--user``, logged in, their log-in recorded as the window records one.

    Every command that authenticates comes here, so "new since your last log-in" (the
    window's timeline and board) counts a shift's command-line work as a log-in too. A
    database this user cannot write (read-only, busy) is still read: only the record is lost,
    as in the window (ui/login.py)."""
    if not args.user:  # a refusal, as a wrong password is: one line, exit 1
        raise ConsoleError("cli.no_user", command=_command_words(args))
    prompt = Message("cli.password_prompt", user=args.user)
    who = services.accounts.login(args.user, _password(prompt, _lang(args)), args.lang or "en")
    try:
        services.accounts.record_login(who.user_id)
    except ConsoleError as error:
        if error.code not in UNWRITABLE:
            raise
    return who


def _lang(args: argparse.Namespace) -> str:
    return args.lang or "ko"


def _command_words(args: argparse.Namespace) -> str:
    action = getattr(args, "action", None)
    return f"{args.command} {action}" if isinstance(action, str) else str(args.command)


@contextmanager
def _new_database(db_path: Path) -> Iterator[Services]:
    """A database made from nothing: a half-made file is removed, never left to be opened."""
    if db_path.exists():
        raise ConsoleError("cli.db_exists", path=db_path)
    services = Services.open(db_path, create=True)
    try:
        yield services
    except BaseException:
        services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    services.close()


def init(args: argparse.Namespace, db_path: Path) -> int:
    if db_path.exists():  # before asking for a password that could not be used
        raise ConsoleError("cli.db_exists", path=db_path)
    password = _password(Message("cli.new_password_prompt", user=args.admin), _lang(args))
    with _new_database(db_path) as services:
        services.accounts.initialise(args.workstation, args.admin, password)
    print(Message("cli.initialised", path=db_path, workstation=args.workstation,
                  admin=args.admin).render(_lang(args)))
    return 0


def demo(args: argparse.Namespace, db_path: Path) -> int:
    with _new_database(db_path) as services:
        services.demo.build(args.scale)
        outages = len(services.outages.list())
    users = ", ".join(name for name, *_ in DEMO_USERS)
    print(Message("cli.demo_built", path=db_path, outages=outages, users=users)
          .render(_lang(args)))
    return 0


def import_systems(args: argparse.Namespace, services: Services) -> int:
    from console.services.inventory import ImportRejected

    try:
        summary = services.inventory.import_file(actor(args, services), Path(args.file),
                                                 args.dry_run)
    except ImportRejected as rejected:
        lang = args.lang or "ko"
        print(f"error: {rejected.render(lang)}", file=sys.stderr)
        for problem in rejected.problems:
            print(f"  {problem.render(lang)}", file=sys.stderr)
        return 1
    if summary.dry_run:  # two codes, two sentences: nothing was changed in the first
        said = Message("cli.would_import", rows=summary.rows, created=summary.created,
                       updated=summary.updated, departments=summary.departments_created,
                       facilities=summary.facilities_created)
    else:
        said = Message("cli.imported", rows=summary.rows, created=summary.created,
                       updated=summary.updated, departments=summary.departments_created,
                       facilities=summary.facilities_created)
    print(said.render(_lang(args)))
    return 0


def export_systems(args: argparse.Namespace, services: Services) -> int:
    count = services.inventory.export_file(Path(args.file))
    print(Message("cli.systems_exported", count=count, file=args.file).render(_lang(args)))
    return 0


def systems(args: argparse.Namespace, services: Services) -> int:
    rows = [{"code": s.code, "name": s.name, "department": s.department,
             "facility": s.facility, "category": s.category.value, "grade": s.grade,
             "rto_hours": s.rto_hours, "alternative_means": s.alternative_means,
             "depends_on": list(s.depends_on)} for s in services.inventory.systems()]
    _emit(args, rows, ["code", "name", "department", "facility", "category", "grade"])
    return 0


def incident(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        rows = [{"id": i.id, "title": i.title, "area": i.area, "cause": i.cause,
                 "crisis_level": i.crisis_level, "started_at": json_time(i.started_at),
                 "activated_at": json_time(i.activated_at),
                 "closed_at": json_time(i.closed_at)} for i in services.incidents.list()]
        _emit(args, rows, ["id", "title", "crisis_level", "started_at", "activated_at",
                           "closed_at"])
        return 0
    if args.action == "lessons":
        _emit(args, [{"at": json_time(x.at), "source": x.source, "text": x.text, "by": x.by,
                      "id": x.id} for x in services.lessons.all(args.incident)],
              ["at", "source", "by", "text"])
        return 0
    who = actor(args, services)
    if args.action == "lesson":
        changes = services.lessons.add(who, args.text, _time(args.at), args.incident)
    elif args.action == "open":
        changes = services.incidents.open(
            who, args.title, DisasterArea.parse(args.area), Cause.parse(args.cause),
            _time(args.at), CrisisLevel.parse(args.level))
    elif args.action == "activate":
        changes = services.incidents.activate(
            who, _time(args.at), args.incident,
            CrisisLevel.parse(args.level) if args.level else None)
    elif args.action == "close":
        changes = services.incidents.close(who, args.reason, _time(args.at), args.incident)
    elif args.action == "schedule":
        changes = services.incidents.set_schedule(who, _schedule(args), _time(args.at),
                                                  args.incident)
    else:
        changes = services.incidents.change_level(who, CrisisLevel.parse(args.to), args.reason,
                                                  _time(args.at))
    print(changes.first_id)
    return 0


def outage(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        rows = []
        for o in services.outages.list():
            row = asdict(o)
            row.update(detected_at=json_time(o.detected_at), status_at=json_time(o.status_at),
                       restored_at=json_time(o.restored_at),
                       first_restored_at=json_time(o.first_restored_at),
                       elapsed_hours=round(o.elapsed_hours, 4))
            rows.append(row)
        _emit(args, rows, ["id", "code", "name", "department", "category", "grade", "status"],
              OutageStatus)
        return 0
    who = actor(args, services)
    if args.action == "open":
        from console.domain.enums import Scope

        changes = services.outages.open(who, args.system, _time(args.at), args.note,
                                        Scope(args.scope), paper_ref=args.from_paper)
    elif args.action == "eta":
        changes = services.estimates.give(who, args.id, parse_time(args.at), args.note,
                                          _time(args.next_update))
    else:
        changes = services.outages.change_status(who, args.id, OutageStatus.parse(args.to),
                                                 _time(args.at), args.note, args.phase,
                                                 paper_ref=args.from_paper)
    print(changes.first_id)
    return 0


def task(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        rows = [{"id": t.id, "team": t.team, "title": t.title, "status": t.status,
                 "assignee": t.assignee, "due": json_time(t.due_at), "priority": t.priority,
                 "overdue": t.overdue, "outages": list(t.outage_ids)}
                for t in services.tasks.list()]
        _emit(args, rows, ["id", "team", "title", "status", "assignee", "due"], TaskStatus)
        return 0
    who = actor(args, services)
    if args.action == "add":
        changes = services.tasks.add(who, Team.parse(args.team), args.title, args.outage,
                                     _time(args.due), args.assignee, args.detail)
    elif args.action == "edit":
        # --due '' clears the due time, as --assignee '' leaves the task to nobody.
        changes = services.tasks.edit(who, args.id, args.title, _time(args.due), args.assignee,
                                      Team.parse(args.team) if args.team else None,
                                      priority=args.priority, clear_due=args.due == "")
    else:
        changes = services.tasks.change_status(who, args.id, TaskStatus.parse(args.to), args.note)
    print(changes.first_id)
    return 0


def decision(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        rows = [{"id": d.id, "at": json_time(d.at), "decided_by": d.decided_by, "role": d.role,
                 "summary": d.summary, "rationale": d.rationale,
                 "alternatives": d.alternatives, "corrects": d.corrects_id}
                for d in services.journal.decisions()]
        _emit(args, rows, ["at", "decided_by", "summary"])
        return 0
    changes = services.journal.add_decision(actor(args, services), args.summary, args.rationale,
                                            args.alternatives, corrects=args.corrects)
    print(changes.first_id)
    return 0


def log(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        team = Team.parse(args.team) if args.team else None
        rows = [{"id": e.id, "at": json_time(e.at), "team": e.team, "author": e.author,
                 "text": e.text, "significant": e.significant, "verified": e.verified,
                 "recorded_at": json_time(e.recorded_at), "from_paper": e.paper_ref}
                for e in services.journal.log(team)]
        _emit(args, rows, ["at", "team", "author", "significant", "text"])
        return 0
    who = actor(args, services)
    if args.action == "verify":
        changes = services.journal.verify_log(who, args.id)
    else:
        changes = services.journal.add_log(who, Team.parse(args.team), args.text,
                                           args.significant, _time(args.written_at),
                                           paper_ref=args.from_paper)
    print(changes.first_id)
    return 0


def backup(args: argparse.Namespace, services: Services) -> int:
    written = services.maintenance.backup(actor(args, services), Path(args.out))
    print(Message("cli.backup_written", path=written).render(_lang(args)))
    return 0


def restore_command(args: argparse.Namespace, db_path: Path) -> int:
    # Who restores logs in to the database being replaced (its live data is at stake); the
    # restore itself works on closed files.
    services = Services.open(db_path)
    try:
        who = actor(args, services)
    finally:
        services.close()
    restored = Services.restore(db_path, Path(args.file), who)
    print(Message("cli.restored", db=db_path, file=args.file, kept=restored.kept)
          .render(_lang(args)))
    if restored.unshared:
        print("warning: " + Message("restore.unshared_dropped", count=restored.unshared,
                                    kept=restored.kept, db=db_path)
              .render(args.lang or "ko"), file=sys.stderr)
    if restored.new_identity:
        print(Message("cli.restored_new_identity", name=restored.new_identity)
              .render(_lang(args)))
    return 0


def verify(args: argparse.Namespace, services: Services) -> int:
    findings = services.maintenance.verify()
    for finding in findings:
        print(Message("finding.line", finding=finding).render(_lang(args)), file=sys.stderr)
    if findings:
        raise VerificationFailed("verify.findings", count=len(findings), path=services.db.path)
    print(Message("cli.verified", path=services.db.path).render(_lang(args)))
    for aside in services.sync.set_aside():  # a repair's evidence: kept, not a finding
        print("note: " + set_aside_line(aside, _lang(args)))
    return 0


def digest(args: argparse.Namespace, services: Services) -> int:
    print(services.maintenance.digest())
    return 0


def _emit(args: argparse.Namespace, rows: Sequence[Mapping[str, object]], columns: list[str],
          status: type[Enum] | None = None) -> None:
    if args.json:
        print_json(rows)
    else:
        print_table(rows, columns, _lang(args), {"status": status} if status else None)
