"""Backup, restore, verify and digest."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from console.domain.errors import ValidationError
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase, set_local_value
from console.store import backup, checks


class MaintenanceService(ServiceBase):
    def backup(self, actor: Actor, target: Path) -> Path:
        actor.require(Action.BACKUP)
        if Path(target).resolve() == self.db.path.resolve():
            raise ValidationError("backup.onto_database")
        written = backup.online_backup(self.db.path, Path(target))
        with self.db.transaction() as session:
            # Local bookkeeping only: a backup must not change the shared state it copied.
            set_local_value(session, "last_backup", f"{self.now().isoformat()} {written}")
        return written

    def verify(self) -> list[str]:
        with self.db.sessions() as session:
            return checks.findings(session, self.db.path)

    def digest(self) -> str:
        with self.db.sessions() as session:
            return checks.digest(session)


def restore(database: Path, backup_file: Path) -> Path:
    """Restore works on files, not an open database: no session may hold the old one open."""
    return backup.restore(database, backup_file)


def own_numbering(database: Path) -> tuple[str, int] | None:
    """(this workstation's id, its highest change number) in a database file; None when the
    file cannot tell (missing, damaged, or from before the change log)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            site = db.execute("SELECT value FROM local_identity "
                              "WHERE key = 'workstation_id'").fetchone()
            if site is None:
                return None
            top = db.execute("SELECT coalesce(max(seq), 0) FROM change_log WHERE site_id = ?",
                             (site[0],)).fetchone()[0]
            return str(site[0]), int(top)
    except sqlite3.Error:
        return None
