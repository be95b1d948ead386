"""The ``self-test`` command: how an installed program proves itself on a workstation."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from console.services.app import Services

HANDLERS: dict[str, Callable[[argparse.Namespace, Services], int]] = {}
STANDALONE: dict[str, Callable[[argparse.Namespace, Path], int]] = {}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the self-test subcommand to the top-level parser."""
