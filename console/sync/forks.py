"""Two databases writing as one workstation: refused loudly, never merged silently.

A change is known by (workstation, seq). If a database file is copied to a second PC, or a
workstation restores an old backup after its later changes were shared, two databases number
their next changes alike; ``INSERT OR IGNORE`` on (site, seq) would then keep one and drop the
other without a word. Every import, hub pull and hub push first compares the entry hashes of
the changes both sides hold under the same (site, seq) and refuses on any difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

from console.domain.errors import VerificationFailed

_SITE, _SEQ, _ENTRY = 0, 1, 12  # positions in a change row (apply.COLUMNS)


class ForkRefused(VerificationFailed):
    """``sync.fork``, knowing the workstation id: a refusal of this database's own history is
    noted for its repair (sync/repair.py)."""

    def __init__(self, site: str, seq: int, name: str) -> None:
        super().__init__("sync.fork", name=name, seq=seq)
        self.site = site
        self.seq = seq


def refuse_forks(connection: Connection, rows: Sequence[Sequence[Any]]) -> None:
    """Raise VerificationFailed if any incoming change differs from the one held here under
    the same (site, seq). Only seqs up to this database's highest for that site can collide,
    so a bundle of new changes costs one primary-key probe per site."""
    by_site: dict[str, dict[int, str]] = {}
    for row in rows:
        by_site.setdefault(row[_SITE], {})[row[_SEQ]] = row[_ENTRY]
    run = connection.exec_driver_sql
    for site, incoming in by_site.items():
        top = run("SELECT max(seq) FROM change_log WHERE site_id = ?", (site,)).scalar()
        low = min(incoming)
        if top is None or low > top:
            continue
        for seq, entry in run("SELECT seq, entry_hash FROM change_log WHERE site_id = ? "
                              "AND seq BETWEEN ? AND ?", (site, low, min(max(incoming), top))):
            if seq in incoming and incoming[seq] != entry:
                name = run("SELECT name FROM workstation WHERE id = ?", (site,)).scalar()
                raise ForkRefused(site, seq, name or site)
