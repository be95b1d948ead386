"""The sync commands of the headless interface (DESIGN.md §7): sync export/import/hub/
conflicts/resolve and keys export/trust/moved/reidentify."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.cli.commands import UsageError, actor
from console.cli.output import json_time, print_json, set_aside_line
from console.domain.errors import ConsoleError
from console.domain.messages import Message
from console.services.app import Services


def register(sub: argparse._SubParsersAction) -> None:
    """Add the sync subcommands to the top-level parser."""
    sync = sub.add_parser("sync", help="offline sync: bundles, hub, conflicts")
    ssub = sync.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = ssub.add_parser("export", help="signed bundle of changes")
    export.add_argument("--out", required=True)
    export.add_argument("--for", dest="for_peer", help="only what this workstation lacks")
    imp = ssub.add_parser("import", help="verify and apply a bundle")
    imp.add_argument("file")
    hub = ssub.add_parser("hub", help="push and pull with a PostgreSQL hub")
    hub.add_argument("--url", help="postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME")
    conflicts = ssub.add_parser("conflicts", help="open conflicts")
    conflicts.add_argument("--json", action="store_true", help="a JSON array of objects")
    resolve = ssub.add_parser("resolve", help="resolve a conflict")
    resolve.add_argument("table")
    resolve.add_argument("record")
    resolve.add_argument("field")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", type=int, help="candidate number (0 = current winner)")
    choice.add_argument("--value", help="a new value")
    keys = sub.add_parser("keys", help="the workstation key roster")
    ksub = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    kexport = ksub.add_parser("export", help="this workstation's public key")
    kexport.add_argument("--out", required=True)
    ktrust = ksub.add_parser("trust", help="trust a workstation's key file (admin)")
    ktrust.add_argument("file")
    ksub.add_parser("moved", help="this database was moved to this PC: it is the same "
                    "workstation (admin)")
    kreid = ksub.add_parser("reidentify", help="this database is a copy: give it its own "
                            "workstation identity and key (admin)")
    kreid.add_argument("--name", required=True, help="the new workstation's name")
    kreid.add_argument("--from", dest="fork_at", type=int, default=None, metavar="SEQ",
                       help="a copy that wrote as the original: re-issue its changes from this "
                       "number on (the one a refusal named; one noted here is used otherwise)")
    kout = ksub.add_parser("move-out", help="this workstation's signing key, sealed under a "
                           "passphrase (CONSOLE_KEY_PASSPHRASE), to move it to another PC (admin)")
    kout.add_argument("--out", required=True)
    kin = ksub.add_parser("move-in", help="install a signing key moved from the old PC (admin)")
    kin.add_argument("file")


def _passphrase(lang: str) -> str:
    passphrase = os.environ.get("CONSOLE_KEY_PASSPHRASE")
    if passphrase is None:
        if not sys.stdin.isatty():
            raise ConsoleError("keys.no_passphrase")
        passphrase = getpass.getpass(Message("cli.passphrase_prompt").render(lang))
    return passphrase


def _warn(message: str | None) -> None:
    if message:
        print(f"warning: {message}", file=sys.stderr)


def _shown(candidate: Any, lang: str) -> Any:
    """A candidate's value, or for a secret who changed it (never the hash)."""
    if not candidate.secret:
        return candidate.value
    return Message("conflict.secret_candidate", author=candidate.author or "?",
                   workstation=candidate.workstation).render(lang)


def sync_command(args: argparse.Namespace, services: Services) -> int:
    sync, lang = services.sync, args.lang or "ko"
    if args.action == "export":
        summary = sync.export_bundle(actor(args, services), Path(args.out), args.for_peer)
        print(Message("cli.bundle_exported", changes=summary.changes, path=summary.path,
                      size=summary.size).render(lang))
    elif args.action == "import":
        result = sync.import_bundle(actor(args, services), Path(args.file))
        if result.pending_bundle:
            _warn(Message("cli.bundle_pending").render(lang))
        _warn(result.clock_warning)
        for name, first, last in result.holes:
            _warn(Message("sync.hole", name=name, first=first, last=last).render(lang))
        print(Message("cli.bundle_imported", new=result.new, received=result.received,
                      file=args.file).render(lang))
    elif args.action == "hub":
        if not args.url and not sync.hub_url():
            raise UsageError(Message("cli.hub_needs_url"))
        hub = sync.hub_sync(actor(args, services), args.url)
        _warn(hub.clock_warning)
        if hub.notice is not None:
            _warn(hub.notice.render(lang))
        for site, count in sorted(hub.refused.items()):
            _warn(Message("hub.refused_rows", count=count, site=site).render(lang))
        print(Message("cli.hub_synced", pushed=hub.pushed, pulled=hub.pulled, new=hub.new)
              .render(lang))
    elif args.action == "conflicts":
        rows: list[dict[str, Any]] = [
            {"table": c.table, "record": c.record, "field": c.field,
             "candidates": [{"value": _shown(k, lang), "author": k.author,
                             "workstation": k.workstation, "secret": k.secret,
                             "wall_time": json_time(k.wall_time)} for k in c.candidates]}
            for c in sync.conflicts()]
        if args.json:
            print_json(rows)
        elif not rows:
            print(Message("cli.no_conflicts").render(lang))
        else:
            for row in rows:
                print(f"{row['table']} {row['record']} {row['field']}:")
                for number, cand in enumerate(row["candidates"]):
                    shown = cand["value"] if cand["secret"] else repr(cand["value"])
                    print(Message("cli.conflict_candidate", number=number, value=shown,
                                  author=cand["author"], workstation=cand["workstation"],
                                  at=cand["wall_time"]).render(lang))
        if not args.json:  # a repair's evidence (sync/repair.py): kept, never exported
            for aside in sync.set_aside():
                print(set_aside_line(aside, lang))
    else:
        changes = sync.resolve(actor(args, services), args.table, args.record, args.field,
                               keep=args.keep, value=args.value)
        print(changes.first_id)
    return 0


def keys_command(args: argparse.Namespace, services: Services) -> int:
    lang = args.lang or "ko"
    if args.action == "export":
        content = services.sync.export_key(Path(args.out))
        print(Message("cli.key_exported", name=content["name"], path=args.out).render(lang))
        return 0
    if args.action == "moved":
        services.sync.confirm_moved(actor(args, services))
        print(Message("cli.key_moved").render(lang))
        return 0
    if args.action == "move-out":
        out = services.sync.move_key_out(actor(args, services), Path(args.out),
                                         _passphrase(lang))
        print(Message("cli.key_moved_out", path=out).render(lang))
        return 0
    if args.action == "move-in":
        target = services.sync.move_key_in(actor(args, services), Path(args.file),
                                           _passphrase(lang))
        print(Message("cli.key_moved_in", path=target).render(lang))
        return 0
    if args.action == "reidentify":
        station = services.sync.reidentify(actor(args, services), args.name, args.fork_at)
        for aside in services.sync.set_aside():
            if aside.site == args.name.strip():
                print(set_aside_line(aside, lang))
        print(Message("cli.reidentified", name=args.name.strip(), station=station)
              .render(lang))
        return 0
    peer = services.sync.trust_key(actor(args, services), Path(args.file))
    print(Message("cli.key_trusted", name=peer.name, id=peer.id).render(lang))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {
    "sync": sync_command, "keys": keys_command}
