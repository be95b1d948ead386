"""Bundles that are validly signed (or need no key at all) but would fail inside the apply:
each is one coded refusal line, exit 1, and the database as it was (issue 10, item 5)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from tests.sync.test_bundles import _key, _resign, _rewrite

Entries = dict[str, bytes]


def _nested_manifest(entries: Entries, _key_hex: str) -> None:
    entries["manifest.json"] = b"[" * 100_000 + b"]" * 100_000


def _forge_last(**fields: object) -> Callable[[Entries, str], None]:
    """Change fields of the last change, give it the hash it then has, and sign it all again:
    a bundle only its author's key (or a thief of it) could make."""
    index = {"seq": 1, "hlc": 2, "value": 6, "supersedes": 7}

    def forge(entries: Entries, key_hex: str) -> None:
        lines = entries["changes.jsonl"].splitlines(keepends=True)
        row = json.loads(lines[-1])
        for name, value in fields.items():
            row[index[name]] = value
        (site, seq, clock, tbl, row_id, field, value, supersedes, author, wall, schema,
         prev, _entry) = row
        row[12] = hashlib.sha256("\x1f".join(
            (prev, site, str(seq), str(clock), tbl, row_id, field, value, supersedes,
             author or "", wall, schema)).encode()).hexdigest()
        lines[-1] = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        payload = b"".join(lines)
        entries["changes.jsonl"] = payload
        heads = json.loads(entries["manifest.json"])["chain_heads"]
        heads[site] = [seq, row[12]]
        _resign(entries, key_hex, payload_sha256=hashlib.sha256(payload).hexdigest(),
                counts={"changes": len(lines), "payload_bytes": len(payload)},
                chain_heads=heads)

    return forge


CASES = {
    "manifest of 100,000 nested brackets": (_nested_manifest, "manifest.json is not"),
    "seq 2**70": (_forge_last(seq=2**70), "its seq is beyond a database integer"),
    "hlc 2**64": (_forge_last(hlc=2**64), "its hlc is beyond a database integer"),
    "value not JSON": (_forge_last(value="not json{"), "not valid JSON"),
    "supersedes not a list": (_forge_last(supersedes='{"a": 1}'), "not valid JSON"),
}


def _log_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM change_log").fetchone()[0])


@pytest.mark.parametrize("case", list(CASES))
def test_forged_bundle_is_one_refusal_line(case: str, stations, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    a, b = stations(2)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    craft, expected = CASES[case]
    key = _key(a)
    bad = _rewrite(good, tmp_path / "bad.zip", lambda entries: craft(entries, key))
    with zipfile.ZipFile(bad) as archive:  # the forgery is a well-formed ZIP of three entries
        assert sorted(archive.namelist()) == ["changes.jsonl", "manifest.json", "signature"]
    before, logged = b.digest(), _log_count(b.app.db.path)
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    code = main(["--lang", "en", "--db", str(b.app.db.path), "--user", "admin",
                 "sync", "import", str(bad)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("error: bundle refused: "), err
    assert expected in err, err
    assert b.digest() == before and _log_count(b.app.db.path) == logged
    assert b.app.sync.import_bundle(b.admin, good).new > 0  # the honest one still goes in



def test_import_while_another_program_writes_is_one_busy_line(
        stations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import console.store.database as database

    a, b = stations(2)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    before, logged = b.digest(), _log_count(b.app.db.path)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    holder = sqlite3.connect(b.app.db.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        code = main(["--lang", "en", "--db", str(b.app.db.path), "--user", "admin",
                     "sync", "import", str(good)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "is busy" in err, err
    assert b.digest() == before and _log_count(b.app.db.path) == logged
