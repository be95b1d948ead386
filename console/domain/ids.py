"""Record identifiers: UUIDv7 for new records, UUIDv5 where two workstations must agree offline."""

from __future__ import annotations

import os
import time
import uuid
from functools import lru_cache

from console.domain.names import clean_name

# A fixed namespace for natural keys; changing it would split merged records.
_NAMESPACE = uuid.UUID("6f1c0e0a-5b1e-4c2a-9a57-2d5e7c3b9f10")


def new_id() -> str:
    """A UUIDv7 (RFC 9562): millisecond time prefix, so ids sort by creation time."""
    millis = time.time_ns() // 1_000_000
    return _compose(millis, int.from_bytes(os.urandom(10), "big"))


def _compose(millis: int, rand: int) -> str:
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


@lru_cache(maxsize=1 << 17)  # imports derive the same ids many times over
def natural_id(kind: str, *key: object) -> str:
    """The same id on every workstation for the same real thing (a department by its name…)."""
    # Names in one form (NFC, single spaces): the same name is the same id everywhere.
    text = "\x1f".join([kind, *(clean_name(str(part)) for part in key)])
    return str(uuid.uuid5(_NAMESPACE, text))
