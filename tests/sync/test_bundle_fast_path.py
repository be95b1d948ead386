"""The fast bundle path: lines written by SQLite's json_array, the payload read in large
chunks and parsed with the C scanner, chains checked in one ordered pass, and the apply's
single-change shortcut. Each must behave exactly like the general path it replaces."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import VerificationFailed
from console.sync import bundle as bundle_module
from console.sync.apply import COLUMNS
from tests.sync.conftest import Station
from tests.sync.test_bundles import _key, _resign, _rewrite, _work

AWKWARD = ['plain', 'quote " and \\ backslash', "tab\tnew\nline\rcr\bbs\ffeed", "\x00\x01\x1f\x7f",
           "한국어 텍스트", "emoji 🚒", "line sep \u2028 para \u2029", "</script>", ""]


def test_sql_lines_are_the_json_dumps_lines() -> None:
    """json_array() in SQLite writes byte for byte what json.dumps wrote before."""
    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE TABLE change_log ({', '.join(COLUMNS)})")
    rows = []
    for seq, value in enumerate(AWKWARD, 1):
        rows.append(("site", seq, 2**62 + seq, "tbl", value, "f", json.dumps(value), "[]",
                     None if seq % 2 else value, "2025-01-01T00:00:00Z", "0005", value, value))
    connection.executemany(f"INSERT INTO change_log VALUES ({', '.join('?' * 13)})", rows)
    sql = bundle_module._LINE_SQL
    lines = [r[2] for r in connection.execute(sql, ("site", 0))]
    expected = [(json.dumps(list(r), ensure_ascii=False, separators=(",", ":")) + "\n").encode()
                for r in rows]
    assert lines == expected
    assert [tuple(bundle_module._scan(line.rstrip(b"\n"))) for line in lines] == rows


def test_scan_matches_json_loads() -> None:
    for line in [b'[1,"a"]', b' [1, "a"] ', b'[1,"a"]\r', b'{"a":[1,2]}', b'"x"']:
        assert bundle_module._scan(line) == json.loads(line)
    for bad in [b'[1,"a"] x', b"", b"[1,", b'["\xff"]', b"NaN NaN"]:
        with pytest.raises(ValueError):
            bundle_module._scan(bad)


def _more_work(station: Station) -> None:
    _work(station)
    commander = station.login("commander")
    station.app.journal.add_log(commander, Team.SITUATION, "second")
    station.app.incidents.open(commander, "flood", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)


def _lines(entries: dict[str, bytes]) -> list[bytes]:
    return entries["changes.jsonl"].splitlines(keepends=True)


def _repack(entries: dict[str, bytes], key: str, lines: list[bytes], **changes: object) -> None:
    entries["changes.jsonl"] = b"".join(lines)
    _resign(entries, key, payload_sha256=hashlib.sha256(entries["changes.jsonl"]).hexdigest(),
            counts={"changes": len(lines), "payload_bytes": len(entries["changes.jsonl"])},
            **changes)


def test_unordered_bundle_imports_like_an_ordered_one(stations, tmp_path: Path) -> None:
    a, b, c = stations(3)
    _more_work(a)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    key = _key(a)
    shuffled = _rewrite(good, tmp_path / "shuffled.zip",
                        lambda e: _repack(e, key, list(reversed(_lines(e)))))
    assert b.app.sync.import_bundle(b.admin, good).new > 0
    assert c.app.sync.import_bundle(c.admin, shuffled).new > 0
    with a.app.db.sessions() as sa, b.app.db.sessions() as sb, c.app.db.sessions() as sc:
        query = text("SELECT * FROM change_log WHERE site_id = :a ORDER BY seq")
        site = {"a": _site(sa)}
        theirs = sa.execute(query, site).all()
        assert theirs and sb.execute(query, site).all() == sc.execute(query, site).all() == theirs
    c.app.sync.export_bundle(c.admin, tmp_path / "c.zip")
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    c.app.sync.import_bundle(c.admin, tmp_path / "b.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "c.zip")
    assert b.digest() == c.digest()
    assert c.app.maintenance.verify() == [] and b.app.maintenance.verify() == []


def _site(session) -> str:  # type: ignore[no-untyped-def]
    return session.execute(text("SELECT value FROM local_identity WHERE key = 'workstation_id'")
                           ).scalar()


def _forged(line: bytes) -> bytes:
    row = json.loads(line)
    row[6] = json.dumps("forged")
    return (json.dumps(row, ensure_ascii=False) + "\n").encode()


def _refused(station: Station, path: Path) -> str:
    before = station.digest()
    with station.app.db.sessions() as session:
        log_before = session.execute(text("SELECT count(*) FROM change_log")).scalar()
    with pytest.raises(VerificationFailed) as refused:
        station.app.sync.import_bundle(station.admin, path)
    assert station.digest() == before
    with station.app.db.sessions() as session:
        assert session.execute(text("SELECT count(*) FROM change_log")).scalar() == log_before
    return str(refused.value)


def test_refusals_of_the_fast_path(stations, tmp_path: Path) -> None:
    a, b = stations(2)
    _more_work(a)
    good = tmp_path / "good.zip"
    a.app.sync.export_bundle(a.admin, good)
    key = _key(a)
    made: list[Path] = []

    def edit_row(index: int, change) -> Path:  # type: ignore[no-untyped-def]
        def apply(e: dict[str, bytes]) -> None:
            lines = _lines(e)
            row = json.loads(lines[index])
            change(row)
            lines[index] = (json.dumps(row) + "\n").encode()
            _repack(e, key, lines)
        made.append(tmp_path / f"edit{len(made)}.zip")
        return _rewrite(good, made[-1], apply)

    def set_field(position: int, value: object):  # type: ignore[no-untyped-def]
        return lambda row: row.__setitem__(position, value)

    cases = {
        "seq as text": (edit_row(3, set_field(1, "4")), "malformed"),
        "clock as float": (edit_row(3, set_field(2, 1.5)), "malformed"),
        "value not text": (edit_row(3, set_field(6, {"a": 1})), "malformed"),
        "lone surrogate": (edit_row(3, set_field(6, "\ud800")), "malformed"),
        "short row": (edit_row(3, lambda row: row.pop()), "not a change"),
        "forged value": (edit_row(3, set_field(6, '"forged"')), "broken hash chain"),
        "first link forged": (edit_row(0, set_field(11, "0" * 64)), "broken hash chain"),
        "not JSON": (_rewrite(good, tmp_path / "nj.zip", lambda e: _repack(
            e, key, [*_lines(e)[:2], b"[1,2\n", *_lines(e)[3:]])), "line 3 of changes.jsonl"),
        "duplicate line forged": (_rewrite(good, tmp_path / "dup.zip", lambda e: _repack(
            e, key, [*_lines(e), _forged(_lines(e)[2])])), "broken hash chain"),
        "head not in bundle": (_rewrite(good, tmp_path / "head.zip", lambda e: _repack(
            e, key, _lines(e)[:-1])), "chain head"),
        "malformed heads": (_rewrite(good, tmp_path / "mh.zip", lambda e: _repack(
            e, key, _lines(e), chain_heads={"x": 5})), "chain heads"),
    }
    for label, (path, reason) in cases.items():
        message = _refused(b, path)
        assert message.startswith("bundle refused") and reason in message, (label, message)
    assert b.app.sync.import_bundle(b.admin, good).new > 0


def test_delta_bundle_and_pending_rows_go_through_the_general_path(stations,
                                                                   tmp_path: Path) -> None:
    """Rows with several changes (an edit after a create) and a delta bundle applied before
    the one it depends on still converge."""
    a, b = stations(2)
    _work(a)
    a.app.sync.export_bundle(a.admin, tmp_path / "first.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "first.zip")
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "b.zip")  # a now knows what b has
    commander = a.login("commander")
    a.app.journal.add_log(commander, Team.SITUATION, "later")
    a.app.sync.export_bundle(a.admin, tmp_path / "delta.zip", for_peer="ws-1")
    with zipfile.ZipFile(tmp_path / "delta.zip") as archive:
        delta = json.loads(archive.read("manifest.json"))
    assert 0 < delta["counts"]["changes"] < 20
    assert b.app.sync.import_bundle(b.admin, tmp_path / "delta.zip").new == \
        delta["counts"]["changes"]
    assert a.digest() == b.digest()
