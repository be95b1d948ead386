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


def heads(stamps: Sequence[Stamp | None]) -> list[bool]:
    """For each event, whether it is a head (in the order given)."""
    known = {(int(h), str(s)) for stamp in stamps if stamp is not None
             for h, s in json.loads(stamp[2] or "[]")}
    blind = [stamp[0] for stamp in stamps if stamp is not None and (stamp[2] or "[]") == "[]"]
    later_blind = max(blind, default=None)
    found = []
    for stamp in stamps:
        if stamp is None:
            found.append(True)
        elif (stamp[0], stamp[1]) in known:
            found.append(False)  # a later event knew this one
        else:
            found.append(later_blind is None or later_blind <= stamp[0])
    return found
