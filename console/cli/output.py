"""Printing lists for people (aligned columns) and for programs (JSON arrays)."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from console.domain.clock import kst
from console.domain.messages import Message


def json_time(moment: datetime | None) -> str | None:
    """ISO 8601 in KST with its offset: readable in the room, exact for programs."""
    return kst(moment).isoformat(timespec="seconds") if moment else None


def print_json(rows: Sequence[Mapping[str, Any]]) -> None:
    json.dump(list(rows), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    # Hangul and other wide characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], lang: str = "ko"
                ) -> None:
    if not rows:
        print(Message("cli.no_rows").render(lang))
        return
    cells = [[("" if row[c] is None else str(row[c])) for c in columns] for row in rows]
    widths = [max(_width(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(columns)]
    for line in [list(columns), *cells]:
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(line, widths,
                                                                             strict=True)).rstrip())


def set_aside_line(aside: Any, lang: str) -> str:
    """A repair's evidence, said by ``keys reidentify``, ``sync conflicts`` and ``verify``."""
    return Message("repair.set_aside", count=aside.count, former=aside.former,
                   first=aside.first, last=aside.last, site=aside.site,
                   new_first=aside.new_first, new_last=aside.new_last).render(lang)
