"""A database opened on another PC refuses shared writes until someone says whether it was
moved there (the same workstation) or copied (a new workstation): copies never write as the
original, so they never fork it (tests/sync/test_forks.py shows what a fork would cost)."""

from __future__ import annotations

import platform
import shutil
from pathlib import Path

import pytest

from console.cli import main
from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import PermissionDenied
from console.services.app import Services
from console.sync import home
from console.sync.home import NotHome
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station, trust_all


def _carried(station: Station, root: Path, monkeypatch: pytest.MonkeyPatch) -> Station:
    """The database file, copied and opened on a laptop."""
    station.app.incidents.open(station.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE,
                               Cause.FIRE)
    copy_path = root / "laptop.sqlite"
    station.app.close()  # as a person would: the program closed, then the file copied
    shutil.copyfile(station.app.db.path, copy_path)
    station.app = Services.open(station.app.db.path, clock=station.clock, hasher=FAST_HASHER)
    monkeypatch.setenv(home.HOST_ENV, "laptop")
    copy = Services.open(copy_path, clock=station.clock, hasher=FAST_HASHER)
    return Station("laptop", copy, station.clock, copy.accounts.login("admin", "admin-pass"))


def test_a_database_on_another_pc_refuses_shared_writes(stations, tmp_path: Path,
                                                        monkeypatch) -> None:
    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    assert copy.app.sync.moved_from() is not None
    before = copy.digest()
    with pytest.raises(NotHome, match=r"belongs to the PC .*nothing was written"):
        copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "on the laptop")
    assert copy.digest() == before
    assert copy.app.outages.list() == []  # reading is fine
    with pytest.raises(PermissionDenied):
        copy.app.sync.confirm_moved(copy.login("commander"))
    copy.app.sync.confirm_moved(copy.admin)  # it was moved: the same workstation goes on
    assert copy.app.sync.moved_from() is None
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "on the laptop")
    copy.app.close()


def test_a_copy_with_its_own_identity_syncs_with_the_original(stations, tmp_path: Path,
                                                              monkeypatch) -> None:
    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    copy.app.sync.reidentify(copy.admin, "laptop-1")
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "on the laptop")
    monkeypatch.delenv(home.HOST_ENV)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "on the original")
    monkeypatch.setenv(home.HOST_ENV, "laptop")
    trust_all(tmp_path, [a, copy])
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    copy.app.sync.export_bundle(copy.admin, tmp_path / "copy.zip")
    copy.app.sync.import_bundle(copy.admin, tmp_path / "a.zip")
    monkeypatch.delenv(home.HOST_ENV)
    a.app.sync.import_bundle(a.admin, tmp_path / "copy.zip")
    assert a.digest() == copy.digest()
    assert {"on the laptop", "on the original"} <= {e.text for e in a.app.journal.log()}
    copy.app.close()


def test_a_database_without_a_recorded_pc_adopts_this_one(services: Services) -> None:
    with services.db.transaction() as session:  # as made by a build before hosts were kept
        session.connection().exec_driver_sql(
            "DELETE FROM local_identity WHERE key = ?", (home.HOME_KEY,))
    path = services.db.path
    services.close()
    again = Services.open(path, hasher=FAST_HASHER)
    commander = again.accounts.login("commander", "pw-commander")
    again.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    with again.db.sessions() as session:
        assert home.recorded(session.connection()) == home.this_host()
    again.close()


def test_cli_moved_and_reidentify(stations, tmp_path: Path, monkeypatch, capsys) -> None:
    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    path = copy.app.db.path
    copy.app.close()
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    db = ["--db", str(path), "--user", "admin"]
    assert main([*db, "log", "add", "--team", "situation", "--text", "x"]) == 1
    assert "keys moved" in capsys.readouterr().err
    assert main([*db, "--lang", "en", "keys", "reidentify", "--name", "laptop-1"]) == 0
    assert "now writes as workstation 'laptop-1'" in capsys.readouterr().out
    monkeypatch.setenv("CONSOLE_PASSWORD", "pw")
    assert main(["--db", str(path), "--user", "commander", "log", "add", "--team",
                 "situation", "--text", "x"]) == 0


def test_the_window_asks_and_moved_here_lets_it_write(qtbot, stations, tmp_path: Path,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from console.ui.context import UiContext
    from console.ui.home_question import HomeQuestion
    from tests.ui.conftest import settle

    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    context = UiContext(copy.app, copy.admin, "en")
    question = HomeQuestion(context, parent)
    box = question.ask()
    original = platform.node()  # where the stations were made, before the move
    assert box is not None and box.isVisible() and f"the PC '{original}'" in box.text()
    box.buttonClicked.emit(question.moved)
    settle(context)
    assert copy.app.sync.moved_from() is None
    monkeypatch.delenv(home.HOST_ENV)  # back on the original PC
    at_home = UiContext(a.app, a.admin, "en")
    assert HomeQuestion(at_home, parent).ask() is None  # nothing to ask at home
    copy.app.close()


def test_the_window_makes_a_copy_a_new_workstation(qtbot, stations, tmp_path: Path,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from console.ui.context import UiContext
    from console.ui.home_question import HomeQuestion
    from tests.ui.conftest import settle

    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    old_id, _ = copy.app.accounts.workstation()
    parent = QWidget()
    qtbot.addWidget(parent)
    context = UiContext(copy.app, copy.admin, "en")
    question = HomeQuestion(context, parent)
    box = question.ask()
    assert box is not None
    box.buttonClicked.emit(question.copy)
    assert question.name_dialog is not None and question.name_dialog.isVisible()
    question.name_dialog.textValueSelected.emit("laptop-1")
    settle(context)
    new_id, name = copy.app.accounts.workstation()
    assert name == "laptop-1" and new_id != old_id and copy.app.sync.moved_from() is None
    assert context.actor.workstation_id == new_id  # later writes carry the new workstation
    monkeypatch.delenv(home.HOST_ENV)
    a.app.sync.export_key(tmp_path / "original.key")
    monkeypatch.setenv(home.HOST_ENV, "laptop")
    copy.app.sync.trust_key(context.actor, tmp_path / "original.key")  # an audited write
    with copy.app.db.sessions() as session:
        stamped = session.connection().exec_driver_sql(
            "SELECT workstation_id FROM audit_event WHERE action = 'trust_key' "
            "ORDER BY rowid DESC LIMIT 1").scalar()
    assert stamped == new_id
    copy.app.close()


def test_a_user_who_cannot_answer_is_told_to_ask_the_administrator(
        qtbot, stations, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from console.ui.context import UiContext
    from console.ui.home_question import HomeQuestion

    (a,) = stations(1)
    copy = _carried(a, tmp_path, monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    context = UiContext(copy.app, copy.login("commander"), "en")
    HomeQuestion(context, parent).ask()
    shown = context.messages.history[-1]
    assert shown.kind == "info" and "Until the administrator says" in shown.text
    assert copy.app.sync.moved_from() is not None  # nothing was answered for them
    copy.app.close()
