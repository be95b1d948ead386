"""The printouts beside the situation report (activity log ICS 214, outage register, decision
log, roster, inventory): the records as they stand, read through the services, rendered by
console/reports/printouts.py."""

from __future__ import annotations

import builtins
from datetime import datetime

from console.domain.clock import Clock, iso, to_utc
from console.domain.enums import Team
from console.domain.errors import ValidationError
from console.domain.paper import paper_note
from console.reports.text import label
from console.services.accounts import AccountService
from console.services.contacts import external_contacts
from console.services.context import ServiceBase, current_incident
from console.services.inventory import InventoryService
from console.services.journal import JournalService
from console.services.outages import OutageService
from console.store.database import Database

PRINTOUT_KINDS = ("log", "outages", "decisions", "roster", "inventory")


class Printouts(ServiceBase):
    def __init__(self, db: Database, clock: Clock, outages: OutageService,
                 journal: JournalService, inventory: InventoryService,
                 accounts: AccountService) -> None:
        super().__init__(db, clock)
        self.outages, self.journal = outages, journal
        self.inventory, self.accounts = inventory, accounts

    def printout(self, kind: str, team: Team | None = None, start: datetime | None = None,
                 end: datetime | None = None, lang: str = "ko",
                 incident_id: str | None = None) -> bytes:
        if kind not in PRINTOUT_KINDS:
            raise ValidationError("printout.unknown", kind=kind, kinds=", ".join(PRINTOUT_KINDS))
        from console.reports import printouts  # reportlab on first use, as in render()

        printed = iso(self.now())
        assert printed is not None
        if kind == "roster":
            with self.db.sessions() as session:
                external = [dict(e) for e in external_contacts(session)]
            return printouts.roster(self.users(), printed, lang, external)
        if kind == "inventory":
            return printouts.inventory([
                {"code": s.code, "name": s.name, "department": s.department,
                 "facility": s.facility, "category": s.category.value, "grade": s.grade,
                 "rto_hours": s.rto_hours, "alternative_means": s.alternative_means}
                for s in self.inventory.systems()], printed, lang)
        with self.db.sessions() as session:
            incident = current_incident(session, incident_id)
            incident_id, title, started = incident.id, incident.title, incident.started_at
        if kind == "outages":
            # Statuses typed in from a 장애 접수서: which, both times, which sheet.
            marks = {outage: [f"{label('outage', m.status.value, lang)}: "
                              f"{paper_note(m.ref, m.at, m.recorded_at, lang)}" for m in found]
                     for outage, found in self.outages.paper_marks(incident_id).items()}
            return printouts.outage_register(title, [
                {"code": o.code, "name": o.name, "department": o.department,
                 "category": o.category, "importance_grade": o.importance_grade,
                 "grade": o.grade, "status": o.status, "phase": o.phase,
                 "detected_at": iso(o.detected_at), "restored_at": iso(o.restored_at),
                 "alternative_active": o.alternative_active, "paper": marks.get(o.id, [])}
                for o in sorted(self.outages.list(incident_id),
                                key=lambda o: (o.restored_at is not None, o.grade, o.code))],
                printed, lang)
        if kind == "decisions":
            return printouts.decision_log(title, [
                {"at": iso(d.at), "decided_by": d.decided_by, "role": d.role,
                 "summary": d.summary, "rationale": d.rationale,
                 "alternatives": d.alternatives, "corrects": d.corrects_id is not None}
                for d in reversed(self.journal.decisions(incident_id))
                if _within(d.at, start, end)], printed, lang)
        users = self.users()
        # ICS 214 names the author by name and position, not by login id.
        authors = {u["name"]: _author(u, lang) for u in users}
        teams = [team] if team else list(Team)
        units = []
        for unit in teams:
            entries = [{"at": iso(e.at), "author": authors.get(e.author or "", e.author),
                        "text": e.text,
                        "significant": e.significant, "verified": e.verified,
                        "paper": paper_note(e.paper_ref, e.at, e.recorded_at or e.at, lang)
                        if e.paper_ref else None}
                       for e in reversed(self.journal.log(unit, incident_id))
                       if _within(e.at, start, end)]
            units.append({"team": unit.value, "entries": entries,
                          "members": [u for u in users if u["team"] == unit.value]})
        return printouts.activity_log(title, units, iso(start or started), iso(end) or printed,
                                      printed, lang)

    def users(self) -> builtins.list[dict[str, str | None]]:
        return [{"name": u.name, "display": u.display_name, "role": u.role, "team": u.team,
                 "contact": u.contact} for u in self.accounts.users()
                if u.active and not u.deleted]


def _author(user: dict[str, str | None], lang: str) -> str | None:
    """"상황총괄반장" (the display name says the position), else "name (role)"."""
    display = user["display"] or user["name"]
    if display and display != user["name"]:
        return display
    role = label("role", user["role"], lang)
    return f"{display} ({role})" if role else display


def _within(moment: datetime, start: datetime | None, end: datetime | None) -> bool:
    at = to_utc(moment)
    return (start is None or at >= to_utc(start)) and (end is None or at <= to_utc(end))
