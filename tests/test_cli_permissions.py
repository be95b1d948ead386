"""Every command that changes or exports data, run by every demo role: allowed exactly when
the permission table says so; a refusal is one line, exit 1, and changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from console.domain.enums import Team
from console.domain.permissions import Action, allowed
from console.services.demo import DEMO_USERS

Run = Callable[..., tuple[int, str, str]]

# (name, argv after the global options, the action, the team whose record it is)
COMMANDS: list[tuple[str, list[str], Action, Team | None]] = [
    ("import-systems", ["import-systems", "{inventory}"], Action.IMPORT_SYSTEMS, None),
    ("outage open", ["outage", "open", "--system", "SEO-0001"], Action.OPEN_OUTAGE, None),
    ("outage status", ["outage", "status", "SEO-0002", "--to", "degraded"],
     Action.CHANGE_OUTAGE, None),
    ("task add", ["task", "add", "--team", "situation", "--title", "x"], Action.ADD_TASK,
     Team.SITUATION),
    ("decision add", ["decision", "add", "--summary", "x"], Action.ADD_DECISION, None),
    ("log add", ["log", "add", "--team", "press", "--text", "x"], Action.ADD_LOG, Team.PRESS),
    ("backup", ["backup", "--out", "{tmp}/out.sqlite"], Action.BACKUP, None),
    ("restore", ["restore", "{backup}"], Action.RESTORE, None),
    ("sync export", ["sync", "export", "--out", "{tmp}/out.zip"], Action.SYNC, None),
    ("sync import", ["sync", "import", "{bundle}"], Action.SYNC, None),
    ("keys reidentify", ["keys", "reidentify", "--name", "x"], Action.MANAGE_KEYS, None),
]
ROLES = {name: (role, team) for name, role, team, _ in DEMO_USERS}


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("CONSOLE_PASSWORD", "demo")

    def _run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["--lang", "en", *argv])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(scope="module")
def walk_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> dict[str, Path]:
    """The demo with one outage open (SEO-0002), and the files the commands read."""
    folder = tmp_path_factory.mktemp("walk")
    db = folder / "demo.sqlite"
    shutil.copyfile(demo_template, db)
    files = {"db": db, "inventory": folder / "inventory.csv", "backup": folder / "old.sqlite",
             "bundle": folder / "bundle.zip"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONSOLE_PASSWORD", "demo")
        admin = ["--db", str(db), "--user", "admin"]
        # The demo's incident is closed: new outages go into a new, open one.
        for argv in (["incident", "open", "--title", "new"],
                     ["outage", "open", "--system", "SEO-0002"],
                     ["export-systems", str(files["inventory"])],
                     ["backup", "--out", str(files["backup"])],
                     ["sync", "export", "--out", str(files["bundle"])]):
            assert main([*admin, *argv]) == 0, argv
    return files


def _argv(template: list[str], files: dict[str, Path], tmp: Path) -> list[str]:
    names = {key: str(path) for key, path in files.items()} | {"tmp": str(tmp)}
    return [word.format(**names) for word in template]


def _copy(files: dict[str, Path], tmp: Path) -> Path:
    db = tmp / "ws.sqlite"
    shutil.copyfile(files["db"], db)
    return db


@pytest.mark.parametrize("user", list(ROLES))
@pytest.mark.parametrize(("name", "template", "action", "target"), COMMANDS,
                         ids=[c[0] for c in COMMANDS])
def test_each_role_may_do_exactly_what_the_table_says(
        run: Run, walk_template: dict[str, Path], tmp_path: Path, user: str, name: str,
        template: list[str], action: Action, target: Team | None) -> None:
    db = _copy(walk_template, tmp_path)
    role, team = ROLES[user]
    digest = run("--db", str(db), "digest")[1]
    code, _, err = run("--db", str(db), "--user", user, *_argv(template, walk_template, tmp_path))
    if allowed(role, team, action, target):
        assert code == 0, f"{user} {name}: {err}"
        return
    assert code == 1, f"{user} {name} was not refused"
    assert err.startswith("error: only ") and err.count("\n") == 1, err
    assert run("--db", str(db), "digest")[1] == digest
    assert not any("before-restore" in p.name for p in tmp_path.iterdir())
    assert not (tmp_path / "out.sqlite").exists() and not (tmp_path / "out.zip").exists()


@pytest.mark.parametrize(("name", "template"), [(c[0], c[1]) for c in COMMANDS],
                         ids=[c[0] for c in COMMANDS])
def test_without_a_user_each_is_refused_in_one_line(
        run: Run, walk_template: dict[str, Path], tmp_path: Path, name: str,
        template: list[str]) -> None:
    db = _copy(walk_template, tmp_path)
    digest = run("--db", str(db), "digest")[1]
    code, _, err = run("--db", str(db), *_argv(template, walk_template, tmp_path))
    assert code == 1
    assert err == f"error: '{name}' records who did it: give --user NAME before it\n"
    assert run("--db", str(db), "digest")[1] == digest
    assert not any("before-restore" in p.name for p in tmp_path.iterdir())


def test_the_refusal_names_who_may_restore(run: Run, walk_template: dict[str, Path],
                                          tmp_path: Path) -> None:
    db = _copy(walk_template, tmp_path)
    code, _, err = run("--db", str(db), "--user", "observer", "restore",
                       str(walk_template["backup"]))
    assert code == 1
    assert err == "error: only the controller or administrator may restore a backup\n"
