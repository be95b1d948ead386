"""Attacks on trust (issue 10): forged hub rows, a copied database or backup trying to sign,
the hub password in the file. Each failed on the code before this test file existed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import ConsoleError
from console.services.app import Services
from console.store.checks import change_hash
from console.store.keyfile import KeyStore, private_hex
from console.sync import hub
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station, trust_all

pytestmark = pytest.mark.hub


def _write(station: Station, entry: str) -> None:
    commander = station.login("commander")
    with station.app.db.sessions() as session:
        opened = session.execute(text("SELECT count(*) FROM incident")).scalar()
    if not opened:
        station.app.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    station.app.journal.add_log(commander, Team.SITUATION, entry)


def _decisions(station: Station) -> list[str]:
    with station.app.db.sessions() as session:
        return [str(s) for (s,) in session.execute(text("SELECT summary FROM decision"))]


def _forge(site: str, seq: int, prev: str, summary: str, decision_id: str = "forged-1"
           ) -> tuple:
    """A change that hashes right (anyone can compute sha256) but nobody trusted signed."""
    value = json.dumps({"incident_id": None, "at": "2025-09-27T10:00:00.000000Z",
                        "role": "commander", "summary": summary, "rationale": "",
                        "alternatives": "", "links": ""}, ensure_ascii=False)
    fields = (site, seq, 10**15, "decision", decision_id, "*", value, "[]", None,
              "2025-09-27T10:00:00.000000Z", "0006")
    return (*fields, prev, change_hash(prev, *fields))


def _insert_raw(hub_url: str, row: tuple, push_id: int | None = None) -> None:
    engine = hub.connect(hub_url)
    cols = ", ".join(hub.COLUMNS)
    marks = ", ".join(f"%(c{i})s" for i in range(len(row)))
    with engine.begin() as connection:
        connection.exec_driver_sql(
            f"INSERT INTO change_log ({cols}, push_id) VALUES ({marks}, %(p)s)",
            {**{f"c{i}": v for i, v in enumerate(row)}, "p": push_id})
    engine.dispose()


def test_a_row_inserted_into_the_hub_by_an_untrusted_site_is_refused(stations,
                                                                      hub_url: str) -> None:
    a, b = stations(2)
    _write(a, "real entry")
    a.app.sync.hub_sync(a.admin, hub_url)
    _insert_raw(hub_url, _forge("stranger-site", 1, "", "위조된 결정"))
    before = b.digest()
    summary = b.app.sync.hub_sync(b.admin, hub_url)
    assert summary.refused == {"stranger-site": 1}
    assert "위조된 결정" not in _decisions(b)
    assert b.app.maintenance.verify() == []
    # Passed for good: the next pull does not read it again, and a's own rows all arrived.
    again = b.app.sync.hub_sync(b.admin)
    assert again.refused == {} and again.pulled == 0
    assert b.digest() != before  # a's real changes were applied alongside the refusal
    a.app.sync.hub_sync(a.admin)
    assert a.digest() == b.digest()


def test_a_forged_row_under_a_trusted_site_id_or_a_real_push_is_refused(stations,
                                                                        hub_url: str) -> None:
    a, b = stations(2)
    _write(a, "from a")
    a.app.sync.hub_sync(a.admin, hub_url)
    engine = hub.connect(hub_url)
    with engine.connect() as connection:
        site, top, entry, push_id = connection.exec_driver_sql(
            "SELECT site_id, seq, entry_hash, push_id FROM change_log "
            "ORDER BY seq DESC LIMIT 1").one()
    engine.dispose()
    # The next number of a's chain, linked to its real head, claimed to be in a's real push.
    _insert_raw(hub_url, _forge(site, top + 1, entry, "사칭한 결정", "forged-2"), push_id)
    summary = b.app.sync.hub_sync(b.admin, hub_url)
    assert summary.refused == {"ws-0": 1}
    assert "사칭한 결정" not in _decisions(b)
    assert b.app.maintenance.verify() == []


def test_rows_refused_before_their_key_was_trusted_arrive_once_it_is(tmp_path: Path,
                                                                     hub_url: str) -> None:
    from tests.sync.conftest import make_stations

    a, b = make_stations(tmp_path / "ab", 2)
    (c,) = make_stations(tmp_path / "c", 1)  # trusts only itself; nobody trusts it yet
    c.name = "ws-c"  # its key file's name in trust_all
    _write(c, "from c, not yet trusted")
    c.app.sync.hub_sync(c.admin, hub_url)
    first = a.app.sync.hub_sync(a.admin, hub_url)
    assert sum(first.refused.values()) > 0 and first.new == 0
    trust_all(tmp_path, [a, c])
    second = a.app.sync.hub_sync(a.admin)
    assert second.refused == {} and second.new > 0
    assert c.app.sync.hub_sync(c.admin).refused == {}
    a.app.sync.hub_sync(a.admin)
    assert a.digest() == c.digest()
    for station in (a, b, c):
        station.app.close()


def test_a_relay_vouches_for_the_changes_it_pushes(tmp_path: Path, hub_url: str) -> None:
    """a's changes reach the hub only through b (a bundle), and c trusts a and b: pulled
    under b's signed push, they are taken, as a bundle relayed by b would be."""
    from tests.sync.conftest import make_stations

    a, b, c = make_stations(tmp_path, 3)
    _write(a, "from a, by way of b")
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "a.zip")
    b.app.sync.hub_sync(b.admin, hub_url)
    pulled = c.app.sync.hub_sync(c.admin, hub_url)
    assert pulled.refused == {}
    b.app.sync.hub_sync(b.admin)
    assert c.digest() == b.digest()
    with c.app.db.sessions() as session:
        assert session.execute(text("SELECT count(*) FROM log_entry WHERE text = "
                                    "'from a, by way of b'")).scalar() == 1
    for station in (a, b, c):
        station.app.close()


def _file_holds(path: Path, secret: str) -> bool:
    data = path.read_bytes()
    return secret.encode() in data or bytes.fromhex(secret) in data


def test_a_copied_database_or_backup_holds_no_key_and_cannot_sign(stations, tmp_path: Path,
                                                                   hub_url: str) -> None:
    (a,) = stations(1)
    _write(a, "before the copy")
    with a.app.db.sessions() as session:
        _, key = a.app.sync.signing_key(session.connection())
    secret = private_hex(key)
    backup = tmp_path / "backup.sqlite"
    a.app.maintenance.backup(a.admin, backup)
    assert not _file_holds(a.app.db.path, secret) and not _file_holds(backup, secret)
    key_file = a.app.sync.keys.path(a.app.accounts.workstation()[0] or "")
    assert key_file.stat().st_mode & 0o077 == 0 and key_file.parent.stat().st_mode & 0o077 == 0

    # Another PC: the same file, but that user's key folder does not hold the key.
    elsewhere = Services.open(backup, hasher=FAST_HASHER, keys=KeyStore(tmp_path / "other"))
    try:
        admin = elsewhere.accounts.login("admin", "admin-pass")
        for attempt in (lambda: elsewhere.sync.export_bundle(admin, tmp_path / "x.zip"),
                        lambda: elsewhere.sync.hub_sync(admin, hub_url)):
            with pytest.raises(ConsoleError) as refused:
                attempt()
            assert refused.value.code == "keys.missing"
        assert not (tmp_path / "x.zip").exists()
        # Working locally does not need the key: nothing the task force types is refused.
        elsewhere.journal.add_log(elsewhere.accounts.login("commander", "pw"), Team.SITUATION,
                                  "typed on the other PC")
    finally:
        elsewhere.close()


def test_the_hub_password_is_never_stored(stations, hub_url: str) -> None:
    (a,) = stations(1)
    bare = hub.without_password(hub_url)
    with_password = bare.replace("postgres@", "postgres:s3cret-pw@", 1)
    assert "s3cret-pw" in with_password
    a.app.sync.hub_sync(a.admin, with_password)  # trust auth here: the password is unused
    assert a.app.sync.hub_url() == bare
    assert b"s3cret-pw" not in a.app.db.path.read_bytes()


def test_an_older_database_gives_up_its_secrets_on_first_open(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path / "keys")
    path = tmp_path / "old.sqlite"
    app = Services.open(path, create=True, hasher=FAST_HASHER, keys=keys)
    app.accounts.initialise("ws-old", "admin", "admin-pass")
    station = app.accounts.workstation()[0] or ""
    with app.db.sessions() as session:
        _, key = app.sync.signing_key(session.connection())
    app.close()
    secret = private_hex(key)
    # As the previous version left it: the key in local_identity, the password in the URL.
    keys.remove(station)
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO local_identity (key, value) VALUES ('signing_key', ?)",
                    (secret,))
        raw.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES "
                    "('hub_url', 'postgresql://hub:old-secret@hub.example/sync')")
    raw.close()
    assert _file_holds(path, secret)
    app = Services.open(path, hasher=FAST_HASHER, keys=keys)
    try:
        assert keys.has(station)
        assert app.sync.hub_url() == "postgresql://hub@hub.example/sync"
        with app.db.sessions() as session:
            assert app.sync.signing_key(session.connection())[1] is not None
    finally:
        app.close()
    assert not _file_holds(path, secret) and b"old-secret" not in path.read_bytes()


def _cli(db: Path, *args: str, passphrase: str | None, keydir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONSOLE_PASSWORD": "admin-pass", "CONSOLE_KEY_DIR": str(keydir)}
    if passphrase is not None:
        env["CONSOLE_KEY_PASSPHRASE"] = passphrase
    else:
        env.pop("CONSOLE_KEY_PASSPHRASE", None)
    return subprocess.run([sys.executable, "-m", "console", "--db", str(db), "--user", "admin",
                           *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          timeout=120)


def test_moving_a_workstation_moves_its_key_with_a_passphrase(stations, tmp_path: Path) -> None:
    (a,) = stations(1)
    db = a.app.db.path
    here = Path(os.environ["CONSOLE_KEY_DIR"])
    sealed = tmp_path / "ws.key.sealed"
    out = _cli(db, "keys", "move-out", "--out", str(sealed), passphrase="long passphrase",
               keydir=here)
    assert out.returncode == 0, out.stderr
    assert b"PRIVATE KEY" in sealed.read_bytes() and sealed.stat().st_mode & 0o077 == 0
    moved = tmp_path / "moved.sqlite"
    a.app.maintenance.backup(a.admin, moved)
    there = tmp_path / "new-pc-keys"
    wrong = _cli(moved, "keys", "move-in", str(sealed), passphrase="wrong passphrase",
                 keydir=there)
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1
    assert "암호" in wrong.stderr
    missing = _cli(moved, "keys", "move-in", str(sealed), passphrase=None, keydir=there)
    assert missing.returncode == 1 and "CONSOLE_KEY_PASSPHRASE" in missing.stderr
    done = _cli(moved, "keys", "move-in", str(sealed), passphrase="long passphrase",
                keydir=there)
    assert done.returncode == 0, done.stderr
    export = _cli(moved, "sync", "export", "--out", str(tmp_path / "b.zip"), passphrase=None,
                  keydir=there)
    assert export.returncode == 0, export.stderr
    # Another workstation's sealed key does not fit this database.
    from tests.sync.conftest import make_stations

    (other,) = make_stations(tmp_path / "other", 1)
    other_sealed = tmp_path / "other.sealed"
    assert _cli(other.app.db.path, "keys", "move-out", "--out", str(other_sealed),
                passphrase="long passphrase", keydir=here).returncode == 0
    mismatch = _cli(moved, "keys", "move-in", str(other_sealed), passphrase="long passphrase",
                    keydir=tmp_path / "third")
    assert mismatch.returncode == 1 and len(mismatch.stderr.strip().splitlines()) == 1
    other.app.close()


def test_a_peer_whose_chain_shrank_or_was_rewritten_is_refused(stations, tmp_path: Path
                                                               ) -> None:
    from console.domain.errors import VerificationFailed
    from tests.test_tamper import _rewrite_decision_with_its_chain

    a, b = stations(2)
    commander = a.login("commander")
    _write(a, "before the backup")
    old = a.app.maintenance.backup(a.admin, tmp_path / "old.sqlite")
    a.app.journal.add_decision(commander, "2차 복구 착수")
    a.app.sync.export_bundle(a.admin, tmp_path / "all.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "all.zip")

    # Cut: the old file put back by hand (not through restore, which gives a new identity).
    cut = Services.open(old, hasher=FAST_HASHER)
    try:
        cut.sync.export_bundle(cut.accounts.login("admin", "admin-pass"), tmp_path / "cut.zip")
    finally:
        cut.close()
    before = b.digest()
    with pytest.raises(VerificationFailed) as refused:
        b.app.sync.import_bundle(b.admin, tmp_path / "cut.zip")
    assert refused.value.code == "sync.rewritten" and "ws-0" in refused.value.render("en")
    assert b.digest() == before

    # Rewritten: a decision changed in a's file with its hash chain recomputed.
    edited = a.app.maintenance.backup(a.admin, tmp_path / "edited.sqlite")
    with sqlite3.connect(edited) as raw:
        _rewrite_decision_with_its_chain(raw)
    raw.close()
    forged = Services.open(edited, hasher=FAST_HASHER)
    try:
        forged.sync.export_bundle(forged.accounts.login("admin", "admin-pass"),
                                  tmp_path / "forged.zip")
    finally:
        forged.close()
    with pytest.raises(VerificationFailed) as rewritten:
        b.app.sync.import_bundle(b.admin, tmp_path / "forged.zip")
    assert rewritten.value.code == "sync.fork"
    assert "rewrote its history" in rewritten.value.render("en")
    assert b.digest() == before
