"""최종(결과)보고 of a closed incident, from the record: the incident from activation to
stand-down, the figures at the stand-down (the snapshot of that moment), the timeline's
milestones, every decision, the reports issued, the follow-up (tasks still open at the
stand-down, the closing reason), and the lessons and 재발방지 대책. Rendered from plain rows
the final-report service gathers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from console.reports.layout import PageFrame, build_pdf, heading, para, table
from console.reports.sitrep_header import crisis_text
from console.reports.snapshot import Snapshot
from console.reports.text import (
    bilingual,
    elapsed,
    full_time,
    label,
    paren,
    percent,
    short_time,
    words,
)

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("최종(결과) 보고", "Final (results) report"),
    "overview": ("1. 개요", "1. Overview"),
    "activated": ("대책본부 가동: {t}", "Task force activated: {t}"),
    "closed": ("대책본부 해제: {t}(운영 {d})", "Task force stood down: {t} (ran {d})"),
    "level": ("최종 위기경보", "Last crisis level"),
    "figures": ("2. 장애 및 복구 결과", "2. Outages and restoration"),
    "reports": ("상황보고 {n}회 발행(제1보 ~ 제{last}보)", "{n} situation reports issued (No. 1 to {last})"),
    "timeline": ("3. 주요 경과", "3. Milestones"),
    "decisions": ("4. 결정사항", "4. Decisions"),
    "follow": ("5. 후속 조치", "5. Follow-up"),
    "lessons": ("6. 교훈 및 재발방지 대책", "6. Lessons and prevention of recurrence"),
    "source": ("출처", "Source"),
    "src_lesson": ("교훈 기록", "Lesson"), "src_decision": ("결정사항", "Decision"),
    "src_log": ("활동일지", "Activity log"), "writer": ("기록자", "By"),
    "open": ("해제 시점 미완료 과제", "Tasks still open at the stand-down"),
    "reason": ("해제 사유: {r}", "Reason for the stand-down: {r}"),
    "when": ("일시", "Time"), "kind": ("구분", "Kind"), "what": ("내용", "What"),
    "by": ("결정자", "By"), "why": ("근거", "Rationale"),
    "none": ("- 해당 없음", "- none"),
}


def fw(lang: str, key: str, **values: object) -> str:
    return bilingual(_WORDS, lang, key, **values)


@dataclass
class FinalData:
    snapshot: Snapshot
    """The incident as it stood at its stand-down."""
    milestones: list[dict[str, str]]
    """at, kind, text: the timeline without per-outage lines."""
    decisions: list[dict[str, str]]
    """at, by, summary, rationale."""
    issued: list[int]
    """Numbers of the reports issued."""
    close_reason: str
    lessons: list[dict[str, str]] = field(default_factory=list)
    """at, source (lesson, decision, log), text, by: lessons recorded and the record's lines
    that state a follow-up, in time order."""


def final_story(data: FinalData, lang: str) -> list[Flowable]:
    snap, f = data.snapshot, data.snapshot["figures"]
    incident = snap["incident"]
    start, end = incident["activated_at"] or incident["started_at"], incident["closed_at"]
    from console.domain.clock import from_iso

    first, last = from_iso(start), from_iso(end)
    hours = (last - first).total_seconds() / 3600 if first and last else 0.0
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    none = para(fw(lang, "none"))
    story: list[Flowable] = [
        para(fw(lang, "title"), "title"),
        para(f"{incident['title']} · {words(lang, 'as_of', t=full_time(lang, end))}",
             "dateline"),
        *heading(fw(lang, "overview"), "h1"),
        para("○ " + fw(lang, "activated", t=full_time(lang, start))),
        para("○ " + fw(lang, "closed", t=full_time(lang, end), d=elapsed(lang, hours))),
        para(f"○ {fw(lang, 'level')}: {crisis_text(snap, lang)}")]
    if data.issued:
        story.append(para("○ " + fw(lang, "reports", n=len(data.issued), last=max(data.issued))))
    story += heading(fw(lang, "figures"), "h1")
    story.append(para("○ " + words(lang, "restored_line", m=f["affected"], n=f["restored"],
                                   p=rate, t=short_time(lang, end))))
    affected = Counter(s["importance_grade"] for s in snap["systems"])
    restored = Counter(s["importance_grade"] for s in snap["systems"] if s["restored_at"])
    story.append(table(
        [words(lang, "grade"), words(lang, "affected"), words(lang, "restored"),
         words(lang, "down")],
        [[words(lang, "grade_n", n=g), affected[g], restored[g], affected[g] - restored[g]]
         for g in sorted(affected)], [0.4, 0.2, 0.2, 0.2], "LRRR", zebra=False))
    story += heading(paren(lang, fw(lang, "timeline"), str(len(data.milestones))), "h1")
    story.append(table([fw(lang, "when"), fw(lang, "kind"), fw(lang, "what")],
                       [[short_time(lang, m["at"]), m["kind"], m["text"]]
                        for m in data.milestones], [0.15, 0.17, 0.68], "LLL")
                 if data.milestones else none)
    story += heading(paren(lang, fw(lang, "decisions"), str(len(data.decisions))), "h1")
    story.append(table([fw(lang, "when"), fw(lang, "by"), fw(lang, "what"), fw(lang, "why")],
                       [[short_time(lang, d["at"]), d["by"], d["summary"], d["rationale"]]
                        for d in data.decisions], [0.13, 0.17, 0.35, 0.35], "LLLL")
                 if data.decisions else none)
    story += heading(fw(lang, "follow"), "h1")
    if data.close_reason:
        story.append(para("○ " + fw(lang, "reason", r=data.close_reason)))
    story.append(para(paren(lang, fw(lang, "open"), str(len(snap["plans"]))), "lead"))
    story.append(table([words(lang, "team"), fw(lang, "what"), fw(lang, "when")],
                       [[label("team", p["team"], lang), p["title"], short_time(lang, p["due"])]
                        for p in snap["plans"]], [0.2, 0.6, 0.2], "LLL")
                 if snap["plans"] else none)
    story += heading(paren(lang, fw(lang, "lessons"), str(len(data.lessons))), "h1")
    story.append(table([fw(lang, "when"), fw(lang, "source"), fw(lang, "what"),
                        fw(lang, "writer")],
                       [[short_time(lang, x["at"]), fw(lang, f"src_{x['source']}"), x["text"],
                         x["by"]] for x in data.lessons], [0.14, 0.14, 0.54, 0.18], "LLLL")
                 if data.lessons else none)
    return story


def render_final(data: FinalData, lang: str = "ko") -> bytes:
    title = fw(lang, "title")
    frame = PageFrame(header_left=words(lang, "org"),
                      header_right=f"{title} · {data.snapshot['incident']['title']}",
                      footer=lambda x, y: words(lang, "page", x=x, y=y))
    return build_pdf(final_story(data, lang), frame, title=title)
