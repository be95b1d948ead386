"""The local store: pragmas, migrations with a backup first, online backup and restore."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from console.domain.enums import Team
from console.domain.errors import ConsoleError, VerificationFailed
from console.services.app import Services
from console.services.context import Actor
from console.store import backup, migrate
from console.store.database import make_engine, open_database
from console.store.models import Base
from tests.conftest import FAST_HASHER


def test_pragmas(services: Services) -> None:
    with services.db.engine.connect() as connection:
        raw = connection.exec_driver_sql
        assert raw("PRAGMA journal_mode").scalar() == "wal"
        assert raw("PRAGMA synchronous").scalar() == 2  # FULL
        assert raw("PRAGMA foreign_keys").scalar() == 1


def test_the_quick_head_is_alembics_head() -> None:
    assert migrate.head_revision() == migrate.alembic_head_revision()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite", create=True)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        assert compare_metadata(context, Base.metadata) == []
    db.close()


def test_an_old_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO department (id, name, name_en, created_at, updated_at, deleted) "
            "VALUES ('d1', '행정국', '', '2025-01-01T00:00:00.000000Z', "
            "'2025-01-01T00:00:00.000000Z', 0)")
    engine.dispose()

    db = open_database(path)
    assert db.upgrade_backup is not None and db.upgrade_backup.exists()
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        assert connection.exec_driver_sql("SELECT name FROM department").scalar() == "행정국"
        assert connection.exec_driver_sql("SELECT count(*) FROM failure_grade_rule").scalar() == 48
    db.close()
    with sqlite3.connect(db.upgrade_backup) as kept:
        assert kept.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert kept.execute("SELECT name FROM department").fetchone() == ("행정국",)


def test_a_current_database_is_opened_without_a_backup(services: Services) -> None:
    again = open_database(services.db.path)
    assert again.upgrade_backup is None
    again.close()


def test_not_a_database_is_a_clean_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ConsoleError, match="not a readable SQLite database"):
        open_database(junk)
    assert junk.read_bytes() == b"this is not sqlite" * 100
    with pytest.raises(ConsoleError, match="no database"):
        open_database(tmp_path / "absent.sqlite")


def test_backup_during_concurrent_writes_then_restore(
        services: Services, login: Callable[[str], Actor], tmp_path: Path) -> None:
    """A writer thread keeps adding log entries while the backup copies pages."""
    situation = login("situation")
    services.incidents.open(login("commander"), "화재", *_area_cause())
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        while not stop.is_set():
            services.journal.add_log(situation, Team.SITUATION, f"기록 {len(written)}")
            written.append(1)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 20:
            threading.Event().wait(0.01)
        copy = services.maintenance.backup(login("admin"), tmp_path / "backup.sqlite")
    finally:
        stop.set()
        thread.join()
    assert backup.file_findings(copy) == []
    backed_up = Services.open(copy, hasher=FAST_HASHER)
    expected = backed_up.maintenance.digest()
    backed_up.close()
    assert len(written) >= 20 and services.maintenance.digest() != expected

    services.close()
    kept = backup.restore(services.db.path, copy)
    restored = Services.open(services.db.path, hasher=FAST_HASHER)
    assert restored.maintenance.digest() == expected
    assert restored.maintenance.verify() == []
    restored.close()
    assert backup.file_findings(kept) == []


def test_restore_refuses_a_bad_file_and_keeps_the_database(services: Services,
                                                           tmp_path: Path) -> None:
    before = services.maintenance.digest()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    with pytest.raises(VerificationFailed, match="refusing to restore"):
        backup.restore(services.db.path, bad)
    plain = tmp_path / "plain.sqlite"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(VerificationFailed, match="not a console database"):
        backup.restore(services.db.path, plain)
    assert services.maintenance.digest() == before


def test_backup_cannot_overwrite_the_database(services: Services,
                                              login: Callable[[str], Actor]) -> None:
    with pytest.raises(ConsoleError, match="cannot overwrite"):
        services.maintenance.backup(login("admin"), services.db.path)


def _area_cause() -> tuple:
    from console.domain.enums import Cause, DisasterArea

    return DisasterArea.RESOURCE_FAILURE, Cause.FIRE


def test_backup_to_a_place_that_cannot_be_written_is_one_clear_error(
        services: Services, login: Callable[[str], Actor], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    before = services.maintenance.digest()
    with pytest.raises(ConsoleError, match=r"cannot write the backup to .*not-a-folder"):
        services.maintenance.backup(login("admin"), blocker / "backup.sqlite")
    assert services.maintenance.digest() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def _tables_after(revision: str, tmp_path: Path) -> list[str]:
    """The tables the migrations after ``revision`` add, children first (each is dropped
    before what it refers to): an empty database migrated to ``revision`` and one to head."""
    def tables(upto: str) -> list[str]:
        path = tmp_path / f"schema-{upto}.sqlite"
        engine = make_engine(path)
        try:
            migrate.upgrade(engine, upto)
        finally:
            engine.dispose()
        with sqlite3.connect(path) as raw:
            return [name for (name,) in raw.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid DESC")]

    old = set(tables(revision))
    return [name for name in tables("head") if name not in old]


def test_an_upgrade_fills_new_caches_by_their_rule(demo_db: Path, tmp_path: Path) -> None:
    """A 0005 database (no phase or first-restoration caches) opened by this version: the
    migration adds the columns and the one cache function fills them."""
    with sqlite3.connect(demo_db) as raw:
        expected = dict(raw.execute("SELECT id, phase FROM outage"))
        raw.execute("ALTER TABLE outage DROP COLUMN phase")
        raw.execute("ALTER TABLE outage DROP COLUMN first_restored_at")
        raw.execute("UPDATE outage SET alternative_active = 1")  # a stale cache, too
        later = _tables_after("0005", tmp_path)
        for table in later:  # every table of a later migration: not in a 0005 database
            raw.execute(f"DROP TABLE {table}")
        raw.execute("ALTER TABLE log_entry DROP COLUMN paper_ref")  # a later column (0012)
        raw.execute("ALTER TABLE outage_event DROP COLUMN paper_ref")  # and of 0014
        raw.execute("UPDATE alembic_version SET version_num = '0005'")
    services = Services.open(demo_db)
    try:
        assert services.db.upgrade_backup is not None
        # The demo's change log still holds the changes of the tables dropped above (a real
        # 0005 database has none), so the replay in verify misses those rows: only them.
        dropped = tuple(f"{table}:" for table in later)
        assert "outage_estimate" in later and "incident_event" in later  # 0007, 0008
        assert [f for f in services.maintenance.verify() if not f.startswith(dropped)] == []
        with sqlite3.connect(demo_db) as raw:
            assert dict(raw.execute("SELECT id, phase FROM outage")) == expected
            assert set(expected.values()) == {1, 2}
            assert raw.execute("SELECT count(*) FROM outage WHERE alternative_active").fetchone(
                ) == (0,)
    finally:
        services.close()
