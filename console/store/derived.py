"""The one home of derived caches: an outage's status columns, a task's status and an
incident's crisis level, each a cache of its append-only events.

``refresh`` recomputes the caches of a set of rows (set-based: one read of their events, one
``executemany`` of the rows that changed) and is what the services, sync apply, the demo builder
and an upgrade call; ``stale`` runs the same computation and returns what differs, for
``verify``. The rules themselves live in console/domain/outage_clock.py (order by event time,
then id: the one tie-break; an event that knew one dated in its author's future after it).

Writes go straight to the connection, not through the ORM session: caches are recomputed on
every workstation from the events, so they are not change-logged (sync/schema.py DERIVED).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from console.domain import causal
from console.domain.clock import from_iso, iso
from console.domain.outage_clock import ClockEvent, episode_events, latest, read_clock
from console.store.models import Incident, Outage, Task

OUTAGE_CACHES = ("status", "status_at", "restored_at", "first_restored_at", "phase",
                 "alternative_active", "detected_at")
"""``detected_at`` too: the earliest of the outage's events. One outage opened on two
workstations has two "down" events, each at the time its workstation wrote; the earliest
detection is the outage's, deterministically, and no event lies before it (docs/sync.md,
Histories, rule 7)."""
TASK_CACHES = ("status", "status_at")
INCIDENT_CACHES = ("crisis_level",)
Ids = Iterable[str] | None
"""Which rows: an iterable of ids, or None for every row of the table."""


@dataclass(frozen=True)
class StaleCache:
    table: str
    row_id: str
    field: str
    cached: Any
    computed: Any


def _where(column: str, ids: list[str] | None) -> tuple[str, dict[str, str]]:
    if ids is None:
        return "", {}
    return f" WHERE {column} IN (SELECT value FROM json_each(:ids))", {"ids": json.dumps(ids)}


# Event times repeat across a refresh (every moment is written back as the text it came from).
_iso = lru_cache(maxsize=65536)(iso)


def _moment(value: str) -> datetime:
    moment = from_iso(value)
    assert moment is not None  # event and detection times are NOT NULL
    return moment


def outage_lifts(connection: Connection, outage_ids: list[str] | None
                 ) -> dict[str, tuple[datetime, int]]:
    """The outage events that stand later than their time (causal.lifts: an event knew one
    dated in its author's future), by event id; both loaders of outage events read it
    (here, for the caches, and services/outages.py ``outage_facts`` for every face)."""
    where, params = _where("e.outage_id", outage_ids)
    # Only outages with an event that records knowledge can have one.
    knowing = " AND " if where else " WHERE "
    rows: Any = connection.execute(text(
        "SELECT e.outage_id, e.id, e.at, c.hlc, c.site_id, c.supersedes, c.wall_time "
        "FROM outage_event e JOIN change_log c ON c.row_id = e.id AND c.field = '*' "
        f"AND c.tbl = 'outage_event'{where}{knowing}e.outage_id IN (SELECT k.outage_id "
        "FROM outage_event k JOIN change_log x ON x.row_id = k.id AND x.field = '*' "
        "AND x.tbl = 'outage_event' WHERE x.supersedes <> '[]')"), params)
    by_outage: dict[str, dict[str, tuple[datetime, datetime | None, list[causal.Stamp]]]] = \
        defaultdict(dict)
    for outage_id, event_id, at, clock, site, knew, wall in rows:
        events = by_outage[outage_id]
        moment, written, stamps = events.get(event_id, (_moment(at), None, []))
        wrote = from_iso(wall)
        if wrote is not None and (written is None or wrote < written):
            written = wrote
        stamps.append((clock, site, knew))
        events[event_id] = (moment, written, stamps)
    found: dict[str, tuple[datetime, int]] = {}
    for events in by_outage.values():
        found.update(causal.lifts(events))
    return found


def outage_caches(connection: Connection, ids: Ids = None
                  ) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """For each outage: (cached columns, what the clock says), as stored values (ISO text)."""
    wanted = None if ids is None else list(ids)
    if wanted == []:
        return {}
    where, params = _where("o.id", wanted)
    # The episodes of the same system in the same incident read each other (episode_events):
    # every episode of a wanted outage's system is loaded.
    events: dict[str, list[ClockEvent]] = defaultdict(list)
    episodes: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    sql = "SELECT s.id, s.incident_id, s.system_id, s.episode FROM outage s"
    if wanted is not None:
        sql += (" WHERE EXISTS (SELECT 1 FROM outage o WHERE o.incident_id = s.incident_id "
                "AND o.system_id = s.system_id AND o.id IN (SELECT value FROM json_each(:ids)))")
    rows: Any = connection.execute(text(sql), params)
    for outage_id, incident_id, system_id, episode in rows:
        episodes[(incident_id, system_id)].append((outage_id, int(episode or 1)))
    siblings = [o for group in episodes.values() if len(group) > 1 for o, _ in group]
    every = sorted(set(siblings) | set(wanted or []))
    event_where, event_params = _where("e.outage_id", every if wanted is not None else None)
    rows = connection.execute(text(
        f"SELECT e.outage_id, e.at, e.id, e.status, e.phase FROM outage_event e{event_where}"),
        event_params)
    lifted = outage_lifts(connection, every if wanted is not None else None)
    for outage_id, at, event_id, status, phase in rows:
        after, depth = lifted.get(event_id, (None, 0))
        events[outage_id].append(ClockEvent(_moment(at), event_id, status, phase, after, depth))
    for group in episodes.values():
        if len(group) > 1:
            read = episode_events([(o, n, events.get(o, [])) for o, n in group])
            for (outage_id, _), kept in zip(group, read, strict=True):
                if outage_id in events:
                    events[outage_id] = list(kept)
    result = {}
    for row in connection.execute(text(
            "SELECT o.id, o.detected_at, o.status, o.status_at, o.restored_at, "
            f"o.first_restored_at, o.phase, o.alternative_active FROM outage o{where}"), params):
        outage_id = row[0]
        if outage_id not in events:
            continue  # an outage without events is a finding of its own (checks.py)
        detected = min(event.at for event in events[outage_id])
        reading = read_clock(detected, events[outage_id])
        cached = dict(zip(OUTAGE_CACHES, (row[2], row[3], row[4], row[5], row[6],
                                          bool(row[7]), row[1]), strict=True))
        computed = {"status": reading.status.value, "status_at": _iso(reading.status_at),
                    "restored_at": _iso(reading.restored_at),
                    "first_restored_at": _iso(reading.first_restored_at),
                    "phase": reading.phase,
                    "alternative_active": reading.alternative_active,
                    "detected_at": _iso(detected)}
        result[outage_id] = (cached, computed)
    return result


def _latest_caches(connection: Connection, events: str, owner: str, value: str, rows: str,
                   fields: tuple[str, ...], ids: Ids
                   ) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Caches that are the latest event's value (and time, when ``fields`` has two names)."""
    wanted = None if ids is None else list(ids)
    if wanted == []:
        return {}
    by_owner: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    stamps: dict[str, list[causal.Stamp]] = defaultdict(list)  # by event id
    where, params = _where(f"e.{owner}", wanted)
    # Each event with its change's causal stamp: the latest *head* shows (causal.heads), so an
    # event that saw another comes after it whatever the clocks say (Histories, rules 5–6).
    rows_of: Any = connection.execute(text(
        f"SELECT e.{owner}, e.at, e.id, e.{value}, c.hlc, c.site_id, c.supersedes "
        f"FROM {events} e LEFT JOIN change_log c ON c.row_id = e.id AND c.field = '*' "
        f"AND c.tbl = '{events}'{where}"), params)
    for row_id, at, event_id, event_value, clock, site, knew in rows_of:
        if event_id not in stamps:  # one line per change: an event may travel as several
            by_owner[row_id].append((at, event_id, event_value))  # ISO text sorts as time
        if clock is not None:
            stamps[event_id].append((clock, site, knew))
        else:
            stamps.setdefault(event_id, [])
    for row_id, found in by_owner.items():
        flags = causal.heads([stamps[event[1]] for event in found])
        by_owner[row_id] = [event for event, head in zip(found, flags, strict=True) if head]
    where, params = _where("id", wanted)
    result = {}
    for row in connection.execute(
            text(f"SELECT id, {', '.join(fields)} FROM {rows}{where}"), params):
        last = latest(by_owner.get(row[0], ()))
        if last is None:
            continue
        computed = (last[2], last[0])[:len(fields)]
        result[row[0]] = (dict(zip(fields, row[1:], strict=True)),
                          dict(zip(fields, computed, strict=True)))
    return result


def task_caches(connection: Connection, ids: Ids = None
                ) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    return _latest_caches(connection, "task_event", "task_id", "status", "task", TASK_CACHES,
                          ids)


def incident_caches(connection: Connection, ids: Ids = None
                    ) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    return _latest_caches(connection, "crisis_level_change", "incident_id", "level",
                          "incident", INCIDENT_CACHES, ids)


_TABLES = (("outage", Outage, outage_caches), ("task", Task, task_caches),
           ("incident", Incident, incident_caches))


def stale(connection: Connection, *, outages: Ids = None, tasks: Ids = None,
          incidents: Ids = None) -> list[StaleCache]:
    """Every cached field that differs from what its events say (None: every row)."""
    found: list[StaleCache] = []
    for (name, _, compute), ids in zip(_TABLES, (outages, tasks, incidents), strict=True):
        for row_id, (cached, computed) in sorted(compute(connection, ids).items()):
            found.extend(StaleCache(name, row_id, f, cached[f], computed[f])
                         for f in computed if cached[f] != computed[f])
    return found


def refresh(connection: Connection, *, outages: Ids = (), tasks: Ids = (),
            incidents: Ids = ()) -> int:
    """Rewrite the caches of these rows (None: every row) that differ; how many rows changed.

    The default for each table is no rows: callers name what their write touched."""
    changed = 0
    for (_, model, compute), ids in zip(_TABLES, (outages, tasks, incidents), strict=True):
        rows = [{"b_id": row_id, **computed}
                for row_id, (cached, computed) in compute(connection, ids).items()
                if cached != computed]
        if not rows:
            continue
        sets = ", ".join(f"{name} = :{name}" for name in rows[0] if name != "b_id")
        # Values are already in their stored form (ISO text), so plain SQL, no column types.
        connection.execute(text(f"UPDATE {model.__tablename__} SET {sets} WHERE id = :b_id"),
                           rows)
        changed += len(rows)
    return changed
