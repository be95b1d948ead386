"""Printing lists for people (aligned columns) and for programs (JSON arrays)."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

from console.domain.clock import kst
from console.domain.enums import Category, CrisisLevel, Role, Team
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


# A table's column headings as people read them; the keys stay the JSON's (``--json``).
KOREAN_HEADINGS = {
    "active": "활성", "approved_by": "승인자", "as_of": "기준 시각", "assignee": "담당",
    "at": "일시", "author": "작성자", "by": "작성자", "category": "분류", "channel": "채널",
    "chars": "글자 수", "closed_at": "해산", "code": "코드", "crisis_level": "위기경보",
    "decided_by": "결정", "department": "부서", "due": "기한", "facility": "설치 장소",
    "full_name": "표시 이름", "grade": "등급", "id": "ID", "injects": "상황부여",
    "issued_at": "발행", "length": "길이", "name": "이름", "number": "번호",
    "organisation": "기관", "phone": "전화", "role": "역할", "significant": "주요",
    "source": "출처", "started_at": "시작", "activated_at": "가동", "status": "상태",
    "summary": "요지", "team": "반", "text": "내용", "tier": "단계", "title": "제목",
    "title_en": "title", "what": "구분", "workstation": "작업 단말",
}


# Columns whose stored codes people read as words; ``status`` differs per list (``kinds``).
WORDS: dict[str, type[Enum]] = {"team": Team, "role": Role, "category": Category,
                                "crisis_level": CrisisLevel}


def _cell(value: Any, kind: type[Enum] | None, lang: str) -> str:
    """A value as a Korean table shows it: a code by its word, yes/no for a flag. English
    tables keep the codes (English words already, and what the commands take)."""
    if value is None:
        return ""
    if lang == "ko" and isinstance(value, bool):
        return "예" if value else "아니오"
    if lang == "ko" and kind is not None:
        try:
            return str(kind(value).label(lang))  # type: ignore[attr-defined]
        except ValueError:
            return str(value)
    return str(value)


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], lang: str = "ko",
                kinds: Mapping[str, type[Enum]] | None = None) -> None:
    if not rows:
        print(Message("cli.no_rows").render(lang))
        return
    words = {**WORDS, **(kinds or {})}
    cells = [[_cell(row[c], words.get(c), lang) for c in columns] for row in rows]
    headings = [KOREAN_HEADINGS.get(c, c) if lang == "ko" else c for c in columns]
    widths = [max(_width(h), *(_width(r[i]) for r in cells)) for i, h in enumerate(headings)]
    for line in [headings, *cells]:
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(line, widths,
                                                                             strict=True)).rstrip())


def set_aside_line(aside: Any, lang: str) -> str:
    """A repair's evidence, said by ``keys reidentify``, ``sync conflicts`` and ``verify``."""
    return Message("repair.set_aside", count=aside.count, former=aside.former,
                   first=aside.first, last=aside.last, site=aside.site,
                   new_first=aside.new_first, new_last=aside.new_last).render(lang)
