"""Concurrent status events: two events of one task, outage or incident written where neither
workstation had seen the other's (docs/sync.md, Histories, rule 6).

A status is a cache of append-only events (store/derived.py), so two workstations never write
the same field: each adds an event, and the latest by time used to win silently. Now every
status event carries the causal knowledge its author had: its change's ``supersedes`` lists
the event heads of the same owner this workstation held when it wrote it (capture fills it).
An event is *covered* when a later one knew it. The heads of an owner are its events nobody
covers; two heads with different values are a conflict on the owner's field, listed and
resolved like any field conflict, while the cache shows the latest by time meanwhile.

Events that carry no knowledge (``supersedes = []``: an owner's first event, or one written
before this rule) are ordered by time as before: such an event is covered by any event with a
later clock. So one outage opened on two workstations (two first "down" events) is no
conflict, and histories written before the rule list none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from console.domain import causal
from console.domain.enums import TaskStatus
from console.sync import status_edits
from console.sync.schema import WHOLE_ROW


@dataclass(frozen=True)
class StatusEvents:
    events: str
    """The event table."""
    owner_table: str
    owner_column: str
    value_column: str
    field: str
    """The owner's cached field the events decide."""
    closing: frozenset[str] = frozenset()
    """Values that close the owner: such an event made apart from an edit of the owner is a
    conflict too (status_edits.py)."""


STATUS_EVENTS = {spec.events: spec for spec in (
    StatusEvents("task_event", "task", "task_id", "status", "status",
                 frozenset(s.value for s in TaskStatus if s.is_closed)),
    StatusEvents("outage_event", "outage", "outage_id", "status", "status"),
    StatusEvents("crisis_level_change", "incident", "incident_id", "level", "crisis_level"),
)}
BY_FIELD = {(s.owner_table, s.field): s for s in STATUS_EVENTS.values()}
BY_OWNER = {s.owner_table: s for s in STATUS_EVENTS.values()}

Head = tuple[str, str | None, str, str, int]
"""As conflicts.candidates: (value JSON, author id, site, wall time, hlc)."""
_Change = tuple[int, str, str, str, str | None, str]
"""(hlc, site, supersedes JSON, whole-row JSON, author, wall time)."""
_Event = tuple[str, _Change, list[causal.Stamp]]
"""An event row: its id, its latest change, and the stamps of all its changes."""


def _events(connection: Connection, spec: StatusEvents, owner_id: str) -> list[_Event]:
    """The owner's events, one per event row (its latest change), with every change's stamp."""
    rows: Iterable[tuple[str, int, str, str, str, str | None, str]] = connection.exec_driver_sql(
        f"SELECT e.id, c.hlc, c.site_id, c.supersedes, c.value, c.author, c.wall_time "
        f"FROM {spec.events} e JOIN change_log c ON c.row_id = e.id AND c.tbl = ? "
        f"AND c.field = ? WHERE e.{spec.owner_column} = ? ORDER BY e.id, c.hlc, c.site_id",
        (spec.events, WHOLE_ROW, owner_id))
    by_row: dict[str, list[tuple[int, str, str, str, str | None, str]]] = {}
    for event_id, *change in rows:
        by_row.setdefault(event_id, []).append(tuple(change))  # type: ignore[arg-type]
    return [(event_id, changes[-1], [(c[0], c[1], c[2]) for c in changes])
            for event_id, changes in by_row.items()]


def _heads(events: list[_Event]) -> list[_Event]:
    flags = causal.heads([stamps for _, _, stamps in events])
    return [event for event, head in zip(events, flags, strict=True) if head]


def _candidates(connection: Connection, spec: StatusEvents, owner_id: str
                ) -> list[status_edits.Candidate]:
    """The heads of the owner's events, newest clock first, then the edits of the owner made
    apart from a closing head (status_edits.py), newest first: index 0 is what shows."""
    events = _events(connection, spec, owner_id)
    heads = _heads(events)
    found = [((json.dumps(json.loads(c[3]).get(spec.value_column), ensure_ascii=False),
               c[4], c[1], c[5], c[0]), c[3]) for _, c, _ in heads]
    found.sort(key=lambda h: (h[0][4], h[0][2]), reverse=True)
    if spec.closing:
        found.extend(status_edits.candidates(
            connection, (spec.owner_table, spec.value_column, spec.closing), owner_id, events,
            heads))
    return found


def known_heads(connection: Connection, events_table: str, owner_id: str
                ) -> list[tuple[int, str]]:
    """What a new event of this owner written here knows: the heads held here."""
    spec = STATUS_EVENTS[events_table]
    return [stamp[:2] for _, _, stamps in _heads(_events(connection, spec, owner_id))
            for stamp in stamps]


def heads(connection: Connection, owner_table: str, owner_id: str, field: str) -> list[Head]:
    """The candidates of a status conflict (the shape of field heads): the event heads, newest
    clock first, then the edits made apart from a closing one."""
    return [head for head, _ in _candidates(connection, BY_FIELD[(owner_table, field)],
                                            owner_id)]


def head_event(connection: Connection, owner_table: str, owner_id: str, field: str,
               index: int) -> dict[str, object]:
    """The whole stored event row of candidate ``index`` (for a resolution that keeps it; for
    an edit, the event whose status its author saw)."""
    found = _candidates(connection, BY_FIELD[(owner_table, field)], owner_id)
    row: dict[str, object] = json.loads(found[index][1])
    return row


def refresh(connection: Connection, owners: dict[str, set[str]]) -> None:
    """Recompute the status conflicts of these owners ({event table: owner ids})."""
    for events_table, owner_ids in owners.items():
        spec = STATUS_EVENTS[events_table]
        for owner_id in sorted(owner_ids):
            values = {head[0] for head, _ in _candidates(connection, spec, owner_id)}
            key = (spec.owner_table, owner_id, spec.field)
            if len(values) > 1:
                connection.exec_driver_sql(
                    "INSERT OR IGNORE INTO sync_conflict (tbl, row_id, field) VALUES (?, ?, ?)",
                    key)
            else:
                connection.exec_driver_sql(
                    "DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ? AND field = ?", key)


def touched_owners(connection: Connection, table_rows: Iterable[tuple[str, str]]
                   ) -> dict[str, set[str]]:
    """The owners among (table, row id) pairs, and the owners of the status events among them.

    An owner's own row counts: apply recomputes the conflicts of every touched row, which
    dropped a status conflict when only, say, the task's title arrived; and an edit of the
    owner can start or end one (status_edits.py)."""
    owners: dict[str, set[str]] = {}
    for table, row_id in table_rows:
        owner = BY_OWNER.get(table)
        if owner is not None:
            owners.setdefault(owner.events, set()).add(row_id)
            continue
        spec = STATUS_EVENTS.get(table)
        if spec is None:
            continue
        found = connection.exec_driver_sql(
            f"SELECT json_extract(value, '$.{spec.owner_column}') FROM change_log "
            "WHERE tbl = ? AND row_id = ? AND field = ? LIMIT 1",
            (table, row_id, WHOLE_ROW)).scalar()
        if found:
            owners.setdefault(table, set()).add(str(found))
    return owners
