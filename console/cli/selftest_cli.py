"""The ``self-test`` command: how an installed program proves itself on a workstation.

Its report step runs this very program's ``report`` command, so the runner needs ``main``;
``console.cli`` passes it in (``self_test(args, cli)``) instead of this module or the runner
importing ``console.cli``, which imports this module: no import circle.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection
from pathlib import Path

from console.services.app import Services

HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {}
"""None: ``console.cli`` dispatches ``self-test`` itself, handing in its ``main``."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the self-test subcommand to the top-level parser."""
    parser = sub.add_parser(
        "self-test",
        help="make a demo database, verify it, print a report and a board screenshot in a "
             "temporary folder; exit 0 only if all of that worked")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep the files made there (to look at them)")


def self_test(args: argparse.Namespace, main: Callable[[list[str]], int],
              commands: Collection[str]) -> int:
    """Needs no database of the user's: the test makes its own. ``main`` and ``commands`` are
    the program under test (console.cli's entry point and its subcommands)."""
    from console.selftest import Cli, run_self_test  # the runner loads the services only when run

    keep = Path(args.keep) if args.keep else None
    return run_self_test(keep=keep, lang=args.lang or "ko", cli=Cli(main, frozenset(commands)))
