"""A status event that closes its owner, written apart from an edit of the same owner: a task
cancelled (or done) on one workstation while its title is edited on another, neither having
seen the other (docs/sync.md, Histories, rule 6).

The two write different fields (an event row, the task's title), so the field merge alone kept
both silently: the task showed cancelled under a title its canceller never read. Now each side
records what it knew of the other kind: a closing event's ``supersedes`` lists, besides the
owner's event heads, the heads of the owner's own fields; an edit of an owner's field lists,
besides that field's heads, the owner's event heads. An edit head and a closing event head of
one owner that did not know each other (``causal.apart``) make the owner's status a conflict:
the edit is a candidate whose value is the status its author saw (the task was open for them),
and resolving to it writes one event with that status, which knows both.

Only closing statuses: an edit and a change that keeps the record alive ("blocked") both still
stand — the edit was meant for a live record, and it is live. A closing made without knowing an
edit was decided on what the record said before, which a person must look at again.

Changes written before this rule (or by a program that does not know it) record nothing of the
other kind: they are taken to have known every write with an earlier clock (``causal.knew``),
so they never make a conflict that was not there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy.engine import Connection

from console.domain import causal
from console.sync.schema import WHOLE_ROW, conflict_exempt

Event = tuple[str, tuple[int, str, str, str, str | None, str], list[causal.Stamp]]
"""As status_events: (event id, its latest change, the stamps of all its changes)."""
Candidate = tuple[tuple[str, str | None, str, str, int], str]
"""(head as conflicts.candidates, the stored event row a resolution to it copies)."""


def field_knowledge(connection: Connection, owner_table: str, owner_id: str
                    ) -> list[tuple[int, str]]:
    """What a closing event written here knows of its owner's fields: their changes that are
    heads (and its whole-row changes), of the fields a person edits."""
    rows: Iterable[tuple[str, int, str]] = connection.exec_driver_sql(
        "SELECT field, hlc, site_id FROM change_log WHERE tbl = ? AND row_id = ? "
        "AND (is_head = 1 OR field = ?)", (owner_table, owner_id, WHOLE_ROW))
    return [(int(clock), str(site)) for field, clock, site in rows
            if field == WHOLE_ROW or not conflict_exempt(owner_table, field)]


def is_edit(owner_table: str, field: str) -> bool:
    """A field whose edits a closing event must have seen (not bookkeeping, not a cache)."""
    return field != WHOLE_ROW and not conflict_exempt(owner_table, field)


def _edits(connection: Connection, owner_table: str, owner_id: str
           ) -> list[tuple[str, int, str, str, str | None, str]]:
    """The owner's edit heads: (field, hlc, site, supersedes, author, wall time). A change that
    supersedes nothing is the record's creation, which every writer of an event held."""
    rows: Iterable[tuple[str, int, str, str, str | None, str]] = connection.exec_driver_sql(
        "SELECT field, hlc, site_id, supersedes, author, wall_time FROM change_log "
        "WHERE tbl = ? AND row_id = ? AND is_head = 1 AND supersedes <> '[]'",
        (owner_table, owner_id))
    return [row for row in rows if is_edit(owner_table, row[0])]


def candidates(connection: Connection, owner: tuple[str, str, frozenset[str]], owner_id: str,
               events: Sequence[Event], heads: Sequence[Event]) -> list[Candidate]:
    """The owner's edits made apart from one of its closing event heads, as candidates of its
    status conflict, newest clock first. ``owner``: (owner table, the events' value column,
    the values that close it), from status_events.StatusEvents."""
    owner_table, value_column, closes = owner
    closing = [e for e in heads if json.loads(e[1][3]).get(value_column) in closes]
    if not closing:
        return []
    changes: Iterable[tuple[int, str]] = connection.exec_driver_sql(
        "SELECT hlc, site_id FROM change_log WHERE tbl = ? AND row_id = ?",
        (owner_table, owner_id))
    own = {(int(c), str(s)) for c, s in changes}
    event_stamps = {(s[0], s[1]) for e in events for s in e[2]}
    found: list[Candidate] = []
    for _field, clock, site, supersedes, author, wall in _edits(
            connection, owner_table, owner_id):
        edit = [(int(clock), str(site), supersedes)]
        names = {(int(h), str(s)) for h, s in json.loads(supersedes)}
        edit_aware = bool(names & event_stamps)
        if not any(causal.apart(edit, edit_aware, e[2], _aware(e[2], own)) for e in closing):
            continue
        seen = _seen(events, names if edit_aware else None, int(clock))
        if seen is None:
            continue
        value = json.dumps(json.loads(seen[1][3]).get(value_column), ensure_ascii=False)
        found.append(((value, author, str(site), wall, int(clock)), seen[1][3]))
    found.sort(key=lambda c: (c[0][4], c[0][2]), reverse=True)
    return found


def _aware(stamps: Sequence[causal.Stamp], own: set[tuple[int, str]]) -> bool:
    """A closing event that records what it knew of its owner's fields (it names one)."""
    return any((int(h), str(s)) in own for stamp in stamps
               for h, s in json.loads(stamp[2] or "[]"))


def _seen(events: Sequence[Event], names: set[tuple[int, str]] | None, clock: int
          ) -> Event | None:
    """The event whose status an edit's author saw: the latest by time of the heads it knew
    (those its stamps name; for an edit that names none, the events older by clock)."""
    if names is None:
        known = [e for e in events if min(s[0] for s in e[2]) < clock]
    else:
        known = [e for e in events if any((s[0], s[1]) in names for s in e[2])]
    flags = causal.heads([e[2] for e in known])
    shown = [e for e, head in zip(known, flags, strict=True) if head]
    return max(shown, key=lambda e: (str(json.loads(e[1][3]).get("at")), e[0]), default=None)
