"""The ``self-test`` command: how an installed program proves itself on a workstation."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from console.services.app import Services

HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the self-test subcommand to the top-level parser."""
    parser = sub.add_parser(
        "self-test",
        help="make a demo database, verify it, print a report and a board screenshot in a "
             "temporary folder; exit 0 only if all of that worked")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep the files made there (to look at them)")


def self_test(args: argparse.Namespace, db_path: Path) -> int:
    """Needs no database of the user's: ``db_path`` is ignored, the test makes its own."""
    from console.selftest import run_self_test  # the runner loads the services only when run

    keep = Path(args.keep) if args.keep else None
    return run_self_test(keep=keep, lang=args.lang or "ko")


STANDALONE: dict[str, Callable[[argparse.Namespace, Path], int]] = {"self-test": self_test}
