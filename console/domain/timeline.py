"""The incident's timeline: one chronological list a shift reads at hand-over.

Pure: the services gather the entries, this module orders and filters them, so the CLI's
``timeline`` and the window's timeline view list the very same lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from console.domain.clock import to_utc


class EntryKind(StrEnum):
    ACTIVATED = "activated"
    CLOSED = "closed"
    SCHEDULE = "schedule"
    CRISIS_LEVEL = "crisis_level"
    OUTAGE = "outage"
    DECISION = "decision"
    LOG = "log"
    REPORT = "report"

    def label(self, lang: str = "ko") -> str:
        ko, en = _KIND_LABELS[self]
        return en if lang == "en" else ko


_KIND_LABELS = {
    EntryKind.ACTIVATED: ("대책본부 가동", "Task force activated"),
    EntryKind.CLOSED: ("대책본부 해산", "Task force stood down"),
    EntryKind.SCHEDULE: ("보고 일정", "Report schedule"),
    EntryKind.CRISIS_LEVEL: ("위기경보", "Crisis level"),
    EntryKind.OUTAGE: ("장애", "Outage"),
    EntryKind.DECISION: ("결정사항", "Decision"),
    EntryKind.LOG: ("주요 상황", "Significant event"),
    EntryKind.REPORT: ("상황보고", "Situation report"),
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: EntryKind
    text: str
    team: str | None
    """The team that recorded it (None: the command, or unknown)."""
    author: str | None
    ref: str
    """The id of the record the line stands for: the order's last tie-breaker."""
    author_name: str | None = None
    """How the author is shown to people (their display name); ``author`` stays the user
    name, which "new since your last log-in" compares with the reader's."""


def chronological(entries: Iterable[TimelineEntry], team: str | None = None,
                  until: datetime | None = None) -> list[TimelineEntry]:
    """Oldest first; ties by kind then record id, so the list reads the same on every
    workstation. With ``team`` only that team's lines; with ``until`` nothing later."""
    moment = to_utc(until) if until else None
    kept = [e for e in entries if (team is None or e.team == team)
            and (moment is None or to_utc(e.at) <= moment)]
    return sorted(kept, key=lambda e: (to_utc(e.at), list(EntryKind).index(e.kind), e.ref))


def changed_since(entry: TimelineEntry, since: datetime | None, me: str | None = None
                  ) -> bool:
    """A line this user has not seen: recorded after their previous log-in, by another."""
    return is_new(entry.at, since, entry.author, me)


def is_new(at: datetime, since: datetime | None, by: str | None = None, me: str | None = None
           ) -> bool:
    """New to this user (``me``, a user name): dated after their previous log-in (None:
    nothing is new) and written by someone else (``by``): what they wrote themselves they
    have seen. The one rule of the timeline's and the board's marks."""
    return since is not None and to_utc(at) > to_utc(since) and (me is None or by != me)
