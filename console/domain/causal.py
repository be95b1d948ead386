"""Which of an owner's events are its heads: the ones no later event knew (docs/sync.md,
Histories, rule 6). Pure: sync lists the heads as conflict candidates, store/derived.py shows
the latest head by time, so a status follows what its authors saw, not only their clocks.

Each event is stamped with its change's clock, its workstation and the heads its author held
when writing it (``supersedes``, a JSON list of [clock, workstation]). An event that records
no knowledge (an owner's first event, or one written before the rule) is ordered by clock as
before: any event with a later clock covers it. An event with no stamp at all (written where
nothing is shared yet) is always a head and covers nothing."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

Stamp = tuple[int, str, str]
"""(clock, workstation, supersedes JSON)."""


def heads(events: Sequence[Sequence[Stamp]]) -> list[bool]:
    """For each event (the stamps of its changes), whether it is a head, in the order given.

    One event row can travel as several changes (the same history written on two
    workstations, e.g. two demos): knowing any of them is knowing the event."""
    known = {(int(h), str(s)) for stamps in events for stamp in stamps
             for h, s in json.loads(stamp[2] or "[]")}
    blind = [min(stamp[0] for stamp in stamps) for stamps in events
             if stamps and all((stamp[2] or "[]") == "[]" for stamp in stamps)]
    later_blind = max(blind, default=None)
    found = []
    for stamps in events:
        if not stamps:
            found.append(True)
        elif any((stamp[0], stamp[1]) in known for stamp in stamps):
            found.append(False)  # a later event knew this one
        else:
            found.append(later_blind is None or later_blind <= min(s[0] for s in stamps))
    return found


Written = tuple[datetime, datetime | None, Sequence[Stamp]]
"""An event for ``lifts``: (its time, when its author wrote it (wall clock), its stamps)."""


def lifts(events: Mapping[str, Written]) -> dict[str, tuple[datetime, int]]:
    """Events that must stand later than their time says: {id: (after, depth)}.

    An event's author knew the events its ``supersedes`` names. When one of them is dated
    after the moment the author wrote — in its author's future, so some clock was off (a
    workstation two days ahead) — the event cannot have happened before it: it is ordered
    no earlier than that event (``after``) and behind it (``depth``, one more than the
    deepest lifted predecessor). Events whose predecessors lie in their author's past keep
    their own time, so a deliberately back-dated entry ("restored at 10:00", written later)
    still stands where its time says (docs/sync.md, Histories, rule 5)."""
    owner = {(int(s[0]), str(s[1])): event_id for event_id, (_, _, stamps) in events.items()
             for s in stamps}
    # A knower's clock is above every clock it knew (the HLC receive rule): by clock order,
    # predecessors are placed before the events that knew them.
    ordered = sorted(events, key=lambda e: min((int(s[0]) for s in events[e][2]), default=0))
    placed: dict[str, tuple[datetime, int]] = {}
    found: dict[str, tuple[datetime, int]] = {}
    for event_id in ordered:
        at, written, stamps = events[event_id]
        best = (at, 0)
        lifted = False
        for h, site in {(int(h), str(s)) for stamp in stamps
                        for h, s in json.loads(stamp[2] or "[]")}:
            before = owner.get((h, site))
            if before is None or before == event_id or before not in placed:
                continue
            time, depth = placed[before]
            if written is not None and time > written and (time, depth + 1) > best:
                best, lifted = (time, depth + 1), True
        placed[event_id] = best
        if lifted:
            found[event_id] = best
    return found


def knew(knower: Sequence[Stamp], other: Sequence[Stamp], aware: bool) -> bool:
    """Whether the write ``knower`` (the stamps of its changes) had seen the write ``other``.

    ``aware``: the knower records what it knew of writes of the other's kind (its stamps name
    them when it held them). A write that records nothing of that kind (an older program, or
    one written where none was held) is taken to have known every write with an earlier clock:
    it could not have known one with a later clock (the HLC receive rule), so this may miss a
    conflict but never invents one. One workstation's writes follow each other: the later one
    saw the earlier (docs/sync.md, Histories, rule 6)."""
    if not knower or not other:
        return True
    if {s[1] for s in knower} & {s[1] for s in other}:
        return min(s[0] for s in knower) > min(s[0] for s in other)
    if aware:
        names = {(int(h), str(s)) for stamp in knower for h, s in json.loads(stamp[2] or "[]")}
        return any((stamp[0], stamp[1]) in names for stamp in other)
    return min(s[0] for s in knower) > min(s[0] for s in other)


def apart(first: Sequence[Stamp], first_aware: bool, second: Sequence[Stamp],
          second_aware: bool) -> bool:
    """Two writes made apart: neither knew the other."""
    return not knew(first, second, first_aware) and not knew(second, first, second_aware)
