"""All services over one database and one clock, built once and handed to the faces."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from console.domain.clock import Clock, kst, utc_now
from console.domain.errors import ConsoleError
from console.domain.permissions import Action
from console.services import maintenance
from console.services.accounts import DEFAULT_HASHER, AccountService
from console.services.contacts import ContactService
from console.services.context import Actor
from console.services.demo import DemoBuilder
from console.services.drill_reset import DrillReset
from console.services.drill_score import DrillScoring
from console.services.drills import DrillService, drill_clock_for
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
from console.services.sync import SyncService
from console.services.tables import TableService
from console.services.tasks import TaskService
from console.services.timeline import TimelineService
from console.store.database import Database, open_database
from console.store.keyfile import KeyStore
from console.sync import capture


@dataclass
class Services:
    db: Database
    accounts: AccountService
    incidents: IncidentService
    inventory: InventoryService
    outages: OutageService
    tasks: TaskService
    journal: JournalService
    maintenance: MaintenanceService
    situation: SituationService
    demo: DemoBuilder
    reports: ReportService
    tables: TableService
    sync: SyncService
    estimates: EstimateService
    forecast: ForecastService
    timeline: TimelineService
    handover: HandoverService
    final_report: FinalReportService
    notices: NoticeService
    status_page: StatusPageService
    drills: DrillService
    drill_score: DrillScoring
    drill_reset: DrillReset
    contacts: ContactService
    lessons: LessonService

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
        status_page = StatusPageService(db, clock)
        incidents, outages = IncidentService(db, clock), OutageService(db, clock)
        journal = JournalService(db, clock)
        situation = SituationService(db, clock)
        drills = DrillService(db, clock, incidents, outages, journal)
        reports = ReportService(db, clock)
        timeline, tasks = TimelineService(db, clock), TaskService(db, clock)
        lessons = LessonService(db, clock, journal)
        return cls(db=db, accounts=accounts,
                   incidents=incidents, inventory=InventoryService(db, clock),
                   outages=outages, tasks=tasks,
                   journal=journal, maintenance=MaintenanceService(db, clock),
                   situation=situation, reports=reports,
                   demo=DemoBuilder(db, clock, accounts, reports), tables=TableService(db, clock),
                   sync=sync, estimates=EstimateService(db, clock),
                   forecast=ForecastService(db, clock), timeline=timeline,
                   handover=HandoverService(db, clock, reports, timeline, tasks),
                   final_report=FinalReportService(db, clock, reports, timeline, journal,
                                                   lessons),
                   notices=NoticeService(db, clock, status_page.write_configured),
                   status_page=status_page,
                   drills=drills, drill_score=DrillScoring(db, clock, drills, situation),
                   drill_reset=DrillReset(db, clock, drills, cls.opener, keys),
                   contacts=ContactService(db, clock),
                   lessons=lessons)

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
