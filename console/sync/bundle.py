"""Signed bundles for USB transfer: a ZIP with ``manifest.json``, ``changes.jsonl`` and an
Ed25519 ``signature`` over the manifest bytes (DESIGN.md §4).

Reading refuses, before anything touches the database: names other than the three entries
(path traversal included), a total uncompressed size or compression ratio beyond the caps
(zip bombs; sizes are counted while reading, the headers are not trusted), lines beyond
MAX_LINE, an unknown format version, a signature from a key not trusted here, a payload whose
sha256, size or count differs from the signed manifest, and a broken hash chain.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import json.scanner
import os
import zipfile
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.engine import Connection

from console.domain.errors import ConsoleError, VerificationFailed
from console.sync.apply import COLUMNS

FORMAT_VERSION = 1
ENTRIES = ("manifest.json", "changes.jsonl", "signature")
MAX_TOTAL = 2 * 1024**3
"""Uncompressed bytes a bundle's entries may hold together (zip-bomb guard)."""
MAX_PAYLOAD = 512 * 1024**2
"""Payload bytes a bundle may declare (about 700,000 changes; `demo --scale 100` is 85 MB):
checked before reading, because the payload is held in memory while it is verified."""
MAX_RATIO = 100
"""Text compresses ~5–15×; a zip bomb compresses thousands of times."""
MAX_LINE = 1024 * 1024
MAX_MANIFEST = 4 * 1024 * 1024
READ_CHUNK = 1024 * 1024
INT64_MAX = 2**63 - 1
"""SQLite's INTEGER is signed 64-bit: a seq or clock beyond it cannot be stored."""
COMPRESS_LEVEL = 1
"""zlib level for changes.jsonl: see docs/sync.md (bytes and seconds per 100,000 changes)."""

Row = tuple[Any, ...]


@dataclass
class Bundle:
    manifest: dict[str, Any]
    rows: list[Row]
    """Parsed changes (lists in COLUMNS order), each already hashing to its ``entry_hash``."""


# Lines come straight out of SQLite: json_array() writes the same bytes as
# json.dumps(row, ensure_ascii=False, separators=(",", ":")), and a BLOB skips the decode into
# Python strings and the encode back.
_LINE_SQL = (f"SELECT seq, entry_hash, CAST(json_array({', '.join(COLUMNS)}) || char(10) AS BLOB) "
             "FROM change_log WHERE site_id = ? AND seq > ? ORDER BY seq")
Part = tuple[str, Sequence[tuple[int, str, bytes]]]


def export_parts(connection: Connection, have: dict[str, int], peer_have: dict[str, int],
                 batch: int = 8192) -> Generator[Part, None, None]:
    """(site, [(seq, entry_hash, line), …]) for everything ``peer_have`` lacks, in site, seq
    order; each site is one range of the primary key."""
    raw = connection.connection.driver_connection
    assert raw is not None
    for site in sorted(have):
        after = peer_have.get(site, 0)
        if have[site] <= after:
            continue
        cursor = raw.execute(_LINE_SQL, (site, after))
        try:
            while rows := cursor.fetchmany(batch):
                yield site, rows
        finally:
            cursor.close()


def write_bundle(target: Path, parts: Iterable[Part], *, origin: str, origin_name: str,
                 schema: str, have: dict[str, int], signing_key_hex: str, created_at: str,
                 for_peer: str | None = None, format_version: int = FORMAT_VERSION) -> dict:
    """Write atomically (temp file, then rename); return the manifest. A failed write (a full
    stick) removes the partial file and is one line."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        return _write_bundle(target, partial, parts, origin=origin, origin_name=origin_name,
                             schema=schema, have=have, signing_key_hex=signing_key_hex,
                             created_at=created_at, for_peer=for_peer,
                             format_version=format_version)
    except BaseException as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ConsoleError("bundle.cannot_write", path=target,
                               error=error.strerror or type(error).__name__) from None
        raise


def _write_bundle(target: Path, partial: Path, parts: Iterable[Part], *, origin: str,
                  origin_name: str, schema: str, have: dict[str, int], signing_key_hex: str,
                  created_at: str, for_peer: str | None, format_version: int) -> dict:
    payload_hash = hashlib.sha256()
    size = count = 0
    heads: dict[str, list[Any]] = {}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED,
                         compresslevel=COMPRESS_LEVEL) as archive:
        with archive.open("changes.jsonl", "w", force_zip64=True) as out:
            for site, rows in parts:
                data = b"".join([row[2] for row in rows])
                payload_hash.update(data)
                out.write(data)
                size += len(data)
                count += len(rows)
                heads[site] = [rows[-1][0], rows[-1][1]]
        manifest = {
            "format": format_version, "schema": schema, "origin": origin,
            "origin_name": origin_name, "created_at": created_at, "for": for_peer,
            "have": have, "counts": {"changes": count, "payload_bytes": size},
            "payload_sha256": payload_hash.hexdigest(), "chain_heads": heads,
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                    indent=1).encode()
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing_key_hex))
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("signature", key.sign(manifest_bytes).hex())
    os.replace(partial, target)
    return manifest


class _Capped:
    """Read an entry while counting: never more than the caps, whatever the header says."""

    def __init__(self, budget: list[int]) -> None:
        self.budget = budget

    def read(self, handle: IO[bytes], limit: int, what: str) -> bytes:
        data = handle.read(min(limit, self.budget[0]) + 1)
        if len(data) > limit:
            raise VerificationFailed("bundle.entry_too_large", entry=what, limit=limit)
        self._spend(len(data))
        return data

    def _spend(self, amount: int) -> None:
        self.budget[0] -= amount
        if self.budget[0] < 0:
            raise VerificationFailed("bundle.unpacks_too_large", mib=MAX_TOTAL // 1024**2)


def read_bundle(path: Path, trusted: dict[str, str], name: str | None = None) -> Bundle:
    """Verify everything a bundle claims; ``trusted`` maps workstation id → public key hex;
    ``name``: the file as the person chose it (``path`` may be a working copy)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise VerificationFailed("bundle.unreadable", file=name or Path(path).name,
                                 error=error) from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") \
                    or ":" in name:
                raise VerificationFailed("bundle.unsafe_entry", entry=name)
            if name not in ENTRIES:
                raise VerificationFailed("bundle.unexpected_entry", entry=name)
        names = [i.filename for i in infos]
        if sorted(names) != sorted(ENTRIES):
            raise VerificationFailed("bundle.entries", entries=", ".join(ENTRIES))
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_TOTAL or total / packed > MAX_RATIO:
            raise VerificationFailed("bundle.zip_bomb", total=total, packed=packed,
                                     ratio=total // packed)
        capped = _Capped([MAX_TOTAL])
        try:
            with archive.open("manifest.json") as handle:
                manifest_bytes = capped.read(handle, MAX_MANIFEST, "manifest.json")
            with archive.open("signature") as handle:
                signature = capped.read(handle, 1024, "signature")
            manifest = _verify_manifest(manifest_bytes, signature, trusted)
            rows = _read_changes(archive, manifest, capped)
        except (zipfile.BadZipFile, EOFError, OSError, zlib_error()) as error:
            raise VerificationFailed("bundle.damaged", error=error) from None
    return Bundle(manifest, rows)


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _verify_manifest(manifest_bytes: bytes, signature: bytes, trusted: dict[str, str]
                     ) -> dict[str, Any]:
    try:
        manifest = json.loads(manifest_bytes)
        origin = manifest["origin"]
    except (ValueError, KeyError, TypeError, RecursionError):  # nested too deep: not a manifest
        raise VerificationFailed("bundle.bad_manifest") from None
    if not isinstance(manifest, dict) or not isinstance(origin, str):
        raise VerificationFailed("bundle.bad_manifest")
    key_hex = trusted.get(origin)
    name = manifest.get("origin_name", origin)
    if key_hex is None:
        raise VerificationFailed("bundle.untrusted_signer", name=name, origin=origin)
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
            bytes.fromhex(signature.decode("ascii").strip()), manifest_bytes)
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        raise VerificationFailed("bundle.bad_signature", name=name) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise VerificationFailed("bundle.format", found=repr(manifest.get("format")),
                                 supported=FORMAT_VERSION)
    return manifest


def _read_changes(archive: zipfile.ZipFile, manifest: dict[str, Any], capped: _Capped
                  ) -> list[Row]:
    """The payload in large reads: sizes, line lengths, sha256 and count are checked against
    the signed manifest before a single line is parsed."""
    try:
        expected_bytes = int(manifest["counts"]["payload_bytes"])
        expected_count = manifest["counts"]["changes"]
        expected_hash = manifest["payload_sha256"]
    except (KeyError, TypeError, ValueError):
        raise VerificationFailed("bundle.bad_manifest") from None
    if type(expected_bytes) is not int or not 0 <= expected_bytes <= MAX_PAYLOAD:
        raise VerificationFailed("bundle.payload_limit", mib=MAX_PAYLOAD // 1024**2)
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    size = 0
    with archive.open("changes.jsonl") as handle:
        while chunk := handle.read(READ_CHUNK):
            capped._spend(len(chunk))
            size += len(chunk)
            if size > expected_bytes:
                raise VerificationFailed("bundle.payload_too_large")
            digest.update(chunk)
            chunks.append(chunk)
    lines = b"".join(chunks).split(b"\n")
    del chunks
    if lines[-1] == b"":
        lines.pop()
    if lines and max(map(len, lines)) >= MAX_LINE:  # the newline counts, as it did per line
        number = next(n for n, line in enumerate(lines, 1) if len(line) >= MAX_LINE)
        raise VerificationFailed("bundle.line_too_long", line=number, limit=MAX_LINE)
    if digest.hexdigest() != expected_hash or size != expected_bytes \
            or len(lines) != expected_count:
        raise VerificationFailed("bundle.payload_mismatch")
    return _parse(lines)


_SCAN = json.scanner.c_make_scanner(json.JSONDecoder())  # type: ignore[attr-defined]


def _scan(line: bytes) -> Any:
    """json.loads(line) without its per-call overhead: the C scanner on the decoded line, and
    json.loads itself for anything the fast path does not take whole (whitespace, errors)."""
    text = line.decode()
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _parse(lines: list[bytes]) -> list[Row]:
    """One json.loads per line; then every change's fields and its own hash, in one pass."""
    loads = json.loads
    try:
        rows = [_scan(line) for line in lines]
    except (ValueError, RecursionError):  # JSON, UTF-8 or nesting: find the line to name it
        for number, line in enumerate(lines, 1):
            try:
                loads(line)
            except (ValueError, RecursionError):
                raise VerificationFailed("bundle.line_not_json", line=number) from None
        raise
    for number, row in enumerate(rows, 1):
        problem = change_problem(row, number)
        if problem is not None:
            raise problem
    return rows


_WIDTH = len(COLUMNS)


def change_problem(row: Any, number: int = 0) -> VerificationFailed | None:
    """Why a change that arrived from elsewhere (bundle line or hub row; ``number``: its place)
    cannot be taken, as the refusal to raise, or None: its shape, its own hash, storable numbers and
    readable JSON. Signed and hashing right is not enough: the fields must also be storable and
    readable here, or the apply fails halfway in SQL."""
    if type(row) not in (list, tuple) or len(row) != _WIDTH:
        return VerificationFailed("bundle.line_not_change", line=number)
    (site, seq, clock, tbl, row_id, field, value, supersedes, author, wall, schema, prev,
     entry) = row
    try:
        if not (type(seq) is int and type(clock) is int and seq > 0 and clock >= 0
                and type(entry) is str and (author is None or type(author) is str)):
            raise TypeError
        # checks.change_hash, inlined: the join also refuses any other field not a string.
        text = "\x1f".join((prev, site, str(seq), str(clock), tbl, row_id, field, value,
                            supersedes, author or "", wall, schema)).encode()
    except (TypeError, UnicodeEncodeError):
        return VerificationFailed("bundle.malformed_change", number=number)
    if hashlib.sha256(text).hexdigest() != entry:
        return VerificationFailed("bundle.broken_chain", site=site, seq=seq)
    if seq > INT64_MAX or clock > INT64_MAX:
        return VerificationFailed("bundle.number_out_of_range", number=number,
                                  field="seq" if seq > INT64_MAX else "hlc")
    parsed = _json_text(value)
    if parsed is _NOT_JSON or (field == "*" and type(parsed) is not dict) \
            or type(_json_text(supersedes)) is not list:
        return VerificationFailed("bundle.malformed_value", number=number)
    return None


_NOT_JSON = object()


def _json_text(text: str) -> Any:
    """The value a change's JSON field holds, or ``_NOT_JSON`` (never an exception)."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError, RecursionError):
        return _NOT_JSON
    if end != len(text):
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            return _NOT_JSON
    return value


def verify_chains(rows: Sequence[Row], heads: dict[str, Any],
                  known: dict[tuple[str, int], str] | None = None) -> None:
    """Each change links to its predecessor when both are here (``known``: this database's
    entries), and the signed chain heads are in the bundle. Every change's own hash was
    checked by ``read_bundle``."""
    known = known or {}
    try:
        wanted = {(site, int(head[0])): head[1] for site, head in heads.items()}
    except (TypeError, ValueError, IndexError, KeyError, AttributeError):
        raise VerificationFailed("bundle.bad_heads") from None
    found: dict[tuple[str, int], str] = {}
    last: tuple[str, int, str] = ("", 0, "")
    for index, row in enumerate(rows):
        site, seq, prev, entry = row[0], row[1], row[11], row[12]
        if index and (site, seq) <= last[:2]:  # not in (site, seq) order: the general check
            found = _verify_unordered(rows, known, wanted)
            break
        if last[0] == site and last[1] == seq - 1:
            previous: str | None = last[2]
        else:  # sorted and unique so far: a predecessor in the bundle is the line before
            previous = known.get((site, seq - 1))
        if (previous is not None and previous != prev) or (seq == 1 and prev != ""):
            raise VerificationFailed("bundle.broken_chain", site=site, seq=seq)
        if (site, seq) in wanted:
            found[(site, seq)] = entry
        last = (site, seq, entry)
    for key, entry in wanted.items():
        if found.get(key) != entry:
            raise VerificationFailed("bundle.head_mismatch", site=key[0])


def _verify_unordered(rows: Sequence[Row], known: dict[tuple[str, int], str],
                      wanted: dict[tuple[str, int], Any]) -> dict[tuple[str, int], str]:
    by_key = {(r[0], r[1]): r[12] for r in rows}
    for row in rows:
        previous = by_key.get((row[0], row[1] - 1))
        if previous is None:
            previous = known.get((row[0], row[1] - 1))
        if (previous is not None and previous != row[11]) or (row[1] == 1 and row[11] != ""):
            raise VerificationFailed("bundle.broken_chain", site=row[0], seq=row[1])
    return {key: by_key[key] for key in wanted if key in by_key}
