"""Where a workstation stands on a hub: its cursor (a ``hub_seq``), which means something only
on the hub it was read from (docs/sync.md, Histories, rule 2).

A hub re-created under the same URL numbers its rows from 1 again, and one restored from a
dump numbers new rows where the old ones were: a bare ``hub_seq > cursor`` then skips rows for
good. So the cursor is kept with the hub's identity (drawn at random when the hub was created,
``hub.ensure_schema``) and the entry hash of the row it points at; a different identity, or a
row that is no longer there as it was, starts the next pull from the hub's beginning (applying
is idempotent, so a full re-pull loses nothing and costs only time).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

from console.domain.messages import Message
from console.sync import state
from console.sync.hub import Pulled, public_url


def cursor_key(url: str) -> str:
    return f"hub_cursor:{url}"


def start(connection: Connection, url: str, hub_id: str,
          entry_at: Callable[[int], str | None]) -> tuple[int, Message | None]:
    """The hub_seq to pull after, and the one line to say when it had to go back to 0.
    ``url``: without password; ``entry_at``: the hub's entry hash at a hub_seq."""
    stored = (state.get(connection, cursor_key(url)) or "0").split(" ")
    cursor, entry = int(stored[0]), (stored[1] if len(stored) > 1 else None)
    known_id = state.get(connection, f"hub_id:{url}")
    if known_id is not None and known_id != hub_id:
        return 0, Message("hub.new_identity", url=public_url(url), old=known_id[:8],
                          new=hub_id[:8])
    if cursor and (known_id is None or entry is None or entry_at(cursor) != entry):
        # A cursor from before hubs had an identity cannot be checked: pull again quietly.
        if known_id is None or entry is None:
            return 0, None
        return 0, Message("hub.rewound", url=public_url(url), cursor=cursor)
    return cursor, None


def keep(connection: Connection, url: str, hub_id: str, pulled: Pulled) -> None:
    """Store the new cursor with what identifies it, in the pull's own transaction."""
    if pulled.cursor_entry is not None:
        state.put(connection, cursor_key(url), f"{pulled.cursor} {pulled.cursor_entry}")
    elif not pulled.cursor:  # back at the beginning of an (empty) hub
        state.put(connection, cursor_key(url), str(pulled.cursor))
    state.put(connection, f"hub_id:{url}", hub_id)
