"""The PostgreSQL hub, against a real server the suite starts itself (conftest.postgres_url)."""

from __future__ import annotations

import threading
import time

import pytest

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import ConsoleError
from console.sync import hub
from console.sync.apply import COLUMNS

pytestmark = pytest.mark.hub


def test_two_workstations_sync_through_the_hub(stations, hub_url: str) -> None:
    a, b = stations(2)
    commander = a.login("commander")
    a.app.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.journal.add_log(commander, Team.SITUATION, "from a")
    first = a.app.sync.hub_sync(a.admin, hub_url)
    assert first.pushed > 0
    b.app.sync.hub_sync(b.admin, hub_url)
    b.app.journal.add_log(b.login("commander"), Team.SITUATION, "from b")
    b.app.sync.hub_sync(b.admin)
    a.app.sync.hub_sync(a.admin)
    assert a.digest() == b.digest()
    assert a.app.maintenance.verify() == [] and b.app.maintenance.verify() == []
    again = a.app.sync.hub_sync(a.admin)
    assert again.pushed == 0 and again.new == 0
    status = a.app.sync.status()
    assert status.hub_reachable and status.unshared == 0 and status.last_sync is not None


def test_unreachable_hub_is_one_clear_error(stations) -> None:
    (a,) = stations(1)
    with pytest.raises(ConsoleError, match="unreachable"):
        a.app.sync.hub_sync(a.admin, "postgresql://nobody@127.0.0.1:1/none")
    assert a.app.sync.status().hub_reachable is False


def _rows(site: str, count: int, start: int = 1) -> list[tuple]:
    return [(site, seq, seq, "log_entry", f"{site}-{seq}", "*", "{}", "[]", None,
             "2025-01-01T00:00:00.000000Z", "0004", "", f"h{seq}")
            for seq in range(start, start + count)]


def test_concurrent_pushers_never_make_a_reader_skip(hub_url: str) -> None:
    """Two pushers hold their transactions open (advisory lock) while a reader polls: every
    row is read exactly once, because hub_seq order equals commit order."""
    engine = hub.connect(hub_url)
    hub.ensure_schema(engine)
    seen: list[tuple] = []
    stop = threading.Event()

    def reader() -> None:
        cursor = 0
        while not stop.is_set():
            rows, cursor = hub.pull(engine, cursor)
            seen.extend(rows)
            time.sleep(0.01)
        rows, cursor = hub.pull(engine, cursor)
        seen.extend(rows)

    def pusher(site: str) -> None:
        for batch in range(4):
            hub.push(engine, _rows(site, 50, 1 + batch * 50), hold_seconds=0.05)

    threads = [threading.Thread(target=pusher, args=(s,)) for s in ("p1", "p2")]
    polling = threading.Thread(target=reader)
    polling.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    polling.join()
    keys = [(r[0], r[1]) for r in seen]
    assert len(keys) == len(set(keys)) == 400
    assert len(COLUMNS) == len(seen[0])
    engine.dispose()


def test_without_the_lock_a_reader_can_skip(hub_url: str) -> None:
    """The race the lock prevents, shown: a push that took its hub_seq first but commits last
    is invisible to a reader whose cursor has already moved past it."""
    engine = hub.connect(hub_url)
    hub.ensure_schema(engine)
    slow = threading.Thread(target=hub.push, args=(engine, _rows("slow", 5)),
                            kwargs={"hold_seconds": 1.0, "lock": False})
    slow.start()
    time.sleep(0.3)
    hub.push(engine, _rows("fast", 5), lock=False)
    rows, cursor = hub.pull(engine, 0)
    slow.join()
    later, _ = hub.pull(engine, cursor)
    assert {r[0] for r in rows} == {"fast"}
    assert later == []  # the slow pusher's rows sit below the cursor: skipped for ever
    engine.dispose()
