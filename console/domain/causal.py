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
from collections.abc import Sequence

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
