"""Backup, restore, verify and digest."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

from console.domain.clock import from_iso, iso
from console.domain.errors import ConsoleError, ValidationError
from console.domain.findings import Finding
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase, local_value, set_local_value
from console.store import backup, checks
from console.store.migrate import head_revision
from console.sync import replay


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

    def verify(self) -> list[Finding]:
        """Everything ``checks.findings`` finds, and every row that differs from what the
        change log says (sync/replay.py: direct edits of the file)."""
        with self.db.sessions() as session:
            problems = checks.findings(session, self.db.path)
            tampering = replay.findings(session.connection(), self.db.path, head_revision(),
                                        self.now())
        self._remember_check(tampering)
        return problems + tampering

    def _remember_check(self, tampering: list[Finding]) -> None:
        """Kept locally so the window can warn an administrator at the next log-in; a file
        this user cannot write (read-only verify) keeps no record."""
        record = json.dumps({"at": iso(self.now()), "tampering": tampering[:10],
                             "count": len(tampering)}, ensure_ascii=False)
        try:
            with self.db.transaction() as session:
                set_local_value(session, "last_verify", record)
        except ConsoleError:
            pass

    def last_tampering(self) -> tuple[datetime, list[str], int] | None:
        """When the last ``verify`` found direct edits of the file, what and how many."""
        with self.db.sessions() as session:
            record = local_value(session, "last_verify")
        if not record:
            return None
        try:
            content = json.loads(record)
            if not content["count"]:
                return None
            return from_iso(content["at"]), list(content["tampering"]), int(content["count"])
        except (ValueError, KeyError, TypeError):
            return None

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


def shared_through(database: Path) -> int:
    """This workstation's change number up to which it had shared its work (the last bundle
    export or hub push, ``sync_state`` ``shared_seq``); 0 when the file cannot tell."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM sync_state WHERE key = 'shared_seq'").fetchone()
            return int(row[0]) if row is not None else 0
    except (sqlite3.Error, ValueError):
        return 0
