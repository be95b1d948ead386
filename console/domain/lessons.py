"""Which lines of the record state a follow-up (교훈, 재발방지 대책, 개선안): the 최종(결과)보고
lists them beside the lessons recorded explicitly. One rule, read off the text in the words a
Korean task force writes them (and their English counterparts); "사후 입력" (typing in later)
is not a follow-up, "사후 평가" is."""

from __future__ import annotations

import re

_FOLLOW_UP = re.compile(
    r"재발\s*방지|사후\s*평가|개선\s*(안|대책|과제|계획)|교훈|후속\s*(조치|대책)"
    r"|prevent(ing|ion of)?\s+recurrence|lessons?\s+learn|follow-up|improvement plan",
    re.IGNORECASE)


def states_follow_up(text: str) -> bool:
    return bool(_FOLLOW_UP.search(text))
