"""Which PC a database writes from: a copied file must not go on writing as the original.

Databases are set up once and often copied (an image with the inventory already imported,
or a file carried to a laptop on a USB stick). A copy that writes under the original's
workstation identity numbers its changes like the original does, and the two can never be
merged (sync/forks.py refuses them). So the database records the host it belongs to; opened
on another host, it refuses shared writes until someone says which it is: the same
workstation moved here (``confirm``), or a copy that needs its own identity (reidentify).
"""

from __future__ import annotations

import os
import platform

from sqlalchemy import text
from sqlalchemy.engine import Connection

from console.domain.errors import ConsoleError
from console.sync import state

HOME_KEY = "home_host"
HOST_ENV = "CONSOLE_HOST_NAME"
"""Overrides the host name (tests; PCs whose network name changes with every start)."""


class NotHome(ConsoleError):
    """A shared write on a database that belongs to another host."""


def this_host() -> str:
    return os.environ.get(HOST_ENV) or platform.node() or "unknown-host"


def recorded(connection: Connection) -> str | None:
    return state.local(connection, HOME_KEY)


def record(connection: Connection) -> None:
    """This host is the database's home (at set-up, re-identification or confirmation)."""
    connection.execute(text("INSERT INTO local_identity (key, value) VALUES (:k, :v) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                       {"k": HOME_KEY, "v": this_host()})


def elsewhere(connection: Connection) -> str | None:
    """The other host this database belongs to, or None when it is at home here."""
    home = recorded(connection)
    return home if home is not None and home != this_host() else None


def check(connection: Connection) -> None:
    """Before a shared write: refuse on another host; adopt this one if none is recorded yet
    (databases made before hosts were recorded)."""
    home = recorded(connection)
    if home is None:
        record(connection)
    elif home != this_host():
        raise NotHome("sync.not_home", home=home, here=this_host())

