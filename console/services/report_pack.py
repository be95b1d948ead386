"""The paper fallback pack's settings and writing (docs/reports.md): the current papers into a
folder (a USB stick, a share), atomically, as a new generation (console/reports/pack.py)."""

from __future__ import annotations

import builtins
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from console.domain.clock import Clock, from_iso, iso, to_utc
from console.domain.enums import Team
from console.domain.errors import ConsoleError, ValidationError
from console.domain.permissions import Action
from console.reports import pack
from console.reports.records import FallbackSettings, ReportRow, Reprint, file_name
from console.services.accounts import AccountService
from console.services.context import Actor, ServiceBase, local_value, set_local_value
from console.services.inventory import InventoryService
from console.services.report_printouts import Printouts
from console.store.database import Database

if TYPE_CHECKING:
    from console.reports.snapshot import Snapshot

APART = ("01", "07")
"""The files a second process makes (console/reports/pack_workers.py): the draft report and
the handover briefing (one snapshot for both); this process makes the inventory meanwhile —
the two biggest pieces at ``demo --scale 30`` (docs/reports.md)."""
SHARED = ("02", "06", "12", "00", "05", "04", "10", "11", "13", "14")
"""Then whichever process is free first takes the next of these (the biggest first)."""

FALLBACK_FOLDER, FALLBACK_MINUTES, FALLBACK_KEEP, FALLBACK_LAST = (
    "fallback_folder", "fallback_minutes", "fallback_keep", "fallback_last")


class _Reports(Protocol):
    """What the pack takes from the report service (structural: no import circle)."""

    accounts: AccountService
    inventory: InventoryService
    printouts: Printouts

    def list(self, incident_id: str | None = None) -> builtins.list[ReportRow]: ...
    def reprint(self, report_id: str) -> Reprint: ...
    def exercise(self) -> bool: ...
    def snapshot(self, incident_id: str | None = None, as_of: datetime | None = None
                 ) -> Snapshot: ...
    def render(self, snapshot: Snapshot, lang: str = "ko", reprinted_at: str | None = None
               ) -> bytes: ...
    def printout(self, kind: str, team: Team | None = None, start: datetime | None = None,
                 end: datetime | None = None, lang: str = "ko",
                 incident_id: str | None = None) -> bytes: ...


class FallbackPacks(ServiceBase):
    def __init__(self, db: Database, clock: Clock, reports: _Reports) -> None:
        super().__init__(db, clock)
        self.reports = reports
        self._pack_lock = threading.Lock()

    def configure(self, actor: Actor, folder: Path | None, every_minutes: int = 15,
                           keep: int = 5) -> None:
        """Name this workstation's fallback folder (None turns the pack off)."""
        actor.require(Action.BACKUP)
        if every_minutes < 1 or keep < 1:
            raise ValidationError("pack.bad_settings")
        with self.db.transaction() as session:
            set_local_value(session, FALLBACK_FOLDER, str(folder) if folder else "")
            set_local_value(session, FALLBACK_MINUTES, str(every_minutes))
            set_local_value(session, FALLBACK_KEEP, str(keep))
            self.audit(session, actor, "configure_fallback", str(folder or ""))

    def settings(self) -> FallbackSettings:
        with self.db.sessions() as session:
            folder = local_value(session, FALLBACK_FOLDER)
            last = local_value(session, FALLBACK_LAST)
            return FallbackSettings(
                Path(folder) if folder else None,
                int(local_value(session, FALLBACK_MINUTES) or 15),
                int(local_value(session, FALLBACK_KEEP) or 5), from_iso(last) if last else None)

    def due(self, now: datetime | None = None) -> bool:
        """True when a folder is set and the last pack is older than the interval. The window
        asks this from a timer (every minute is fine) and then calls write_fallback_pack."""
        settings = self.settings()
        if settings.folder is None:
            return False
        moment = to_utc(now) if now else self.now()
        return settings.last_written is None or (
            moment - settings.last_written >= timedelta(minutes=settings.every_minutes))

    def write(self, folder: Path | None = None, lang: str = "ko",
                            keep: int | None = None) -> Path:
        """Write the current printouts as a new generation in ``folder`` (default: the
        configured one), atomically; keeps the newest ``keep`` generations."""
        settings = self.settings()
        target = folder or settings.folder
        if target is None:
            raise ValidationError("pack.no_folder")
        moment = self.now()
        files: list[tuple[str, Callable[[], bytes]]] = []
        issued = [r for r in self.reports.list() if not r.is_draft]
        if issued:
            newest = max(issued, key=lambda r: (r.number, r.issued_at or r.as_of))
            files.append((f"00-{file_name(newest)}", lambda: self.reports.reprint(newest.id).pdf))
        # The draft report and the handover briefing show the situation at the pack's moment:
        # frozen once for both (at scale 30 a snapshot takes ~1.5 s).
        frozen: list[Snapshot] = []

        def situation() -> Snapshot:
            if not frozen:
                frozen.append(self.reports.snapshot(as_of=moment))
            return frozen[0]

        files += [
            ("01-상황보고-현재(초안).pdf", lambda: self.reports.render(situation(), lang)),
            ("02-장애현황대장.pdf", lambda: self.reports.printout("outages", lang=lang)),
            ("03-정보시스템목록-대체수단.pdf", lambda: self.reports.printout("inventory", lang=lang)),
            ("04-비상연락망.pdf", lambda: self.reports.printout("roster", lang=lang)),
            ("05-결정사항기록부.pdf", lambda: self.reports.printout("decisions", lang=lang)),
            ("06-활동일지-ICS214.pdf", lambda: self.reports.printout("log", lang=lang)),
            ("07-교대브리핑-최근8시간.pdf", lambda: self._handover(lang, moment, situation())),
            *self._forms(lang),
        ]
        with self._pack_lock:
            written = pack.write_pack(Path(target), files, moment, keep or settings.keep,
                                      {"workstation": self.reports.accounts.workstation()[1]},
                                      apart=[name for name, _ in files if name[:2] in APART],
                                      shared=sorted((name for name, _ in files
                                                     if name[:2] in SHARED),
                                                    key=lambda name: SHARED.index(name[:2])),
                                      in_child=self.db.reopen_read_only)
        with self.db.transaction() as session:
            set_local_value(session, FALLBACK_LAST, iso(moment) or "")
        return written

    def _handover(self, lang: str, end: datetime, snapshot: Snapshot) -> bytes:
        # Imported here: services/handover.py imports services/reports.py, which imports this.
        from console.services.handover import HandoverService
        from console.services.tasks import TaskService
        from console.services.timeline import TimelineService

        handover = HandoverService(self.db, self.clock, self.reports,
                                   TimelineService(self.db, self.clock),
                                   TaskService(self.db, self.clock))
        return handover.briefing(end=end, lang=lang, snapshot=snapshot)

    def _forms(self, lang: str) -> list[tuple[str, Callable[[], bytes]]]:
        """The blank forms, to fill by hand (console/reports/forms.py)."""
        from console.reports.forms import render_form
        from console.reports.layout import exercise_pages

        def citizen() -> builtins.list[str]:
            # A page per citizen-facing service of grade 1 (those a counter must keep taking
            # by hand), and one with the service left blank for any other. Read by the
            # process that makes the ledger, not before the pack splits (0.26 s at scale 30).
            return [f"{s.code} {s.name}" for s in self.reports.inventory.systems()
                    if s.category.value == "citizen" and s.grade == 1] + [""]

        def form(kind: str) -> Callable[[], bytes]:
            def produce() -> bytes:
                with exercise_pages(self.reports.exercise()):
                    return render_form(kind, lang, citizen() if kind == "ledger" else ())
            return produce

        return [(f"1{i}-{name}", form(kind))
                for i, (kind, name) in enumerate([
                    ("ics214", "빈양식-활동일지-ICS214.pdf"), ("intake", "빈양식-장애접수서.pdf"),
                    ("ledger", "빈양식-서비스별-수기접수대장.pdf"),
                    ("ics213", "빈양식-통신문-ICS213.pdf"), ("sitrep", "빈양식-제N보.pdf")])]

    def after_approval(self) -> tuple[Path | None, str | None]:
        if self.settings().folder is None:
            return None, None
        try:
            return self.write(), None
        except (OSError, ConsoleError) as error:  # a refusal, or the second process's end
            return None, f"fallback pack not written: {error}"

