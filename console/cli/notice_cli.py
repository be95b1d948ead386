"""``notice draft/submit/approve/return/issued/cancel/list/cap`` and ``status-page --out DIR``
(DESIGN.md §7, second part). Every write needs ``--user``; ``draft`` prints the new id."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from console.cli import commands
from console.cli.output import json_time, print_json, print_table
from console.domain.clock import parse_time
from console.domain.enums import NoticeChannel, NoticeTier
from console.domain.errors import render_error
from console.domain.messages import Message
from console.services.app import Services

CHANNELS = [c.value for c in NoticeChannel]
TIERS = [t.value for t in NoticeTier]


def register(sub: argparse._SubParsersAction) -> None:
    notice = sub.add_parser("notice", help="public notices: emergency texts, banners, posts")
    nsub = notice.add_subparsers(dest="action", required=True, metavar="ACTION")
    draft = nsub.add_parser("draft", help="a new notice in draft (prints its id)")
    draft.add_argument("--channel", required=True, choices=CHANNELS)
    draft.add_argument("--text", required=True)
    draft.add_argument("--tier", choices=TIERS)
    draft.add_argument("--area", default="")
    # Not --lang's dest: the global --lang is the language the console speaks.
    draft.add_argument("--lang", dest="notice_lang", choices=["ko", "en"], default="ko")
    draft.add_argument("--text-en", dest="text_en", default="", help="the English wording")
    draft.add_argument("--systems", default="", help="system codes it is about")
    draft.add_argument("--updates", help="the issued notice this one updates (CAP Update)")
    draft.add_argument("--cancels", help="the issued notice this one cancels (CAP Cancel)")
    revise = nsub.add_parser("revise", help="a new wording of a draft or returned notice")
    revise.add_argument("id")
    revise.add_argument("--text", required=True)
    revise.add_argument("--text-en", dest="text_en", default="")
    submit = nsub.add_parser("submit", help="ask for approval")
    submit.add_argument("id")
    submit.add_argument("--despite-duplicate", dest="despite_duplicate", action="store_true")
    approve = nsub.add_parser("approve", help="approve (another person than the drafter)")
    approve.add_argument("id")
    back = nsub.add_parser("return", help="return to the drafter with a reason")
    back.add_argument("id")
    back.add_argument("--reason", required=True)
    issued = nsub.add_parser("issued", help="record that it went out")
    issued.add_argument("id")
    issued.add_argument("--at")
    cancel = nsub.add_parser("cancel", help="withdraw a notice that has not gone out")
    cancel.add_argument("id")
    cancel.add_argument("--reason", required=True)
    listing = nsub.add_parser("list", help="list notices")
    listing.add_argument("--json", action="store_true", help="a JSON array of objects")
    listing.add_argument("--incident")
    history = nsub.add_parser("history", help="print the send history (PDF), one channel or all")
    history.add_argument("--out", required=True)
    history.add_argument("--channel", choices=CHANNELS)
    cap = nsub.add_parser("cap", help="CAP 1.2 XML, validated before it is written")
    cap.add_argument("id")
    cap.add_argument("--out", required=True)

    page = sub.add_parser("status-page", help="write the static public status page")
    page.add_argument("--out", required=True, help="the folder (a USB stick, an outside host)")
    page.add_argument("--keep-writing", dest="keep_writing", action="store_true",
                      help="also rewrite it there after every approved or issued notice")


def notice(args: argparse.Namespace, services: Services) -> int:
    action = args.action
    if action == "list":
        return _list(args, services)
    if action == "cap":
        return _cap(args, services)
    if action == "history":
        data = services.notices.history_pdf(
            NoticeChannel(args.channel) if args.channel else None, args.lang or "ko")
        target = Path(args.out)
        if target.suffix.lower() != ".pdf":
            raise commands.UsageError(Message("cli.out_suffix", path=args.out, suffix=".pdf"))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(data)
        partial.replace(target)
        print(target)
        return 0
    who = commands.actor(args, services)
    if action == "draft":
        references = args.updates or args.cancels
        if args.updates and args.cancels:
            raise commands.UsageError(Message("cli.updates_or_cancels"))
        changes = services.notices.draft(
            who, NoticeChannel(args.channel), args.text,
            NoticeTier(args.tier) if args.tier else None, args.area, args.notice_lang,
            args.systems, args.text_en, references, cancel=bool(args.cancels))
        print(changes.first_id)
    elif action == "revise":
        services.notices.revise(who, args.id, args.text, args.text_en)
    elif action == "submit":
        services.notices.submit(who, args.id, args.despite_duplicate)
    elif action == "approve":
        services.notices.approve(who, args.id)
        row = services.notices.get(args.id)
        # Approval shows the wording exactly as it will be sent.
        print(row.text)
    elif action == "return":
        services.notices.return_(who, args.id, args.reason)
    elif action == "issued":
        services.notices.issued(who, args.id, parse_time(args.at) if args.at else None)
    elif action == "cancel":
        services.notices.cancel(who, args.id, args.reason)
    if services.notices.publish_error and action in ("approve", "issued"):
        reason = render_error(services.notices.publish_error, args.lang or "ko")
        print("warning: " + Message("notice.status_page_not_written", reason=reason)
              .render(args.lang or "ko"), file=sys.stderr)
    return 0


def _list(args: argparse.Namespace, services: Services) -> int:
    lang = args.lang or "ko"
    notices = services.notices.list(args.incident)
    rows = [{"id": r.id, "channel": r.channel.value, "tier": r.tier.value if r.tier else None,
             "status": r.status.value, "text": r.text, "chars": r.chars, "limit": r.limit,
             "issued_at": json_time(r.issued_at), "area": r.area, "msg_type": r.msg_type,
             "references": r.references_id, "version": r.version, "drafted_by": r.drafted_by,
             "approved_by": r.approved_by}
            for r in notices]
    if args.json:
        print_json(rows)
    else:
        shown = [{**row, "channel": r.channel.label(lang), "status": r.status.label(lang),
                  "text": r.text[:40]} for row, r in zip(rows, notices, strict=True)]
        print_table(shown, ["id", "channel", "tier", "status", "chars", "issued_at", "text"],
                    lang)
    return 0


def _cap(args: argparse.Namespace, services: Services) -> int:
    target = Path(args.out)
    if target.suffix.lower() != ".xml":
        raise commands.UsageError(Message("cli.out_suffix", path=args.out, suffix=".xml"))
    data = services.notices.cap(args.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)
    print(target)
    return 0


def status_page(args: argparse.Namespace, services: Services) -> int:
    if args.keep_writing:
        services.status_page.configure(commands.actor(args, services), Path(args.out))
    print(services.status_page.write(Path(args.out)))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {
    "notice": notice, "status-page": status_page,
}
