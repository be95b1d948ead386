"""Every way into a database captures its writes (docs/sync.md, "Where capture is installed").

Capture is installed explicitly by ``Services.over``, never by importing a module. Each test
here opens a database the way one face of the program does (the CLI, the window, the self-test,
the demo builder, restore), makes one write through it, and then reads the file itself: every
shared row the write added or changed has new ``change_log`` rows, stamped with the migrations'
head, and the hash chain verifies. Without ``capture.install`` in ``Services.over`` the change
log stays empty and every one of these tests fails.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from console import selftest
from console.cli import main as cli_main
from console.domain.enums import Cause, DisasterArea, Team
from console.services.app import Services
from console.store.checks import chain_findings
from console.store.database import make_engine, open_database
from console.store.migrate import head_revision
from console.sync import capture
from console.sync.schema import tables
from tests.conftest import FAST_HASHER
from tests.ui.conftest import private_settings, settle  # noqa: F401 (a fixture, used by name)

Key = tuple[str, str]  # (table, row id)

# A workstation's own row is written together with its identity, before there is a site to
# log it under (AccountService._create_identity): a brand-new database holds it unlogged.
OWN_WORKSTATION = "workstation"


@dataclass(frozen=True)
class Snapshot:
    rows: dict[Key, tuple[object, ...]]
    """Every shared row, by (table, id): its shared columns' values."""
    top: int
    """The change log's highest rowid."""


def snapshot(path: Path) -> Snapshot:
    rows: dict[Key, tuple[object, ...]] = {}
    with contextlib.closing(sqlite3.connect(path)) as connection:
        for name, info in tables().items():
            columns = ", ".join(f'"{c.name}"' for c in info.columns)
            for row in connection.execute(f'SELECT id, {columns} FROM "{name}"'):
                rows[(name, row[0])] = row[1:]
        top = connection.execute("SELECT coalesce(max(rowid), 0) FROM change_log").fetchone()[0]
    return Snapshot(rows, top)


def fresh(folder: Path) -> Snapshot:
    """What a database holds before anyone writes: the migrations' schema and reference data."""
    path = folder / "fresh.sqlite"
    open_database(path, create=True).close()  # store only: no services, so no capture wanted
    return snapshot(path)


def assert_captured(path: Path, before: Snapshot, unlogged: frozenset[str] = frozenset()
                    ) -> set[Key]:
    """Every shared row written since ``before`` has new changes at the head schema, and the
    chains verify; the rows written. ``unlogged``: tables whose new rows may have none."""
    after = snapshot(path)
    written = {key for key, values in after.rows.items() if before.rows.get(key) != values}
    assert written, "the entry point wrote nothing shared"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        logged = connection.execute(
            "SELECT tbl, row_id, schema_version FROM change_log WHERE rowid > ?",
            (before.top,)).fetchall()
    missing = sorted(key for key in written - {(t, r) for t, r, _ in logged}
                     if key[0] not in unlogged)
    assert not missing, f"{len(missing)} written rows have no change, e.g. {missing[:3]}"
    assert {schema for _, _, schema in logged} == {head_revision()}
    engine = make_engine(path)
    try:
        with Session(engine) as session:
            assert chain_findings(session) == []
    finally:
        engine.dispose()
    return written


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``incident-console`` in-process: (exit status, stdout)."""
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def _run(*argv: str) -> tuple[int, str]:
        status = cli_main(list(argv))
        out, err = capsys.readouterr()
        assert status == 0, err
        return status, out

    return _run


def test_the_demo_command_captures_the_whole_scenario(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite"
    cli("--db", str(db), "demo")
    written = assert_captured(db, fresh(tmp_path), unlogged=frozenset({OWN_WORKSTATION}))
    assert {t for t, _ in written} >= {"outage", "outage_event", "information_system", "task"}


def test_cli_writes_and_restore_are_captured(cli, tmp_path: Path, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_db), "--user", "commander"]
    cli(*db, "incident", "open", "--title", "재발")  # the demo's incident is closed
    before = snapshot(demo_db)
    _, outage = cli(*db, "outage", "open", "--system", "SEO-0001", "--note", "응답 없음")
    _, decision = cli(*db, "decision", "add", "--summary", "대체 창구 운영")
    cli(*db, "log", "add", "--team", "situation", "--text", "현장 확인")
    written = assert_captured(demo_db, before)
    assert {("outage", outage.strip()), ("decision", decision.strip())} <= written
    assert {"outage_event", "log_entry"} <= {t for t, _ in written}
    cli(*db, "verify")

    backup = tmp_path / "backup.sqlite"
    cli(*db, "backup", "--out", str(backup))
    cli(*db, "log", "add", "--team", "situation", "--text", "백업 뒤의 기록")
    before = snapshot(backup)  # what the restored database starts from
    _, said = cli("--lang", "en", "--db", str(demo_db), "--user", "controller", "restore",
                  str(backup))
    assert "new workstation" in said  # restore's own write: a new identity, logged
    cli(*db, "log", "add", "--team", "situation", "--text", "복원 뒤의 기록")
    written = assert_captured(demo_db, before)
    assert {"workstation", "log_entry"} <= {t for t, _ in written}
    cli(*db, "verify")


def test_the_self_test_captures_its_demo_database(tmp_path: Path) -> None:
    steps = [step for step in selftest.STEPS
             if step[0] in ("create demo database", "verify database")]
    assert len(steps) == 2
    out = io.StringIO()
    assert selftest.run_self_test(keep=tmp_path / "kept", steps=steps, out=out) == 0, \
        out.getvalue()
    assert_captured(tmp_path / "kept" / "selftest.sqlite", fresh(tmp_path),
                    unlogged=frozenset({OWN_WORKSTATION}))


@pytest.mark.usefixtures("private_settings")
def test_the_window_captures_a_page_write(qapp, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                          demo_db: Path) -> None:
    """``run_window`` as ``incident-console`` starts it: the real log-in dialog (its password
    typed, Log in pressed) and main window; for the event loop, one status change made through
    the outages page as a user makes it."""
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale
    from PySide6.QtWidgets import QApplication, QDialog

    from console.domain.enums import OutageStatus
    from console.ui import app as ui_app
    from console.ui.forms import OutageStatusDialog
    from console.ui.login import LoginDialog
    from console.ui.main_window import MainWindow

    note = "재발: 연계 서버 응답 없음"
    changed: list[str] = []

    def log_in(dialog: LoginDialog) -> QDialog.DialogCode:
        dialog.password.setText("demo")
        dialog.try_login()
        while dialog.actor is None and dialog.error.isHidden():
            dialog.runner.wait(15.0)
            QApplication.processEvents()
        assert dialog.actor is not None, dialog.error.text()
        return QDialog.DialogCode.Accepted

    def event_loop() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.isVisible() and w.context.services.db.path == demo_db)
        window.show_view("outages")
        settle(window)
        page = window.pages["outages"]
        outage_id = page.selected_id()
        assert outage_id is not None
        page.change_status()
        dialog = page.dialog
        assert isinstance(dialog, OutageStatusDialog)
        dialog.status.setCurrentIndex(dialog.status.findData(OutageStatus.DOWN.value))
        dialog.note.setPlainText(note)
        dialog.accept()
        settle(window)
        changed.append(outage_id)
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    class Application:  # the QApplication, whose event loop is this test's user
        def exec(self) -> int:
            return event_loop()

    translators = []
    real_prepare = ui_app.prepare

    def prepare(lang: str, offscreen: bool = False):  # type: ignore[no-untyped-def]
        _, installed = real_prepare(lang, offscreen)
        translators.extend(installed)
        return Application(), installed

    locale, style = QLocale(), qapp.styleSheet()
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(ui_app, "prepare", prepare)
    before = snapshot(demo_db)
    try:
        assert ui_app.run_window(demo_db, "ko", "commander") == 0
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
        qapp.setStyleSheet(style)
    assert changed, "the window never showed"
    written = assert_captured(demo_db, before)
    assert ("outage", changed[0]) in written
    with contextlib.closing(sqlite3.connect(demo_db)) as connection:
        (event,) = connection.execute("SELECT id FROM outage_event WHERE note = ?", (note,))
    assert ("outage_event", event[0]) in written


def test_installing_twice_keeps_one_capture(tmp_path: Path) -> None:
    app = Services.open(tmp_path / "ws.sqlite", create=True, hasher=FAST_HASHER,
                        clock=lambda: datetime(2025, 9, 27, tzinfo=UTC))
    try:
        first = app.db.capture
        assert capture.install(app.db) is first
        again = Services.over(app.db, hasher=FAST_HASHER)
        assert again.db.capture is first
        admin = app.accounts.initialise("ws", "admin", "admin-pass")
        before = snapshot(app.db.path)
        again.incidents.open(admin, "정전", DisasterArea.SYSTEM_FAILURE, Cause.POWER)
        again.journal.add_log(admin, Team.SITUATION, "한 번만 기록")
        with contextlib.closing(sqlite3.connect(app.db.path)) as connection:
            twice = connection.execute(
                "SELECT tbl, row_id, field FROM change_log WHERE rowid > ? "
                "GROUP BY tbl, row_id, field HAVING count(*) > 1", (before.top,)).fetchall()
        assert twice == []  # one change per field written, not one per listener
        assert_captured(app.db.path, before)
    finally:
        app.close()


def test_a_bare_store_open_does_not_capture(tmp_path: Path) -> None:
    """Importing the services (this module did) switches nothing on: only install does."""
    db = open_database(tmp_path / "bare.sqlite", create=True)
    try:
        assert db.capture is None
        assert Services.over(db, hasher=FAST_HASHER).db.capture is not None
    finally:
        db.close()
