"""Open a workstation's SQLite file: pragmas, migrations (with a backup first), sessions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.errors import ConsoleError
from console.store import derived, migrate
from console.store.backup import online_backup

BUSY_TIMEOUT_MS = 15_000
"""How long a write waits for another program's write to finish (tests shorten it)."""
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = \
    5, 6, 8, 10, 13, 14


def refusal_of(error: BaseException, path: Path) -> ConsoleError | None:
    """The one-line refusal an SQLite error stands for, when it is about the file and not a
    bug: another program holding the write lock past the busy timeout, a file this user may
    read but not write, a folder where SQLite cannot make its WAL files. The one place the
    store turns driver errors into words (SQLAlchemy's ``handle_error`` hook for statements
    and commits, ``Database.transaction`` for work on the raw driver connection)."""
    original = getattr(error, "orig", None) or error
    if not isinstance(original, sqlite3.OperationalError):
        return None
    code = (getattr(original, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in str(original):
        return ConsoleError("database.busy", path=path, seconds=BUSY_TIMEOUT_MS // 1000 or 1)
    if code == _SQLITE_FULL or "database or disk is full" in str(original):
        # The transaction is rolled back whole: what was written before stays as it was.
        return ConsoleError("database.full", path=path, folder=path.parent)
    if code == _SQLITE_IOERR or "disk I/O error" in str(original):
        # A write the file system refused (a file-size limit, a full or failing device).
        return ConsoleError("database.io_error", path=path)
    if code not in (_SQLITE_READONLY, _SQLITE_CANTOPEN) and "readonly database" not in str(
            original) and "unable to open" not in str(original):
        return None
    if path.is_file() and not os.access(path.parent, os.W_OK):
        # WAL needs its -wal and -shm files beside the database: even reading makes them.
        return ConsoleError("database.folder_read_only", path=path, folder=path.parent)
    if code == _SQLITE_READONLY or "readonly database" in str(original):
        return ConsoleError("database.read_only", path=path)
    return None


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)

    def _refuse(context: ExceptionContext) -> None:
        refusal = refusal_of(context.original_exception, path)
        if refusal is not None:
            raise refusal

    event.listen(engine, "handle_error", _refuse)
    return engine


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    upgrade_backup: Path | None = None
    capture: Any = None
    """The change capture on ``sessions`` (``console.sync.capture.install``), None until then.

    The store cannot import sync (the layers), so ``open_database`` installs nothing: whoever
    opens a database to write shared data installs capture explicitly (``Services.over``)."""

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        try:
            with self.sessions.begin() as session:
                yield session
        except sqlite3.OperationalError as error:  # work on the raw driver connection
            refusal = refusal_of(error, self.path)
            if refusal is None:
                raise
            raise refusal from error

    def close(self) -> None:
        self.engine.dispose()

    def reopen_read_only(self) -> None:
        """Read the same file through connections of this process's own, which cannot write:
        for a forked child (the fallback pack's, console/reports/pack_workers.py). The
        parent's connections are let go without closing them (they are the parent's)."""
        self.engine.dispose(close=False)
        target = f"{Path(self.path).resolve().as_uri()}?mode=ro"

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(target, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                         check_same_thread=False)
            connection.execute("PRAGMA query_only=ON")
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            return connection

        self.engine = create_engine("sqlite://", creator=connect)
        self.sessions.configure(bind=self.engine)


def open_database(path: Path, *, create: bool = False, target: str = "head") -> Database:
    """Open (or with ``create`` make) a database and upgrade it to ``target``.

    An existing file behind the newest schema is copied with the online backup API before the
    upgrade, so a failed or unwanted migration never costs the user their data.

    The result has no change capture: writes through it reach no other workstation until
    ``console.sync.capture.install`` runs on it (``Services.open`` does).
    """
    path = Path(path)
    if not create and not path.exists():
        raise ConsoleError("database.missing", path=path)
    if not create and path.is_file() and path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and the upgrade below would
        # give it the schema: only 'init' and 'demo' make databases, and they make new files.
        raise ConsoleError("database.empty", path=path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    backup_path = None
    try:
        with engine.connect() as connection:
            current = migrate.current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
        if current is None and has_tables:
            raise ConsoleError("database.foreign", path=path)
        if current is not None and current not in migrate.known_revisions():
            raise ConsoleError("database.newer", path=path, revision=current)
        wanted = migrate.head_revision() if target == "head" else target
        if current is not None and current != wanted and target == "head":
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            backup_path = path.with_name(f"{path.stem}.before-upgrade-{current}-{stamp}.sqlite")
            online_backup(path, backup_path)
        if current != wanted:
            migrate.upgrade(engine, target)
            if current is not None:
                # New cache columns are filled by the rule that keeps them, not by SQL in a
                # migration (a second body of it): every cache, once, after the upgrade.
                with engine.begin() as connection:
                    derived.refresh(connection, outages=None, tasks=None, incidents=None)
    except (sqlite3.DatabaseError, SqlAlchemyDatabaseError) as error:
        engine.dispose()
        raise (refusal_of(error, path) or ConsoleError("database.unreadable", path=path)) \
            from error
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path, engine, sessions, backup_path)
