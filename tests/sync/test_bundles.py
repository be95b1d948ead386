"""Bundles: round trip, idempotence, every refusal leaving the database unchanged, newer
schemas kept, and an import killed midway in a real subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import VerificationFailed
from console.sync import bundle as bundle_module
from console.sync.apply import TEST_SLEEP_ENV
from tests.sync.conftest import Station


def _work(station: Station) -> None:
    commander = station.login("commander")
    station.app.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    station.app.journal.add_log(commander, Team.SITUATION, "started")
    station.app.tasks.add(commander, Team.SYSTEMS, "restart servers")


def test_round_trip_and_reimport_is_a_no_op(stations, tmp_path: Path) -> None:
    a, b = stations(2)
    _work(a)
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    first = b.app.sync.import_bundle(b.admin, tmp_path / "a.zip")
    assert first.new > 0
    before = b.digest()
    again = b.app.sync.import_bundle(b.admin, tmp_path / "a.zip")
    assert again.new == 0 and b.digest() == before
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "b.zip")
    assert a.digest() == b.digest()
    assert a.app.maintenance.verify() == [] and b.app.maintenance.verify() == []


def _rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as old:
        entries = {i.filename: old.read(i.filename) for i in old.infolist()}
    change(entries)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in entries.items():
            new.writestr(name, data)
    return target


def _resign(entries: dict[str, bytes], key_hex: str, **manifest_changes: object) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    manifest = json.loads(entries["manifest.json"])
    manifest.update(manifest_changes)
    data = json.dumps(manifest, sort_keys=True, indent=1).encode()
    entries["manifest.json"] = data
    entries["signature"] = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key_hex)) \
        .sign(data).hex().encode()


def _key(station: Station) -> str:
    from console.store.keyfile import private_hex

    with station.app.db.sessions() as session:
        _, key = station.app.sync.signing_key(session.connection())
    return private_hex(key)


def _bad_bundles(a: Station, good: Path, tmp_path: Path, stranger: Station) -> dict[str, Path]:
    key = _key(a)
    cases: dict[str, Path] = {}

    def tamper_payload(e: dict[str, bytes]) -> None:
        e["changes.jsonl"] = e["changes.jsonl"].replace(b'fire', b'FIRE')

    cases["tampered payload"] = _rewrite(good, tmp_path / "t1.zip", tamper_payload)
    cases["tampered manifest"] = _rewrite(
        good, tmp_path / "t2.zip",
        lambda e: e.update({"manifest.json": e["manifest.json"].replace(b'"format": 1',
                                                                        b'"format": 1 ')}))
    data = good.read_bytes()
    (tmp_path / "trunc.zip").write_bytes(data[: len(data) // 2])
    cases["truncated"] = tmp_path / "trunc.zip"
    cases["wrong format"] = _rewrite(good, tmp_path / "t3.zip",
                                     lambda e: _resign(e, key, format=99))
    cases["path traversal"] = _rewrite(good, tmp_path / "t4.zip",
                                       lambda e: e.update({"../evil.txt": b"x"}))
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            payload = old.read(info.filename)
            if info.filename == "changes.jsonl":
                payload = payload + b" " * (50 * 1024 * 1024)
            new.writestr(info.filename, payload)
    cases["zip bomb"] = bomb

    def long_line(e: dict[str, bytes]) -> None:
        e["changes.jsonl"] = b"[" + b'"x",' * (bundle_module.MAX_LINE // 3) + b'"x"]\n'
        _resign(e, key, counts={"changes": 1, "payload_bytes": len(e["changes.jsonl"])})

    cases["absurd line"] = _rewrite(good, tmp_path / "t5.zip", long_line)
    stranger.app.sync.export_bundle(stranger.admin, tmp_path / "stranger.zip")
    cases["unknown signer"] = tmp_path / "stranger.zip"

    def broken_chain(e: dict[str, bytes]) -> None:
        import hashlib

        lines = e["changes.jsonl"].splitlines(keepends=True)
        row = json.loads(lines[-1])
        row[6] = json.dumps("forged")
        lines[-1] = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        e["changes.jsonl"] = b"".join(lines)
        _resign(e, key, payload_sha256=hashlib.sha256(e["changes.jsonl"]).hexdigest(),
                counts={"changes": len(lines), "payload_bytes": len(e["changes.jsonl"])})

    cases["broken chain"] = _rewrite(good, tmp_path / "t6.zip", broken_chain)
    return cases


def test_every_refusal_leaves_the_database_unchanged(stations, tmp_path: Path) -> None:
    a, b, stranger = stations(3)
    # b trusts a but not the stranger: make a fresh one that nobody trusts.
    from tests.sync.conftest import make_stations

    (tmp_path / "x").mkdir()
    outsider = make_stations(tmp_path / "x", 1)[0]
    _work(a)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    cases = _bad_bundles(a, good, tmp_path, outsider)
    before = b.digest()
    for label, path in cases.items():
        with pytest.raises(VerificationFailed) as refused:
            b.app.sync.import_bundle(b.admin, path)
        message = str(refused.value)
        assert "\n" not in message and message.startswith("bundle refused"), label
        assert b.digest() == before, label
    assert b.app.sync.import_bundle(b.admin, good).new > 0  # the good one still goes in
    outsider.app.close()
    assert stranger


def test_cli_refusal_exit_status(stations, tmp_path: Path) -> None:
    a, b = stations(2)
    _work(a)
    a.app.sync.export_bundle(a.admin, tmp_path / "good.zip")
    data = (tmp_path / "good.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[:-40])
    db = b.app.db.path
    before = b.digest()
    b.app.close()
    run = subprocess.run([sys.executable, "-m", "console", "--db", str(db), "--user", "admin",
                          "sync", "import", str(tmp_path / "cut.zip")],
                         capture_output=True, text=True,
                         env={**os.environ, "CONSOLE_PASSWORD": "admin-pass"})
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: 번들 거부: cut.zip")
    assert "cut.zip" in run.stderr  # the file as given, not the working copy's name
    from console.services.app import Services

    b.app = Services.open(db)
    assert b.digest() == before


def test_newer_schema_is_kept_and_applied_after_upgrade(stations, tmp_path: Path,
                                                        monkeypatch) -> None:
    a, b = stations(2)
    _work(a)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    newer = _rewrite(good, tmp_path / "newer.zip", lambda e: _resign(e, _key(a), schema="9999"))
    before = b.digest()
    kept = b.app.sync.import_bundle(b.admin, newer)
    assert kept.pending_bundle and b.digest() == before
    monkeypatch.setattr(b.app.db.capture, "schema", "9999")  # as if the program were upgraded
    b.app.sync._apply_pending_bundles()
    assert b.digest() != before
    with b.app.db.sessions() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT count(*) FROM sync_pending_bundle")).scalar() == 0


def test_import_killed_midway_changes_nothing(stations, tmp_path: Path) -> None:
    a, b = stations(2)
    _work(a)
    bundle = tmp_path / "a.zip"
    a.app.sync.export_bundle(a.admin, bundle)
    db = b.app.db.path
    before = b.digest()
    b.app.close()
    code = ("import sys; from pathlib import Path; from console.services.app import Services; "
            "from tests.conftest import FAST_HASHER; "
            "app = Services.open(Path(sys.argv[1]), hasher=FAST_HASHER); "
            "who = app.accounts.login('admin', 'admin-pass'); "
            "print('applying', flush=True); app.sync.import_bundle(who, Path(sys.argv[2]))")
    process = subprocess.Popen([sys.executable, "-c", code, str(db), str(bundle)],
                               stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
                               env={**os.environ, TEST_SLEEP_ENV: "30"})
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "applying"
    time.sleep(1.5)  # inside the apply transaction, asleep
    process.send_signal(signal.SIGKILL)
    process.wait()
    from console.services.app import Services

    b.app = Services.open(db)
    assert b.digest() == before
    assert b.app.maintenance.verify() == []
    assert b.app.sync.import_bundle(b.login("admin"), bundle).new > 0
