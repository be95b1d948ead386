"""Command groups that live in their own modules (reports, sync), registered in one place.

Each module has ``register(subparsers)`` that adds its commands and ``HANDLERS`` mapping a
command name to ``handler(args, services) -> exit status``; commands that work on no
database, or make their own, go in ``STANDALONE`` as ``handler(args, db_path) -> exit status``.
"""

from __future__ import annotations

from types import ModuleType

from console.cli import (
    contacts_cli,
    drill_cli,
    forecast_cli,
    notice_cli,
    people_cli,
    report_cli,
    selftest_cli,
    situation_cli,
    sync_cli,
)

EXTENSIONS: list[ModuleType] = [report_cli, sync_cli, selftest_cli, situation_cli, forecast_cli,
                                people_cli, notice_cli, drill_cli, contacts_cli]
