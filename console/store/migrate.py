"""Bring a database file to the newest schema; back the file up before touching it.

Alembic is imported only when a database actually needs upgrading: finding the newest
revision and a file's current one is cheap text and SQL work, and the window starts faster
without loading Alembic's whole machinery every time.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from console.locate import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


@cache
def known_revisions() -> frozenset[str]:
    """Every revision this program's migrations name: a database at any other was made by a
    newer program (or a branch of it), and cannot be upgraded or read here."""
    known = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        found = _REVISION.search(script.read_text(encoding="utf-8"))
        if found:
            known.add(found.group(1))
    return frozenset(known)


@cache
def head_revision() -> str:
    """The one revision no other revises (tests/test_store.py checks it equals Alembic's)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found:
            revisions.add(found.group(1))
        parents.update(_DOWN_REVISION.findall(source))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations in {migrations_dir()} have heads {sorted(heads)}")
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
