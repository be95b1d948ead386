"""The one-page 상황 요약 for the commander (ICS-209-like), from a situation report's snapshot:
the level and since when, restored N / M by importance grade, the citizen-facing services still
down, the main issues (blocked and overdue tasks), what is needed (systems still down without a
task due) and the expected completion (the forecast, named an estimate)."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from console.reports.layout import PageFrame, build_pdf, heading, para, table
from console.reports.sitrep_header import crisis_text
from console.reports.snapshot import Snapshot
from console.reports.text import (
    Names,
    bilingual,
    full_time,
    label,
    paren,
    percent,
    short_time,
    words,
)

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("상황 요약(본부장 보고용)", "Situation summary (for the commander)"),
    "level": ("위기경보", "Crisis level"),
    "by_grade": ("중요도 등급별 복구", "Restored by importance grade"),
    "citizen_down": ("대시민 서비스 미복구", "Citizen-facing services still down"),
    "issues": ("주요 문제", "Main issues"),
    "needs": ("필요 사항", "Needs"),
    "outlook": ("복구 완료 전망(추정치)", "Expected completion (estimate)"),
    "blocked": ("보류: {title}({team})", "blocked: {title} ({team})"),
    "overdue": ("기한 경과: {title}({team}, {due})", "overdue: {title} ({team}, due {due})"),
    "untasked": ("기한 있는 과제가 없는 미복구 시스템 {n}개: 담당·기한 지정 필요",
                 "{n} systems down without a task due: name an owner and a due time"),
    "none": ("없음", "none"),
    "all_done": ("전 시스템 복구", "all restored"),
    "p50": ("{p50} 전후(P10–P90 {p10} ~ {p90})", "around {p50} (P10–P90 {p10} to {p90})"),
}


def _w(lang: str, key: str, **values: object) -> str:
    return bilingual(_WORDS, lang, key, **values)


def summary_story(snapshot: Snapshot, lang: str) -> list[Flowable]:
    f, names = snapshot["figures"], Names(snapshot, lang)
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    story: list[Flowable] = [
        para(_w(lang, "title"), "title"),
        para(f"{snapshot['incident']['title']} · "
             f"{words(lang, 'as_of', t=full_time(lang, snapshot['as_of']))}", "dateline"),
        para(f"{_w(lang, 'level')}: {crisis_text(snapshot, lang)} · "
             + words(lang, "restored_line", m=f["affected"], n=f["restored"], p=rate,
                     t=short_time(lang, snapshot["as_of"])), "lead")]
    systems = snapshot["systems"]
    affected = Counter(s["importance_grade"] for s in systems)
    restored = Counter(s["importance_grade"] for s in systems if s["restored_at"])
    story += [*heading(_w(lang, "by_grade")), table(
        [words(lang, "grade"), words(lang, "affected"), words(lang, "restored"),
         words(lang, "down")],
        [[words(lang, "grade_n", n=g), affected[g], restored[g], affected[g] - restored[g]]
         for g in sorted(affected)], [0.4, 0.2, 0.2, 0.2], "LRRR", zebra=False)]
    down = [d for d in snapshot["still_down"] if d["category"] == "citizen"]
    story += heading(paren(lang, _w(lang, "citizen_down"), str(len(down))))
    story.append(table([words(lang, "system"), words(lang, "department"),
                        words(lang, "elapsed")],
                       [[f"{d['code']} {d['name']}", names(d["department"]),
                         f"{d['elapsed_hours']:.0f}h" if lang == "en"
                         else f"{d['elapsed_hours']:.0f}시간"] for d in down[:12]],
                       [0.6, 0.25, 0.15], "LLR") if down else para(f"- {_w(lang, 'none')}"))
    issues = [_w(lang, "blocked", title=title, team=label("team", team, lang))
              for team, entry in sorted(snapshot["teams"].items())
              for title, _ in entry["blocked"]]
    issues += [_w(lang, "overdue", title=p["title"], team=label("team", p["team"], lang),
                  due=short_time(lang, p["due"])) for p in snapshot["plans"] if p["overdue"]]
    story += heading(_w(lang, "issues"))
    story += [para(f"○ {line}") for line in issues[:8]] or [para(f"- {_w(lang, 'none')}")]
    untasked = sum(1 for d in snapshot["still_down"] if d["basis"] != "task")
    story += heading(_w(lang, "needs"))
    story.append(para(f"○ {_w(lang, 'untasked', n=untasked)}") if untasked
                 else para(f"- {_w(lang, 'none')}"))
    story += heading(_w(lang, "outlook"))
    forecast = snapshot.get("forecast")
    band = forecast["all_restored"] if forecast else None
    if f["restored"] == f["affected"]:
        story.append(para(f"- {_w(lang, 'all_done')}"))
    elif band:
        story.append(para("- " + _w(lang, "p50", p10=short_time(lang, band["p10"]),
                                    p50=short_time(lang, band["p50"]),
                                    p90=short_time(lang, band["p90"]))))
    else:
        story.append(para(f"- {words(lang, 'undecided')}"))
    return story


def render_summary(snapshot: Snapshot, lang: str = "ko") -> bytes:
    as_of = words(lang, "as_of", t=full_time(lang, snapshot["as_of"]))
    frame = PageFrame(header_left=words(lang, "org"),
                      header_right=f"{_w(lang, 'title')} · {as_of}",
                      footer=lambda x, y: words(lang, "page", x=x, y=y))
    return build_pdf(summary_story(snapshot, lang), frame, title=_w(lang, "title"),
                     subject=as_of)
