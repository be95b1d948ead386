"""Backup, restore, verify and digest."""

from __future__ import annotations

from pathlib import Path

from console.domain.errors import ValidationError
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase, set_local_value
from console.store import backup, checks


class MaintenanceService(ServiceBase):
    def backup(self, actor: Actor | None, target: Path) -> Path:
        if actor is not None:
            actor.require(Action.BACKUP)
        if Path(target).resolve() == self.db.path.resolve():
            raise ValidationError("the backup cannot overwrite the database itself")
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
