"""The after-action report of a drill (사후강평 보고서): the injects and the responses on one
timeline, every deadline met or missed by how much, the score with its deductions, the systems
down and restored over the drill, and the controller's lessons. Every page carries the
exercise band (layout.exercise_pages)."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, Paragraph, Spacer

from console.domain.clock import iso
from console.domain.drill_clock import format_duration
from console.domain.drill_score import AfterAction, Outcome
from console.reports.chart import restoration_curve
from console.reports.layout import (
    STYLES,
    PageFrame,
    build_pdf,
    escape,
    exercise_pages,
    heading,
    para,
    table,
)
from console.reports.text import bilingual, full_time, label, short_time

_WORDS = {
    "title": ("훈련 사후강평 보고서", "Drill after-action report"),
    "org": ("서울특별시 재난안전대책본부 · 훈련", "Seoul Metropolitan Disaster and Safety Countermeasures Headquarters · exercise"),
    "page": ("{x} / {y}쪽", "page {x} of {y}"),
    "score": ("점수", "Score"),
    "scored": ("{score}점 / {start}점 (감점 {count}건)", "{score} of {start} ({count} deductions)"),
    "deadlines": ("기한별 이행", "Deadlines"),
    "deductions": ("감점 내역", "Deductions"),
    "judgements": ("판정 감점 (통제관)", "Judgement deductions (exercise controller)"),
    "timeline": ("상황부여와 대응", "Injects and responses"),
    "figures": ("시간대별 장애·복구", "Systems down and restored over the drill"),
    "lessons": ("통제관 교훈", "Lessons (exercise controller)"),
    "no_lessons": ("기록된 교훈이 없습니다", "No lessons recorded"),
    "none": ("없음", "none"),
    "elapsed": ("경과 {elapsed} · {moment} 기준", "elapsed {elapsed} · as of {moment}"),
    "inject": ("상황부여", "inject"),
    "response": ("대응", "response"),
    "col_deadline": ("기한", "deadline"), "col_due": ("기한 시각", "due"),
    "col_met": ("이행 시각", "done at"), "col_outcome": ("결과", "outcome"),
    "col_by": ("지연", "late by"), "col_points": ("감점", "points"),
    "col_reason": ("사유", "reason"), "col_at": ("시각", "time"),
    "col_kind": ("구분", "kind"), "col_team": ("반", "team"), "col_text": ("내용", "text"),
    "down": ("장애 중", "down"),
}


def _w(lang: str, key: str, **values: object) -> str:
    return bilingual(_WORDS, lang, key, **values)


def _t(lang: str, moment: datetime | None) -> str:
    return short_time(lang, iso(moment)) if moment else "-"


def render_after_action(aar: AfterAction, lang: str = "ko") -> bytes:
    result = aar.score
    frame = PageFrame(header_left=_w(lang, "org"),
                      header_right=f"{_w(lang, 'title')} · {full_time(lang, iso(aar.moment))}",
                      footer=lambda x, y: _w(lang, "page", x=x, y=y))
    story: list[Flowable] = [
        Paragraph(escape(_w(lang, "title")), STYLES["title"]),
        Paragraph(escape(aar.scenario_title), STYLES["subtitle"]),
        Paragraph(escape(_w(lang, "elapsed", elapsed=format_duration(aar.elapsed),
                            moment=full_time(lang, iso(aar.moment)))), STYLES["dateline"])]
    story += heading(_w(lang, "score"), "h1")
    story.append(para(_w(lang, "scored", score=f"{result.score:g}", start=f"{result.start:g}",
                         count=result.count), "lead"))
    story += heading(_w(lang, "deadlines"), "h2")
    rows = []
    for deadline in result.deadlines:
        late = deadline.late_by
        rows.append([deadline.label(lang), _t(lang, deadline.due), _t(lang, deadline.met_at),
                     deadline.outcome.label(lang),
                     format_duration(late) if late and deadline.outcome is not Outcome.MET
                     else "-"])
    story.append(table([_w(lang, k) for k in ("col_deadline", "col_due", "col_met",
                                              "col_outcome", "col_by")],
                       rows or [[_w(lang, "none"), "", "", "", ""]],
                       [0.44, 0.15, 0.15, 0.11, 0.15], "LCCCR"))
    story += heading(_w(lang, "deductions"), "h2")
    story.append(table([_w(lang, "col_points"), _w(lang, "col_reason")],
                       [[f"-{d.points:g}", d.reason(lang)] for d in result.deductions]
                       or [["0", _w(lang, "none")]], [0.1, 0.9], "RL"))
    # The controller's judgements (a wrong summary, a typo), each with its note.
    story += heading(_w(lang, "judgements"), "h2")
    story.append(table([_w(lang, "col_points"), _w(lang, "col_reason"), _w(lang, "col_at")],
                       [[f"-{j.points:g}", j.reason(lang), _t(lang, j.at)]
                        for j in result.judgements] or [["0", _w(lang, "none"), ""]],
                       [0.1, 0.72, 0.18], "RLC"))
    story += heading(_w(lang, "figures"), "h1", room=200)
    total = max((down + restored for _, down, restored in aar.curve), default=0)
    curve: list[list] = [[iso(at), restored] for at, _, restored in aar.curve]
    if aar.curve:
        story.append(restoration_curve(curve, total, iso(aar.started) or "",
                                       iso(aar.moment) or "", {}, lang))
    story.append(table([_w(lang, "col_at"), _w(lang, "down"), label("outage", "restored", lang)],
                       [[_t(lang, at), str(down), str(restored)]
                        for at, down, restored in aar.curve], [0.4, 0.3, 0.3], "CRR"))
    story += heading(_w(lang, "timeline"), "h1")
    lines = [(i["at"], _w(lang, "inject"), i["team"],
              i["text_en"] if lang == "en" and i["text_en"] else i["text"]) for i in aar.injects]
    lines += [(r["at"], _w(lang, "response"), r["team"], r["text"]) for r in aar.responses]
    lines.sort(key=lambda line: (line[0], line[1]))
    story.append(table([_w(lang, k) for k in ("col_at", "col_kind", "col_team", "col_text")],
                       [[_t(lang, at), kind, label("team", team, lang), text]
                        for at, kind, team, text in lines] or [["", "", "", _w(lang, "none")]],
                       [0.14, 0.1, 0.16, 0.6], "CCLL"))
    story += heading(_w(lang, "lessons"), "h1")
    if aar.lessons:
        for lesson in aar.lessons:
            story.append(para(f"• {lesson['text']} ({_t(lang, lesson['at'])})"))
    else:
        story.append(para(_w(lang, "no_lessons"), "note"))
    story.append(Spacer(1, 6))
    with exercise_pages():
        return build_pdf(story, frame, title=_w(lang, "title"), subject=aar.scenario_title)
