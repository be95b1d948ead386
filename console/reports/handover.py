"""The shift-handover briefing (교대 브리핑, ICS-201 style), from plain rows the handover
service gathers (console/services/handover.py): the situation at the period's end, what
changed in the period, open tasks per team with owner and due time, overdue items, pending
approvals, objectives for the next period, contacts, and two signature boxes."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Table
from reportlab.platypus import TableStyle as TS

from console.reports.layout import (
    FRAME_WIDTH,
    PageFrame,
    build_pdf,
    grid_style,
    heading,
    para,
    table,
)
from console.reports.sitrep_header import crisis_text
from console.reports.snapshot import Snapshot
from console.reports.text import bilingual, full_time, label, paren, percent, short_time, words

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("교대 브리핑(ICS 201)", "Shift handover briefing (ICS 201)"),
    "period": ("대상 기간: {a} ~ {b}", "Period: {a} to {b}"),
    "now": ("1. 현재 상황", "1. Situation now"),
    "level": ("위기경보", "Crisis level"),
    "changes": ("2. 기간 중 변동 사항", "2. What changed in the period"),
    "notices": ("2-1. 대시민 안내 발송", "2-1. Public texts sent"),
    "tasks": ("3. 반별 진행 과제(담당·기한)", "3. Open tasks per team (owner, due)"),
    "overdue": ("4. 기한 경과 항목", "4. Overdue items"),
    "pending": ("5. 승인 대기", "5. Pending approvals"),
    "objectives": ("6. 다음 근무 기간 목표({a} ~ {b})", "6. Objectives for the next period ({a} to {b})"),
    "contacts": ("7. 연락처", "7. Contacts"),
    "sign": ("8. 인수인계 확인", "8. Handover signatures"),
    "outgoing": ("인계자(근무 종료 반장)", "Outgoing lead"),
    "incoming": ("인수자(근무 시작 반장)", "Incoming lead"),
    "sign_fields": ("성명:\n직위:\n일시:\n서명:", "Name:\nPosition:\nDate/time:\nSignature:"),
    "when": ("일시", "Time"),
    "kind": ("구분", "Kind"),
    "what": ("내용", "What"),
    "by": ("기록자", "By"),
    "task": ("과제", "Task"),
    "owner": ("담당자", "Owner"),
    "due": ("기한", "Due"),
    "status": ("상태", "Status"),
    "item": ("대상", "Item"),
    "name": ("성명", "Name"),
    "role": ("역할", "Role"),
    "contact": ("연락처", "Contact"),
    "notice_item": ("대시민 안내({channel}) 승인 요청", "public text ({channel}) submitted"),
    "draft_item": ("상황보고 초안({t} 현재)", "situation report draft (as of {t})"),
    "none": ("- 해당 없음", "- none"),
    "unassigned": ("미지정", "unassigned"),
    "no_due": ("기한 없음", "no due time"),
}


def hw(lang: str, key: str, **values: object) -> str:
    return bilingual(_WORDS, lang, key, **values)


@dataclass
class HandoverData:
    """What the briefing prints; times are ISO strings, as in a snapshot."""

    start: str
    end: str
    next_end: str
    snapshot: Snapshot
    changes: list[dict[str, str | None]]
    """at, kind (label), text, by: the timeline's lines of the period."""
    notices: list[dict[str, str]]
    """at, channel, text: public texts issued in the period."""
    tasks: list[dict[str, str | bool | None]]
    """team, title, owner, due, status, overdue: open tasks at the period's end."""
    pending: list[dict[str, str | None]]
    """item, by, at."""
    contacts: list[dict[str, str | None]] = field(default_factory=list)


def handover_story(data: HandoverData, lang: str) -> list[Flowable]:
    snap, f = data.snapshot, data.snapshot["figures"]
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    none = para(hw(lang, "none"))
    story: list[Flowable] = [
        para(hw(lang, "title"), "title"),
        para(f"{snap['incident']['title']} · " + hw(lang, "period", a=full_time(lang, data.start),
                                                     b=full_time(lang, data.end)), "dateline"),
        *heading(hw(lang, "now"), "h1"),
        para(f"{hw(lang, 'level')}: {crisis_text(snap, lang)}"),
        para("○ " + words(lang, "restored_line", m=f["affected"], n=f["restored"], p=rate,
                          t=short_time(lang, data.end)))]
    story += heading(paren(lang, hw(lang, "changes"), str(len(data.changes))), "h1")
    story.append(table([hw(lang, "when"), hw(lang, "kind"), hw(lang, "what"), hw(lang, "by")],
                       [[short_time(lang, c["at"]), c["kind"], c["text"], c["by"] or ""]
                        for c in data.changes], [0.15, 0.15, 0.55, 0.15], "LLLL")
                 if data.changes else none)
    story += heading(paren(lang, hw(lang, "notices"), str(len(data.notices))))
    story.append(table([hw(lang, "when"), hw(lang, "kind"), hw(lang, "what")],
                       [[short_time(lang, n["at"]), n["channel"], n["text"]]
                        for n in data.notices], [0.15, 0.15, 0.7], "LLL")
                 if data.notices else none)
    story += heading(paren(lang, hw(lang, "tasks"), str(len(data.tasks))), "h1")
    story.append(_tasks(data.tasks, lang) if data.tasks else none)
    overdue = [t for t in data.tasks if t["overdue"]]
    story += heading(paren(lang, hw(lang, "overdue"), str(len(overdue))), "h1")
    story.append(_tasks(overdue, lang) if overdue else none)
    story += heading(paren(lang, hw(lang, "pending"), str(len(data.pending))), "h1")
    story.append(table([hw(lang, "item"), hw(lang, "by"), hw(lang, "when")],
                       [[p["item"], p["by"] or "", short_time(lang, p["at"])]
                        for p in data.pending], [0.6, 0.2, 0.2], "LLL")
                 if data.pending else none)
    upcoming = [t for t in data.tasks
                if t["due"] and str(data.end) < str(t["due"]) <= str(data.next_end)]
    story += heading(hw(lang, "objectives", a=short_time(lang, data.end),
                        b=short_time(lang, data.next_end)), "h1")
    story.append(_tasks(upcoming, lang) if upcoming else none)
    story += heading(paren(lang, hw(lang, "contacts"), str(len(data.contacts))), "h1")
    story.append(table([hw(lang, "name"), hw(lang, "role"), words(lang, "team"),
                        hw(lang, "contact")],
                       [[c["display"] or c["name"], label("role", c["role"], lang),
                         label("team", c["team"], lang), c["contact"] or ""]
                        for c in data.contacts], [0.3, 0.2, 0.2, 0.3], "LLLL")
                 if data.contacts else none)
    story += heading(hw(lang, "sign"), "h1", room=140)
    story.append(_signatures(lang))
    return story


def _tasks(rows: list[dict[str, str | bool | None]], lang: str) -> Table:
    return table([words(lang, "team"), hw(lang, "task"), hw(lang, "owner"), hw(lang, "due"),
                  hw(lang, "status")],
                 [[label("team", str(t["team"]), lang), str(t["title"]),
                   str(t["owner"] or hw(lang, "unassigned")),
                   short_time(lang, str(t["due"])) if t["due"] else hw(lang, "no_due"),
                   label("task", str(t["status"]), lang)] for t in rows],
                 [0.14, 0.44, 0.14, 0.14, 0.14], "LLLLL")


def _signatures(lang: str) -> Table:
    half = FRAME_WIDTH / 2
    box = Table([[hw(lang, "outgoing"), hw(lang, "incoming")],
                 [hw(lang, "sign_fields"), hw(lang, "sign_fields")]],
                colWidths=[half, half], rowHeights=[18, 96])
    box.setStyle(TS([*grid_style(), ("VALIGN", (0, 1), (-1, 1), "TOP")]))
    return box


def render_handover(data: HandoverData, lang: str = "ko") -> bytes:
    period = hw(lang, "period", a=short_time(lang, data.start), b=short_time(lang, data.end))
    frame = PageFrame(header_left=words(lang, "org"),
                      header_right=f"{hw(lang, 'title')} · {period}",
                      footer=lambda x, y: words(lang, "page", x=x, y=y))
    return build_pdf(handover_story(data, lang), frame, title=hw(lang, "title"), subject=period)
