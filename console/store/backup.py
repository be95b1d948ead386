"""Online backups with SQLite's backup API, verified before they count; restore from them."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from console.domain.errors import ConsoleError, VerificationFailed
from console.domain.findings import Finding
from console.domain.messages import Message

_PAGES_PER_STEP = 1024


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=15)
    connection.execute("PRAGMA busy_timeout=15000")
    return connection


def file_findings(path: Path) -> list[Finding]:
    """What is wrong with a database file as a file: not SQLite, corrupt, broken references."""
    if not path.is_file():
        return [Finding(Message("finding.file_missing", path=path))]
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            findings = [Finding(Message("finding.integrity", detail=row[0]))
                        for row in rows if row[0] != "ok"]
            for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
                findings.append(Finding(Message("finding.foreign_key", table=table, rowid=rowid,
                                                parent=parent)))
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                findings.append(Finding(Message("finding.not_console")))
            return findings
    except sqlite3.DatabaseError as error:
        return [Finding(Message("finding.not_sqlite", error=error))]


def online_backup(source: Path, target: Path) -> Path:
    """Copy a live database page by page while others keep writing; verify the copy.

    Written to a temporary name first and renamed, so a half-written backup never looks done.
    """
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with contextlib.closing(_connect(source)) as src, \
                contextlib.closing(_connect(partial)) as dst:
            src.backup(dst, pages=_PAGES_PER_STEP)
            dst.execute("PRAGMA journal_mode=DELETE")
    except (OSError, sqlite3.Error) as error:  # a full stick, a read-only folder, no folder
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ConsoleError("backup.cannot_write", target=target, error=error) from None
    findings = file_findings(partial)
    if findings:
        partial.unlink(missing_ok=True)
        raise VerificationFailed("backup.failed_verification", finding=findings[0])
    partial.replace(target)
    return target


def restore(database: Path, backup_file: Path) -> Path:
    """Replace ``database`` with a verified backup; the current state is kept as a backup first.

    Returns the path where the replaced database was kept.
    """
    findings = file_findings(Path(backup_file))
    if findings:
        raise VerificationFailed("restore.refused", file=backup_file, finding=findings[0])
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = database.with_name(f"{database.stem}.before-restore-{stamp}.sqlite")
    online_backup(database, kept)
    with contextlib.closing(_connect(Path(backup_file))) as src, contextlib.closing(
        _connect(database)
    ) as dst:
        src.backup(dst)
    return kept
