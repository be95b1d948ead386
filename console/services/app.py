"""All services over one database and one clock, composed once and handed to the faces.

Each service (and its module) is built on first use: a face that shows the board must not pay
for importing the report, demo and drill machinery before its first screen (issue 12, start-up
against the floor; docs/window.md). What every open must do runs in ``over``: change capture,
the drill clock, and the sync steps after an upgrade."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from argon2 import PasswordHasher

from console.domain.clock import Clock, kst, utc_now
from console.domain.errors import ConsoleError
from console.domain.permissions import Action
from console.services.accounts import DEFAULT_HASHER, AccountService
from console.services.context import Actor
from console.services.drills import drill_clock_for
from console.services.sync import SyncService
from console.store.database import Database, open_database
from console.store.keyfile import KeyStore
from console.sync import capture

if TYPE_CHECKING:
    from console.services.contacts import ContactService
    from console.services.demo import DemoBuilder
    from console.services.drill_reset import DrillReset
    from console.services.drill_score import DrillScoring
    from console.services.drills import DrillService
    from console.services.estimates import EstimateService
    from console.services.final_report import FinalReportService
    from console.services.forecast import ForecastService
    from console.services.handover import HandoverService
    from console.services.incidents import IncidentService
    from console.services.inventory import InventoryService
    from console.services.journal import JournalService
    from console.services.lessons import LessonService
    from console.services.maintenance import MaintenanceService
    from console.services.notices import NoticeService
    from console.services.outages import OutageService
    from console.services.reports import ReportService
    from console.services.situation import SituationService
    from console.services.status_page import StatusPageService
    from console.services.tables import TableService
    from console.services.tasks import TaskService
    from console.services.timeline import TimelineService

T = TypeVar("T")


class _BuiltOnFirstUse(Generic[T]):
    """A service attribute built by its function at first access, then kept on the instance.

    Reads run on the runner's two threads and the GUI thread at once: the lock makes every
    face share one instance of each service (some keep state, e.g. the sync signing keys). It
    is re-entrant because a service is built from others (the demo from accounts, reports)."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self.build = build
        self.name = build.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _BuiltOnFirstUse[T]: ...

    @overload
    def __get__(self, instance: Services, owner: type | None = None) -> T: ...

    def __get__(self, instance: Services | None, owner: type | None = None
                ) -> T | _BuiltOnFirstUse[T]:
        if instance is None:
            return self
        # No __set__: once built, the instance's own attribute is found before this.
        with instance._building:
            built: T | None = instance.__dict__.get(self.name)
            if built is None:
                built = self.build(instance)
                instance.__dict__[self.name] = built
        return built


def built_on_first_use(build: Callable[[Any], T]) -> _BuiltOnFirstUse[T]:
    return _BuiltOnFirstUse(build)


class Services:
    """The services over ``db``: ``accounts`` and ``sync`` are built with it (every open uses
    them), every other on first use. Constructor injection as before: each service gets the
    database, the clock and the services it needs, from here; nothing is global."""

    def __init__(self, db: Database, clock: Clock, keys: KeyStore, accounts: AccountService,
                 sync: SyncService) -> None:
        self.db, self.clock, self.keys = db, clock, keys
        self.accounts, self.sync = accounts, sync
        self._building = threading.RLock()

    @classmethod
    def over(cls, db: Database, clock: Clock = utc_now,
             hasher: PasswordHasher = DEFAULT_HASHER, keys: KeyStore | None = None) -> Services:
        """The services over ``db``, with change capture installed on it first.

        Every face (CLI, window, self-test, demo, restore) gets its services here, so every
        write they make is also logged in ``change_log`` and reaches the other workstations.
        Installing here, not on import or in the store (which may not import sync), keeps it
        explicit; installing again on the same database keeps the capture it has.

        ``keys``: the folder of signing keys (store/keyfile.py; default: this user's)."""
        capture.install(db)
        # An exercise database runs every service on its drill clock (services/drills.py).
        clock = drill_clock_for(db, clock) or clock
        keys = keys if keys is not None else KeyStore()
        accounts = AccountService(db, clock, hasher, keys)
        sync = SyncService(db, clock, keys)
        _relocate_secrets(sync)
        _apply_after_upgrade(sync)
        if db.capture is not None and db.capture.head_signer is None:
            db.capture.head_signer = sync.sign_head
        return cls(db, clock, keys, accounts, sync)

    # -- built on first use (each imports its module here, not at start) ---------------------
    @built_on_first_use
    def incidents(self) -> IncidentService:
        from console.services.incidents import IncidentService
        return IncidentService(self.db, self.clock)

    @built_on_first_use
    def inventory(self) -> InventoryService:
        from console.services.inventory import InventoryService
        return InventoryService(self.db, self.clock)

    @built_on_first_use
    def outages(self) -> OutageService:
        from console.services.outages import OutageService
        return OutageService(self.db, self.clock)

    @built_on_first_use
    def tasks(self) -> TaskService:
        from console.services.tasks import TaskService
        return TaskService(self.db, self.clock)

    @built_on_first_use
    def journal(self) -> JournalService:
        from console.services.journal import JournalService
        return JournalService(self.db, self.clock)

    @built_on_first_use
    def maintenance(self) -> MaintenanceService:
        from console.services.maintenance import MaintenanceService
        return MaintenanceService(self.db, self.clock)

    @built_on_first_use
    def situation(self) -> SituationService:
        from console.services.situation import SituationService
        return SituationService(self.db, self.clock)

    @built_on_first_use
    def reports(self) -> ReportService:
        from console.services.reports import ReportService
        return ReportService(self.db, self.clock)

    @built_on_first_use
    def demo(self) -> DemoBuilder:
        from console.services.demo import DemoBuilder
        return DemoBuilder(self.db, self.clock, self.accounts, self.reports)

    @built_on_first_use
    def tables(self) -> TableService:
        from console.services.tables import TableService
        return TableService(self.db, self.clock)

    @built_on_first_use
    def estimates(self) -> EstimateService:
        from console.services.estimates import EstimateService
        return EstimateService(self.db, self.clock)

    @built_on_first_use
    def forecast(self) -> ForecastService:
        from console.services.forecast import ForecastService
        return ForecastService(self.db, self.clock)

    @built_on_first_use
    def timeline(self) -> TimelineService:
        from console.services.timeline import TimelineService
        return TimelineService(self.db, self.clock)

    @built_on_first_use
    def handover(self) -> HandoverService:
        from console.services.handover import HandoverService
        return HandoverService(self.db, self.clock, self.reports, self.timeline, self.tasks)

    @built_on_first_use
    def final_report(self) -> FinalReportService:
        from console.services.final_report import FinalReportService
        return FinalReportService(self.db, self.clock, self.reports, self.timeline,
                                  self.journal, self.lessons)

    @built_on_first_use
    def status_page(self) -> StatusPageService:
        from console.services.status_page import StatusPageService
        return StatusPageService(self.db, self.clock)

    @built_on_first_use
    def notices(self) -> NoticeService:
        from console.services.notices import NoticeService
        return NoticeService(self.db, self.clock, self.status_page.write_configured)

    @built_on_first_use
    def drills(self) -> DrillService:
        from console.services.drills import DrillService
        return DrillService(self.db, self.clock, self.incidents, self.outages, self.journal)

    @built_on_first_use
    def drill_score(self) -> DrillScoring:
        from console.services.drill_score import DrillScoring
        return DrillScoring(self.db, self.clock, self.drills, self.situation)

    @built_on_first_use
    def drill_reset(self) -> DrillReset:
        from console.services.drill_reset import DrillReset
        return DrillReset(self.db, self.clock, self.drills, Services.opener, self.keys)

    @built_on_first_use
    def contacts(self) -> ContactService:
        from console.services.contacts import ContactService
        return ContactService(self.db, self.clock)

    @built_on_first_use
    def lessons(self) -> LessonService:
        from console.services.lessons import LessonService
        return LessonService(self.db, self.clock, self.journal)

    @classmethod
    def open(cls, path: Path, create: bool = False, clock: Clock = utc_now,
             hasher: PasswordHasher = DEFAULT_HASHER, keys: KeyStore | None = None) -> Services:
        return cls.over(open_database(path, create=create), clock, hasher, keys)

    def close(self) -> None:
        self.db.close()

    @classmethod
    def opener(cls, path: Path, create: bool, wall: Clock, keys: KeyStore | None
               ) -> Services:
        """How a drill file being made is opened (services/drill_build.py's ``Opener``)."""
        return cls.open(path, create=create, clock=wall, keys=keys)

    @classmethod
    def restore(cls, path: Path, backup_file: Path, actor: Actor,
                clock: Clock = utc_now, keys: KeyStore | None = None) -> Restored:
        """Replace the database at ``path`` with a verified backup (the replaced one is kept).

        A backup is older than the database it replaces: if this workstation had numbered
        changes past the backup's last one (or the replaced file cannot tell, or the backup is
        another workstation's), its next changes would take numbers its peers may already
        hold, and they would refuse them (sync/forks.py). Then the restored database gets an
        identity of its own, which the peers trust like a new workstation's.

        ``actor`` is someone logged in to the database being replaced."""
        # Imported here: maintenance brings the sync replay and its cryptography, which an
        # ordinary open does not need.
        from console.services import maintenance

        actor.require(Action.RESTORE)
        before = maintenance.own_numbering(path)
        shared = maintenance.shared_through(path)
        kept = maintenance.restore(path, backup_file)
        services = cls.open(path, clock=clock, keys=keys)
        try:
            after = maintenance.own_numbering(path)
            unshared = _unshared(before, after, shared)
            if after is None or (before is not None and before[0] == after[0]
                                 and before[1] <= after[1]):
                return Restored(kept, None, unshared)
            _, name = services.accounts.workstation()
            renamed = f"{name or 'workstation'} (복원 {kst(clock()):%Y-%m-%d %H:%M})"
            services.sync.reidentify(None, renamed)
            return Restored(kept, renamed, unshared)
        finally:
            services.close()


def _unshared(before: tuple[str, int] | None, after: tuple[str, int] | None,
              shared: int) -> int:
    """How many of this workstation's changes the restore drops that no peer received: those
    past both the last shared one and the backup's own last one (docs/sync.md, rule 12)."""
    if before is None:
        return 0
    floor = shared
    if after is not None and after[0] == before[0]:
        floor = max(floor, after[1])
    return max(0, before[1] - floor)


def _relocate_secrets(sync: SyncService) -> None:
    """A database from an older version keeps its signing key and hub password in the file:
    move them out on first open. A file this user cannot write stays as it is (read-only use
    needs neither secret)."""
    try:
        sync.relocate_secrets()
    except ConsoleError as error:
        if error.code not in ("database.read_only", "database.folder_read_only",
                              "database.busy"):
            raise


def _apply_after_upgrade(sync: SyncService) -> None:
    """Rows from a newer schema kept pending are shown at the first open after the upgrade
    (docs/sync.md, Histories, rule 4). A file this user cannot write waits for one who can."""
    try:
        sync.apply_after_upgrade()
    except ConsoleError as error:
        if error.code not in ("database.read_only", "database.folder_read_only",
                              "database.busy"):
            raise


@dataclass(frozen=True)
class Restored:
    kept: Path
    """Where the replaced database was kept."""
    new_identity: str | None
    """The restored database's new workstation name, when it needed a new identity."""
    unshared: int = 0
    """This workstation's changes that are not in the backup and were never shared: they stay
    only in the kept file (a bundle exported from it brings them back)."""
