"""Failed writes leave nothing behind, and what a kill left is cleaned (issue 10, item 5).

A full disk is the real thing here: the child process runs under RLIMIT_FSIZE, so the kernel
refuses its writes past the limit (EFBIG), as a full USB stick would refuse them."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from console.services.app import Services
from console.sync import bundle
from tests.conftest import FAST_HASHER


def _limited(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _run(db: Path, user: str, *args: str, limit: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONSOLE_PASSWORD": "demo"}
    return subprocess.run([sys.executable, "-m", "console", "--lang", "en", "--db", str(db),
                           "--user", user, *args], capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=_limited(limit), stdin=subprocess.DEVNULL)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm"))}


def _digest(db: Path) -> str:
    app = Services.open(db, hasher=FAST_HASHER)
    try:
        return app.maintenance.digest()
    finally:
        app.close()


@pytest.mark.parametrize(("user", "args", "expected"), [
    ("admin", ("sync", "export", "--out", "{out}/bundle.zip"), "could not write the bundle"),
    ("controller", ("report", "--out", "{out}/report.pdf"), "disk I/O error"),
])
def test_a_write_that_fills_the_disk_is_one_line_and_leaves_nothing(
        demo_db: Path, tmp_path: Path, user: str, args: tuple[str, ...], expected: str) -> None:
    out = tmp_path / "stick"
    out.mkdir()
    before, files = _digest(demo_db), _files(tmp_path)
    done = _run(demo_db, user, *(a.format(out=out) for a in args), limit=100_000)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
    assert _files(tmp_path) == files  # no .partial, no .part
    assert _digest(demo_db) == before


def test_a_staging_copy_left_by_a_killed_import_is_removed_at_the_next(
        demo_db: Path, tmp_path: Path) -> None:
    staging = demo_db.parent / f"{demo_db.stem}.sync-staging"
    staging.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    left = staging / f"import-{dead}-{'0' * 32}.zip"
    left.write_bytes(b"x" * 1000)
    older = staging / f"import-{'f' * 32}.zip"  # named as before copies carried their process
    older.write_bytes(b"y")
    app = Services.open(demo_db, hasher=FAST_HASHER)
    try:
        admin = app.accounts.login("admin", "demo")
        app.sync.export_bundle(admin, tmp_path / "b.zip")
        app.sync.import_bundle(admin, tmp_path / "b.zip")
    finally:
        app.close()
    assert list(staging.iterdir()) == []


def test_a_payload_declared_beyond_the_limit_is_refused_before_reading(
        demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.domain.errors import VerificationFailed

    app = Services.open(demo_db, hasher=FAST_HASHER)
    try:
        admin = app.accounts.login("admin", "demo")
        size = app.sync.export_bundle(admin, tmp_path / "b.zip").size
        monkeypatch.setattr(bundle, "MAX_PAYLOAD", 1024)
        read: list[int] = []
        original = bundle._Capped._spend

        def counting(self: bundle._Capped, amount: int) -> None:
            read.append(amount)
            original(self, amount)

        monkeypatch.setattr(bundle._Capped, "_spend", counting)
        with pytest.raises(VerificationFailed) as refused:
            app.sync.import_bundle(admin, tmp_path / "b.zip")
        assert refused.value.code == "bundle.payload_limit"
        assert sum(read) < 64 * 1024 < size * 2  # the manifest and signature only
    finally:
        app.close()
