"""The static public status page (issue 14, item 6): each citizen-facing service with its
status and the alternative way to get it, and the latest issued notices with their times."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from console.domain.enums import Category, OutageStatus
from console.domain.permissions import Action
from console.reports import status_page
from console.services.context import (
    Actor,
    ServiceBase,
    current_incident,
    local_value,
    set_local_value,
)
from console.services.notice_rows import issued_by
from console.services.outages import OutageService
from console.store.files import write_atomically
from console.store.models import InformationSystem

PAGES = ("en.html", "index.html")
"""Written in this order, each through a temporary file and a rename: a reader sees a whole
old or a whole new page, never half of one."""
LATEST = 10


FOLDER = "status_page.folder"
"""This workstation's status-page folder (a USB stick, a host outside the failed network):
local, like the paper pack's, because each workstation has its own mount points."""


class StatusPageService(ServiceBase):
    def configure(self, actor: Actor, folder: Path | None) -> None:
        """Name the folder written after every approved or issued notice (None: none)."""
        actor.require(Action.ISSUE_NOTICE)
        with self.db.transaction() as session:
            set_local_value(session, FOLDER, str(folder) if folder else "")
            self.audit(session, actor, "configure_status_page", str(folder or ""))

    def folder(self) -> Path | None:
        with self.db.sessions() as session:
            value = local_value(session, FOLDER)
        return Path(value) if value else None

    def write_configured(self) -> Path | None:
        """Write the page to the configured folder, if there is one."""
        folder = self.folder()
        return self.write(folder) if folder else None

    def pages(self) -> dict[str, str]:
        """The page's files and their HTML, as of now."""
        now = self.now()
        outages = OutageService(self.db, self.clock).list(as_of=now)
        with self.db.sessions() as session:
            incident = current_incident(session)
            alternatives = dict(session.execute(
                select(InformationSystem.code, InformationSystem.alternative_means)).all())
            updates = [status_page.UpdateLine(n.issued_at or now, n.channel.ko, n.channel.en,
                                              n.text, n.text_en)
                       for n in issued_by(session, incident.id, now)[:LATEST]]
            title = incident.title
        lines = []
        for row in sorted((o for o in outages if o.incident_id == incident.id
                           and o.category == Category.CITIZEN.value),
                          key=lambda o: (OutageStatus(o.status).is_restored, o.name)):
            status = OutageStatus(row.status)
            lines.append(status_page.ServiceLine(
                row.name, row.department, status.ko, status.en, status.is_restored,
                alternatives.get(row.code, "") if not status.is_restored else ""))
        return {name: status_page.render("en" if name == "en.html" else "ko", now, title,
                                         lines, updates) for name in PAGES}

    def write(self, folder: Path) -> Path:
        for name, html in self.pages().items():
            write_atomically(folder / name, html.encode("utf-8"))
        return folder / "index.html"
