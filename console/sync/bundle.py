"""Signed bundles for USB transfer: a ZIP with ``manifest.json``, ``changes.jsonl`` and an
Ed25519 ``signature`` over the manifest bytes (DESIGN.md §4).

Reading refuses, before anything touches the database: names other than the three entries
(path traversal included), a total uncompressed size or compression ratio beyond the caps
(zip bombs; sizes are counted while reading, the headers are not trusted), lines beyond
MAX_LINE, an unknown format version, a signature from a key not trusted here, a payload whose
sha256, size or count differs from the signed manifest, and a broken hash chain.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from console.domain.errors import VerificationFailed
from console.store.checks import change_hash
from console.sync.apply import COLUMNS

FORMAT_VERSION = 1
ENTRIES = ("manifest.json", "changes.jsonl", "signature")
MAX_TOTAL = 2 * 1024**3
"""Uncompressed bytes a bundle may hold (about ten million changes)."""
MAX_RATIO = 100
"""Text compresses ~5–15×; a zip bomb compresses thousands of times."""
MAX_LINE = 1024 * 1024
MAX_MANIFEST = 4 * 1024 * 1024

Row = tuple[Any, ...]


@dataclass
class Bundle:
    manifest: dict[str, Any]
    rows: list[Row]


def _line(row: Row) -> bytes:
    return (json.dumps(list(row), ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def write_bundle(target: Path, rows: Iterable[Row], *, origin: str, origin_name: str,
                 schema: str, have: dict[str, int], signing_key_hex: str, created_at: str,
                 for_peer: str | None = None, format_version: int = FORMAT_VERSION) -> dict:
    """Write atomically (temp file, then rename); return the manifest."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    payload_hash = hashlib.sha256()
    size = count = 0
    heads: dict[str, list[Any]] = {}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        with archive.open("changes.jsonl", "w", force_zip64=True) as out:
            buffer: list[bytes] = []
            for row in rows:
                line = _line(row)
                buffer.append(line)
                payload_hash.update(line)
                size += len(line)
                count += 1
                heads[row[0]] = [row[1], row[12]]
                if len(buffer) >= 4096:
                    out.write(b"".join(buffer))
                    buffer.clear()
            out.write(b"".join(buffer))
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

    def read(self, handle: io.BufferedIOBase, limit: int, what: str) -> bytes:
        data = handle.read(min(limit, self.budget[0]) + 1)
        if len(data) > limit:
            raise VerificationFailed(f"bundle refused: {what} is larger than {limit} bytes")
        self._spend(len(data))
        return data

    def _spend(self, amount: int) -> None:
        self.budget[0] -= amount
        if self.budget[0] < 0:
            raise VerificationFailed("bundle refused: it unpacks to more than "
                                     f"{MAX_TOTAL // 1024**2} MiB (zip bomb?)")


def read_bundle(path: Path, trusted: dict[str, str]) -> Bundle:
    """Verify everything a bundle claims; ``trusted`` maps workstation id → public key hex."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise VerificationFailed(f"bundle refused: {Path(path).name} is not a readable bundle "
                                 f"(truncated or not a ZIP: {error})") from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") \
                    or ":" in name:
                raise VerificationFailed(f"bundle refused: unsafe entry name '{name}' "
                                         "(path traversal)")
            if name not in ENTRIES:
                raise VerificationFailed(f"bundle refused: unexpected entry '{name}'")
        names = [i.filename for i in infos]
        if sorted(names) != sorted(ENTRIES):
            raise VerificationFailed("bundle refused: it must hold exactly "
                                     + ", ".join(ENTRIES))
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_TOTAL or total / packed > MAX_RATIO:
            raise VerificationFailed("bundle refused: declared sizes look like a zip bomb "
                                     f"({total} bytes from {packed}, ratio {total // packed})")
        capped = _Capped([MAX_TOTAL])
        try:
            with archive.open("manifest.json") as handle:
                manifest_bytes = capped.read(handle, MAX_MANIFEST, "manifest.json")
            with archive.open("signature") as handle:
                signature = capped.read(handle, 1024, "signature")
            manifest = _verify_manifest(manifest_bytes, signature, trusted)
            rows = _read_changes(archive, manifest, capped)
        except (zipfile.BadZipFile, EOFError, OSError, zlib_error()) as error:
            raise VerificationFailed(f"bundle refused: damaged or truncated ({error})") from None
    return Bundle(manifest, rows)


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _verify_manifest(manifest_bytes: bytes, signature: bytes, trusted: dict[str, str]
                     ) -> dict[str, Any]:
    try:
        manifest = json.loads(manifest_bytes)
        origin = manifest["origin"]
    except (ValueError, KeyError, TypeError):
        raise VerificationFailed("bundle refused: manifest.json is not a bundle manifest"
                                 ) from None
    if not isinstance(manifest, dict) or not isinstance(origin, str):
        raise VerificationFailed("bundle refused: manifest.json is not a bundle manifest")
    key_hex = trusted.get(origin)
    name = manifest.get("origin_name", origin)
    if key_hex is None:
        raise VerificationFailed(f"bundle refused: signer '{name}' ({origin}) is not a trusted "
                                 "workstation here; trust its key first with 'keys trust'")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
            bytes.fromhex(signature.decode("ascii").strip()), manifest_bytes)
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        raise VerificationFailed(f"bundle refused: the signature does not match (tampered, or "
                                 f"not signed by '{name}')") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise VerificationFailed(f"bundle refused: format version {manifest.get('format')!r} "
                                 f"is not supported (this program reads {FORMAT_VERSION})")
    return manifest


def _read_changes(archive: zipfile.ZipFile, manifest: dict[str, Any], capped: _Capped
                  ) -> list[Row]:
    expected_bytes = manifest["counts"]["payload_bytes"]
    digest = hashlib.sha256()
    rows: list[Row] = []
    size = 0
    width = len(COLUMNS)
    loads = json.loads
    with archive.open("changes.jsonl") as handle:
        while True:
            line = handle.readline(MAX_LINE + 1)
            if not line:
                break
            if len(line) > MAX_LINE:
                raise VerificationFailed(f"bundle refused: line {len(rows) + 1} of "
                                         f"changes.jsonl is longer than {MAX_LINE} bytes")
            size += len(line)
            capped._spend(len(line))
            if size > expected_bytes:
                raise VerificationFailed("bundle refused: changes.jsonl is larger than its "
                                         "signed manifest says (tampered)")
            digest.update(line)
            try:
                row = loads(line)
            except ValueError:
                raise VerificationFailed(f"bundle refused: line {len(rows) + 1} of "
                                         "changes.jsonl is not JSON") from None
            if type(row) is not list or len(row) != width:
                raise VerificationFailed(f"bundle refused: line {len(rows) + 1} is not a change")
            rows.append(tuple(row))
    if digest.hexdigest() != manifest["payload_sha256"] or size != expected_bytes \
            or len(rows) != manifest["counts"]["changes"]:
        raise VerificationFailed("bundle refused: changes.jsonl does not match its signed "
                                 "manifest (tampered or truncated)")
    _check_types(rows)
    return rows


def _check_types(rows: Sequence[Row]) -> None:
    for number, row in enumerate(rows, 1):
        (site, seq, clock, tbl, row_id, field, value, supersedes, author, wall, schema, prev,
         entry) = row
        if not (isinstance(seq, int) and isinstance(clock, int) and seq > 0 and clock >= 0
                and all(isinstance(v, str) for v in (site, tbl, row_id, field, value,
                                                     supersedes, wall, schema, prev, entry))
                and (author is None or isinstance(author, str))):
            raise VerificationFailed(f"bundle refused: change {number} has malformed fields")


def verify_chains(rows: Sequence[Row], heads: dict[str, Any],
                  known: dict[tuple[str, int], str] | None = None) -> None:
    """Each change hashes to its stored hash and links to its predecessor when both are here."""
    by_key = {(r[0], r[1]): r[12] for r in rows}
    for row in rows:
        if change_hash(row[11], *row[:11]) != row[12]:
            raise VerificationFailed(f"bundle refused: broken hash chain at {row[0]}#{row[1]}")
        previous = by_key.get((row[0], row[1] - 1))
        if previous is None and known is not None:
            previous = known.get((row[0], row[1] - 1))
        if (previous is not None and previous != row[11]) or (row[1] == 1 and row[11] != ""):
            raise VerificationFailed(f"bundle refused: broken hash chain at {row[0]}#{row[1]}")
    for site, head in heads.items():
        if by_key.get((site, head[0])) != head[1]:
            raise VerificationFailed(f"bundle refused: chain head of {site} does not match "
                                     "the signed manifest")
