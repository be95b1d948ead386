"""The report commands of the headless interface (DESIGN.md §7)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from console.services.app import Services

HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the report subcommands to the top-level parser."""
