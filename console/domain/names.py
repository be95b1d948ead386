"""One form for every name people type: Unicode NFC, runs of whitespace as one space, no
space at either end (docs/sync.md, Histories, rule 10).

A department typed on a Mac (or read from a file made there) arrives in NFD: "행정국" as
jamo that read identically but compare differently, and so became a second department with a
second natural id. Names are cleaned where they enter (the services, the inventory reader)
and inside ``natural_id``, so the same name is one record on every workstation."""

from __future__ import annotations

import unicodedata


def clean_name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
