"""``timeline`` and ``user add/list/disable`` (DESIGN.md §7, second part)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from console.cli.commands import _emit, actor
from console.cli.output import json_time
from console.domain.clock import format_kst
from console.domain.enums import Role, Team
from console.domain.errors import ConsoleError, ValidationError
from console.domain.messages import Message
from console.services.app import Services


def register(sub: argparse._SubParsersAction) -> None:
    timeline = sub.add_parser("timeline", help="one chronological list of the incident")
    timeline.add_argument("--incident")
    timeline.add_argument("--team")
    timeline.add_argument("--json", action="store_true", help="a JSON array of objects")

    user = sub.add_parser("user", help="users of this database (administrator)")
    usub = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = usub.add_parser("add", help="a new user; password from CONSOLE_NEW_PASSWORD or prompt")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True)
    add.add_argument("--team")
    add.add_argument("--full-name", dest="full_name", default="")
    add.add_argument("--phone", default="")
    listing = usub.add_parser("list", help="list users")
    listing.add_argument("--json", action="store_true", help="a JSON array of objects")
    disable = usub.add_parser("disable", help="a user who may no longer log in")
    disable.add_argument("name")


def timeline(args: argparse.Namespace, services: Services) -> int:
    lang = args.lang or "ko"
    team = Team.parse(args.team).value if args.team else None
    entries = services.timeline.entries(args.incident, team, lang)
    # JSON carries ISO times; the table reads as the room's clock does.
    shown = json_time if args.json else (lambda at: format_kst(at, lang))
    rows = [{"at": shown(e.at), "kind": e.kind.value, "what": e.kind.label(lang),
             "team": e.team, "author": e.author, "text": e.text, "id": e.ref}
            for e in entries]
    _emit(args, rows, ["at", "what", "team", "author", "text"])
    return 0


def _new_password(lang: str) -> str:
    password = os.environ.get("CONSOLE_NEW_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ConsoleError("cli.no_new_password")
        password = getpass.getpass(Message("cli.new_user_password_prompt").render(lang))
    if len(password) < 4:
        raise ValidationError("user.short_password")
    return password


def user(args: argparse.Namespace, services: Services) -> int:
    if args.action == "list":
        rows = [{"id": u.id, "name": u.name, "full_name": u.display_name, "role": u.role,
                 "team": u.team, "phone": u.contact, "active": u.active}
                for u in services.accounts.users() if not u.deleted]
        _emit(args, rows, ["name", "full_name", "role", "team", "active"])
        return 0
    who = actor(args, services)
    if args.action == "disable":
        print(services.accounts.disable_user(who, args.name))
        return 0
    role, team = Role.parse(args.role), Team.parse(args.team) if args.team else None
    print(services.accounts.add_user(who, args.name, _new_password(args.lang or "ko"), role, team,
                                     args.full_name, args.phone))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {
    "timeline": timeline, "user": user}
