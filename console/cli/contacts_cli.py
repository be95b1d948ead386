"""``contacts list [--json]``, ``contacts set [--number N] --organisation X …`` and
``contacts remove N``: the external contacts the roster printout and the paper pack carry.
A contact is named by its number in ``contacts list`` (1-based)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from console.cli.commands import _emit, actor
from console.services.app import Services
from console.services.contacts import ExternalContact

_FIELDS = ("organisation", "role", "name", "phone")


def register(sub: argparse._SubParsersAction) -> None:
    contacts = sub.add_parser("contacts", help="external contacts (국가정보자원관리원, 행정안전부, "
                                               "operators, vendors, 자치구)")
    csub = contacts.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = csub.add_parser("list", help="list the external contacts, numbered")
    listing.add_argument("--json", action="store_true", help="a JSON array of objects")
    put = csub.add_parser("set", help="add a contact, or change contact --number N "
                                      "(fields not given keep their value)")
    put.add_argument("--number", type=int, help="the contact to change (default: add one)")
    put.add_argument("--organisation", help="기관명 (needed for a new contact)")
    put.add_argument("--role", help="what they are to the task force, e.g. 연계 담당")
    put.add_argument("--name", help="the person or desk")
    put.add_argument("--phone", help="telephone number")
    remove = csub.add_parser("remove", help="remove contact N")
    remove.add_argument("number", type=int)


def contacts(args: argparse.Namespace, services: Services) -> int:
    book = services.contacts
    if args.action == "list":
        rows = [{"number": n, **c} for n, c in enumerate(book.entries(), start=1)]
        _emit(args, rows, ["number", *_FIELDS])
        return 0
    who = actor(args, services)
    if args.action == "remove":
        book.remove(who, args.number)
        print(f"removed {args.number}")
        return 0
    entries = book.entries()
    # A changed contact keeps what is not given; the service refuses a number not listed.
    old: ExternalContact = (entries[args.number - 1] if args.number and
                            1 <= args.number <= len(entries) else
                            {"organisation": "", "role": "", "name": "", "phone": ""})
    given = {f: getattr(args, f) for f in _FIELDS if getattr(args, f) is not None}
    entry: ExternalContact = {"organisation": given.get("organisation", old["organisation"]),
                              "role": given.get("role", old["role"]),
                              "name": given.get("name", old["name"]),
                              "phone": given.get("phone", old["phone"])}
    book.set(who, entry, args.number)
    print(args.number or len(entries) + 1)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {"contacts": contacts}
