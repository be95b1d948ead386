"""Drill databases for tests: one made per run from each scenario, copied for each test."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from console.domain.enums import Role, Team
from console.services.app import Services
from console.services.context import Actor
from console.services.drill_files import new_drill
from console.store.models import User

DRILL_WALL_START = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)


def make_template(folder: Path, scenario: str = "flood") -> Path:
    target = folder / f"{scenario}.sqlite"
    new_drill(target, scenario, wall=lambda: DRILL_WALL_START)
    return target


def copy_of(template: Path, folder: Path, name: str = "drill.sqlite") -> Path:
    target = folder / name
    shutil.copyfile(template, target)
    return target


def as_user(services: Services, name: str) -> Actor:
    """The demo user ``name`` as the services see them (no password hashing: tests are many)."""
    with services.db.sessions() as session:
        user = session.scalars(select(User).where(User.name == name)).one()
        station = services.accounts.workstation()[0]
        return Actor(user.id, user.name, Role(user.role), Team(user.team) if user.team else None,
                     station)
