"""The situation report (상황보고 제N보) as an A4 PDF, rendered from a snapshot only."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from console.reports import sitrep_actions, sitrep_header
from console.reports.chart import restoration_curve
from console.reports.fonts import BOLD
from console.reports.layout import (
    ACCENT,
    LABEL_FILL,
    RULE,
    STYLES,
    PageFrame,
    build_pdf,
    heading,
    heading_with,
    para,
    table,
)
from console.reports.long_table import long_table
from console.reports.snapshot import Snapshot, SystemRow
from console.reports.text import (
    Names,
    elapsed,
    full_time,
    label,
    number_label,
    paren,
    percent,
    short_label,
    short_time,
    words,
)


def render_situation_report(snapshot: Snapshot, lang: str = "ko",
                            reprinted_at: str | None = None) -> bytes:
    """The report's PDF; ``reprinted_at`` marks a paper copy ("재출력 · 12. 1. 10:00")."""
    story, frame, title, subject = situation_story(snapshot, lang, reprinted_at)
    return build_pdf(story, frame, title=title, subject=subject)


def situation_story(snapshot: Snapshot, lang: str = "ko", reprinted_at: str | None = None
                    ) -> tuple[list[Flowable], PageFrame, str, str]:
    """The flowables of the report, its page frame, title and subject (for build_pdf)."""
    header = snapshot["header"]
    mark = number_label(lang, header["number"])
    as_of = words(lang, "as_of", t=full_time(lang, snapshot["as_of"]))
    frame = PageFrame(
        header_left=words(lang, "org"),
        header_right=f"{words(lang, 'sitrep')} {mark} · {as_of}",
        footer=lambda x, y: f"{mark} · {words(lang, 'page', x=x, y=y)}",
        watermark=words(lang, "draft_mark") if header["number"] is None
        else words(lang, "reprint_mark", t=full_time(lang, reprinted_at)) if reprinted_at
        else None)
    names = Names(snapshot, lang)
    story: list[Flowable] = []
    story += sitrep_header.title_block(snapshot, lang)
    story += sitrep_header.overview(snapshot, lang)
    story += _damage(snapshot, lang, names)
    story += _recovery(snapshot, lang, names)
    story += sitrep_actions.actions(snapshot, lang)
    story += sitrep_actions.decisions(snapshot, lang)
    story += sitrep_actions.public_information(snapshot, lang, names)
    story += sitrep_actions.next_steps(snapshot, lang)
    story += sitrep_actions.annex(snapshot, lang, names)
    title = f"{words(lang, 'sitrep')} {mark} — {snapshot['incident']['title']}"
    return story, frame, title, as_of


def _damage(snapshot: Snapshot, lang: str, names: Names) -> list[Flowable]:
    f, systems = snapshot["figures"], snapshot["systems"]
    story: list[Flowable] = [*heading(words(lang, "s2"), "h1", 80),
                             para(words(lang, "damage_line", d=f["departments"],
                                        n=f["affected"], c=f["citizen_affected"],
                                        i=f["affected"] - f["citizen_affected"]), "lead")]
    grades = sorted({s["importance_grade"] for s in systems}) or [1, 2, 3, 4]
    cross = Counter((s["category"], s["importance_grade"]) for s in systems)
    rows = []
    for category in ("citizen", "internal"):
        counts = [cross[(category, g)] for g in grades]
        rows.append([label("category", category, lang), *counts, sum(counts)])
    totals = [sum(cross[(c, g)] for c in ("citizen", "internal")) for g in grades]
    rows.append([words(lang, "total"), *totals, sum(totals)])
    header = [words(lang, "category"), *(words(lang, "grade_n", n=g) for g in grades),
              words(lang, "total")]
    width = 0.6 / (len(grades) + 1)
    story += [*heading(words(lang, "by_category_grade"), "h2"),
              table(header, rows, [0.4] + [width] * (len(grades) + 1),
                    "L" + "R" * (len(grades) + 1), zebra=False,
                    extra=[("FONT", (0, -1), (-1, -1), BOLD, 8),
                           ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL)])]
    story += heading_with(words(lang, "by_department"),
                          _tally_table(systems, "department", words(lang, "department"), lang,
                                       names))
    story += heading_with(words(lang, "by_facility"),
                          _tally_table(systems, "facility", words(lang, "facility"), lang, names))
    # Without this a reader concludes the city's own data centres burned: the systems there
    # failed through their links to the national centre's systems.
    story.append(para(words(lang, "facility_note", where=snapshot["incident"]["location"]
                            or "-"), "note"))
    return story


def _tally(systems: list[SystemRow], key: Literal["department", "facility"]
           ) -> list[tuple[str, int, int]]:
    affected: Counter[str] = Counter(s[key] for s in systems)
    restored: Counter[str] = Counter(s[key] for s in systems if s["restored_at"])
    return [(k, affected[k], restored[k]) for k in sorted(affected, key=lambda k: (-affected[k], k))]


def _tally_table(systems: list[SystemRow], key: Literal["department", "facility"], title: str,
                 lang: str,
                 names: Names) -> Flowable:
    rows = [[names(k), a, r, a - r] for k, a, r in _tally(systems, key)]
    header = [title, words(lang, "affected"), words(lang, "restored"), words(lang, "down")]
    if len(rows) <= 8 or len(rows) > 60:
        return table(header, rows, [0.52, 0.16, 0.16, 0.16], "LRRR")
    # Two records per line, left half then right half: one table, so it splits like any.
    half = (len(rows) + 1) // 2
    pairs = [left + (rows[half + i] if half + i < len(rows) else ["", "", "", ""])
             for i, left in enumerate(rows[:half])]
    widths = [0.2, 0.1, 0.1, 0.1] * 2
    return table(header * 2, pairs, widths, "LRRRLRRR",
                 extra=[("LINEAFTER", (3, 0), (3, -1), 1.2, ACCENT)])


def _recovery(snapshot: Snapshot, lang: str, names: Names) -> list[Flowable]:
    f = snapshot["figures"]
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    story: list[Flowable] = [
        *heading(words(lang, "s3"), "h1", 110),
        para(words(lang, "restored_line", m=f["affected"], n=f["restored"], p=rate,
                   t=short_time(lang, snapshot["as_of"])), "lead"),
        *heading_with(words(lang, "recovery_table"), _recovery_table(snapshot, lang))]
    story.append(para(" · ".join(
        words(lang, "phase_line", n=p, m=target, r=restored)
        for p, target, restored in phase_rows(snapshot["systems"])), "note"))
    start = snapshot["incident"]["started_at"]
    # A closed incident's chart stops at the stand-down, whenever the report is made.
    end = snapshot["incident"].get("closed_at") or snapshot["as_of"]
    chart = restoration_curve(snapshot["curve"], f["affected"], start, end,
                              snapshot["phase_starts"], lang)
    story.append(KeepTogether([Paragraph(words(lang, "curve"), STYLES["h2"]), chart,
                               para(words(lang, "curve_note"), "note")]))
    story += _still_down(snapshot, lang, names)
    return story


def _recovery_table(snapshot: Snapshot, lang: str) -> Table:
    """Affected, restored, down and rate per importance grade, category and phase."""
    f, systems = snapshot["figures"], snapshot["systems"]
    groups: list[tuple[str, list[tuple[str, int, int]]]] = []
    by_grade = []
    for g in sorted({s["importance_grade"] for s in systems}):
        chosen = [s for s in systems if s["importance_grade"] == g]
        by_grade.append((words(lang, "grade_n", n=g), len(chosen),
                         sum(1 for s in chosen if s["restored_at"])))
    groups.append((words(lang, "grade"), by_grade))
    by_category = []
    for category in ("citizen", "internal"):
        chosen = [s for s in systems if s["category"] == category]
        by_category.append((label("category", category, lang), len(chosen),
                            sum(1 for s in chosen if s["restored_at"])))
    groups.append((words(lang, "category"), by_category))
    groups.append((words(lang, "phase"), [
        (words(lang, "phase_target", n=p), target, restored)
        for p, target, restored in phase_rows(systems)]))
    down = f["affected"] - f["restored"]
    rows: list[list[Any]] = []
    extra: list[tuple] = []
    for title, members in groups:
        if not members:
            continue
        first = len(rows) + 1
        for index, (name, affected, restored) in enumerate(members):
            rows.append([title if index == 0 else "", name, affected, restored,
                         affected - restored,
                         percent(100 * restored / affected) if affected else "-"])
        extra += [("SPAN", (0, first), (0, len(rows))),
                  ("LINEABOVE", (0, first), (-1, first), 0.8, RULE),
                  ("BACKGROUND", (0, first), (0, len(rows)), LABEL_FILL)]
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    rows.append([words(lang, "total"), "", f["affected"], f["restored"], down, rate])
    extra += [("SPAN", (0, len(rows)), (1, len(rows))),
              ("FONT", (0, -1), (-1, -1), BOLD, 8), ("BACKGROUND", (0, -1), (-1, -1), LABEL_FILL)]
    return table(["", "", words(lang, "affected"), words(lang, "restored"), words(lang, "down"),
                  words(lang, "rate")], rows, [0.16, 0.32, 0.13, 0.13, 0.13, 0.13], "CLRRRR",
                 zebra=False, extra=[("SPAN", (0, 0), (1, 0)), *extra])


def phase_rows(systems: list[SystemRow]) -> list[tuple[int, int, int]]:
    """(phase, systems it covers, restored of them) per recovery phase: a system belongs to the
    phase it is worked in at the moment (the outage clock's phase, 1 until a later event names
    another), restored or not, so "1차 복구 대상 64개 중 1개" and never "1 of 1"."""
    target: Counter[int] = Counter(s["phase"] or 1 for s in systems)
    restored: Counter[int] = Counter(s["phase"] or 1 for s in systems if s["restored_at"])
    return [(p, target[p], restored[p]) for p in sorted(target)]


def _still_down(snapshot: Snapshot, lang: str, names: Names) -> list[Flowable]:
    down = snapshot["still_down"]
    story: list[Flowable] = heading(paren(lang, words(lang, 'still_down'), str(len(down))))
    if not down:
        return [*story, para(words(lang, "none_down"))]
    rows = []
    for item in down:
        if item["expected"]:
            when = short_time(lang, item["expected"])
            expected = words(lang, "by_task" if item["basis"] == "task" else "by_rto", t=when)
        else:
            expected = words(lang, "undecided")
        rows.append([f"{item['code']} {item['name']}", names(item["department"]),
                     short_label("category", item["category"], lang), item["grade"],
                     label("outage", item["status"], lang),
                     elapsed(lang, item["elapsed_hours"]), expected])
    # Thousands still down at scale (a platypus table re-measures itself at every page end):
    # a long table then; a real incident's dozens print as they always have (the stored
    # reports reprint with the same bytes).
    make = long_table if len(rows) > sitrep_actions.LONG_ROWS else table
    story.append(make([words(lang, "system"), words(lang, "department"),
                       words(lang, "category"), words(lang, "failure_grade"),
                       words(lang, "status"), words(lang, "elapsed"), words(lang, "expected")],
                      rows, [0.28, 0.15, 0.09, 0.08, 0.09, 0.11, 0.20], "LLCCCRL"))
    return story
