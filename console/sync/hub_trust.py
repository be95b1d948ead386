"""What arrives from the hub is checked as a bundle is, by the client: the hub is plain
PostgreSQL, and anyone who can write to it could insert rows.

Every push carries a manifest signed by its pusher: the pusher's id and, for each site whose
changes it pushed, that site's chain head (seq, entry hash). A pulled change is taken only if

- its fields are well formed and it hashes to its own ``entry_hash`` (``change_problem``), and
- it lies on a hash chain that ends at a head signed in a push by a workstation this one
  trusts: walking down from the signed head, each change's ``prev_hash`` names the one below.

Forging a change would need either a trusted key or a sha256 collision; replaying an old push
authenticates nothing new. The other rows are refused, counted per site, and never applied.
A pusher relays other sites' changes as a bundle does: the relay vouches for them, as its
manifest signature does in a bundle (docs/sync.md, "The hub's trust").
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from console.sync.bundle import MAX_MANIFEST, change_problem
from console.sync.hub import SignedPush

PUSH_FORMAT = 1
_SITE, _SEQ, _PREV, _ENTRY = 0, 1, 11, 12


def sign_push(key: Ed25519PrivateKey, origin: str, rows: Sequence[Sequence[Any]],
              created_at: str) -> SignedPush:
    """The manifest of a push: the last change of every site in it (rows per site in seq
    order, each site one unbroken range ending at its head)."""
    heads: dict[str, list[Any]] = {}
    for row in rows:
        site, seq = row[_SITE], row[_SEQ]
        if site not in heads or heads[site][0] < seq:
            heads[site] = [seq, row[_ENTRY]]
    manifest = json.dumps({"format": PUSH_FORMAT, "origin": origin, "created_at": created_at,
                           "heads": heads}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode()
    return SignedPush(origin, manifest, key.sign(manifest).hex())


@dataclass
class Checked:
    accepted: list[tuple[Any, ...]]
    refused: Counter[str] = field(default_factory=Counter)
    """Rows refused, per site id."""


def _signed_heads(push: SignedPush, trusted: Mapping[str, str]) -> dict[str, tuple[int, str]]:
    """The heads a push vouches for, or none if it is not signed by a trusted workstation."""
    key_hex = trusted.get(push.origin)
    if key_hex is None or len(push.manifest) > MAX_MANIFEST:
        return {}
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
            bytes.fromhex(push.signature), push.manifest)
        manifest = json.loads(push.manifest)
        if manifest.get("format") != PUSH_FORMAT or manifest.get("origin") != push.origin:
            return {}
        return {str(site): (int(head[0]), str(head[1]))
                for site, head in manifest["heads"].items()}
    except (InvalidSignature, ValueError, TypeError, KeyError, IndexError, AttributeError,
            RecursionError):
        return {}


def authenticate(rows: Sequence[tuple[Any, ...]], push_ids: Sequence[int | None],
                 pushes: Mapping[int, SignedPush], trusted: Mapping[str, str],
                 known: Mapping[tuple[str, int], tuple[str, str]]) -> Checked:
    """Split pulled rows into those a trusted signature vouches for and those refused.

    ``known``: (site, seq) → (prev_hash, entry_hash) of changes this database already holds,
    for chains whose signed head, or part of whose range, is here already."""
    entries: dict[tuple[str, int], tuple[str, str]] = {}
    for row in rows:
        if change_problem(row) is None:
            entries[(row[_SITE], row[_SEQ])] = (row[_PREV], row[_ENTRY])
    heads: set[tuple[str, int, str]] = set()
    for push_id in {p for p in push_ids if p is not None}:
        push = pushes.get(push_id)
        if push is not None:
            heads.update((site, seq, entry) for site, (seq, entry)
                         in _signed_heads(push, trusted).items())
    vouched: set[tuple[str, int]] = set()
    for site, seq, entry in sorted(heads, key=lambda h: -h[1]):
        expected = entry
        while True:
            here = entries.get((site, seq)) or known.get((site, seq))
            if here is None or here[1] != expected:
                break
            if (site, seq) in vouched:
                break  # the rest of this chain was walked from a higher head
            vouched.add((site, seq))
            if seq == 1:
                break
            expected, seq = here[0], seq - 1
    checked = Checked([])
    for row in rows:
        key = (row[_SITE], row[_SEQ])
        if key in vouched and key in entries and entries[key][1] == row[_ENTRY]:
            checked.accepted.append(row)
        else:
            checked.refused[str(row[_SITE])] += 1
    return checked
