"""Sections 4–7 and the annex of the situation report: actions, decisions, public
information, next steps and the list of affected systems."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph

from console.domain.enums import NoticeChannel, Team
from console.reports.fonts import BOLD
from console.reports.layout import STYLES, WARN, escape, heading, heading_with, para, table
from console.reports.long_table import Strong, long_table
from console.reports.snapshot import TASK_KINDS, NoticeItem, Snapshot, TeamTasks
from console.reports.text import (
    Names,
    full_time,
    label,
    number_label,
    paren,
    short_label,
    short_time,
    words,
)


def _since(snapshot: Snapshot, lang: str) -> str:
    since = snapshot.get("since")
    if since:
        return words(lang, "since_report", n=number_label(lang, since["number"]))
    return words(lang, "since_start")


def actions(snapshot: Snapshot, lang: str) -> list[Flowable]:
    story: list[Flowable] = [*heading(words(lang, "s4"), "h1", 110),
                             para(f"※ {words(lang, 'done_since')}: {_since(snapshot, lang)}",
                                  "note")]
    teams = snapshot["teams"]
    for team in Team:
        empty: TeamTasks = {"done": [], "in_progress": [], "blocked": [], "counts": {}}
        entry = teams.get(team.value, empty)
        counts = entry["counts"]
        # The counts say the same period as the rows under them: done since the last
        # report (the rows), with the running total beside it.
        done = (words(lang, "done_period", n=len(entry["done"]), total=counts.get("done", 0))
                if snapshot.get("since") else words(lang, "done_all", n=counts.get("done", 0)))
        line = words(lang, "team_line", team=team.label(lang), done=done,
                     prog=counts.get("in_progress", 0), blocked=counts.get("blocked", 0),
                     open=counts.get("open", 0))
        head = heading(f"○ {line}")
        rows: list[list[Any]] = []
        blocked_rows = []
        for kind in TASK_KINDS:
            for title, at in entry[kind]:
                if kind == "blocked":
                    blocked_rows.append(len(rows) + 1)
                rows.append([words(lang, "done_since" if kind == "done" else kind), title,
                             short_time(lang, at)])
        if not rows:
            story += [*head, para(f"- {words(lang, 'nothing')}", "note")]
            continue
        extra: list[tuple[Any, ...]] = [("TEXTCOLOR", (0, r), (0, r), WARN)
                                        for r in blocked_rows]
        extra += [("FONT", (0, r), (0, r), BOLD, 8) for r in blocked_rows]
        story += heading_with(f"○ {line}", table(
            [words(lang, "status"), words(lang, "task"), words(lang, "time")],
            rows, [0.12, 0.70, 0.18], "CLC", extra=extra))
    return story


def decisions(snapshot: Snapshot, lang: str) -> list[Flowable]:
    story: list[Flowable] = heading(paren(lang, words(lang, 's5'), _since(snapshot, lang)), "h1",
                                    80)
    items = snapshot["decisions"]
    if not items:
        return [*story, para(f"- {words(lang, 'nothing')}", "note")]
    rows = []
    for item in items:
        text = f"<b>{escape(item['summary'])}</b>"
        if item["rationale"]:
            text += (f"<br/><font color='#5f6368'>{escape(words(lang, 'rationale'))}: "
                     f"{escape(item['rationale'])}</font>")
        who = label("role", item["role"], lang)
        rows.append([short_time(lang, item["at"]), Paragraph(text, STYLES["cell"]), who])
    story.append(table([words(lang, "time"), words(lang, "decision"),
                        words(lang, "decided_by")], rows, [0.14, 0.72, 0.14], "CLC"))
    return story


def public_information(snapshot: Snapshot, lang: str, names: Names) -> list[Flowable]:
    # Every figure here is the outage clock's at the moment (the snapshot's figures and each
    # system's alternative_active / alternative_used): the page-1 box reads the same numbers.
    f = snapshot["figures"]
    alternatives = [s for s in snapshot["systems"]
                    if s.get("alternative_used", s["alternative_active"])]
    running = [s for s in alternatives if s["alternative_active"]]
    citizen_now = sum(1 for s in running if s["category"] == "citizen")
    story: list[Flowable] = [
        *heading(words(lang, "s6"), "h1", 110),
        para(words(lang, "alt_line", t=short_time(lang, snapshot["as_of"]), r=len(running),
                   n=citizen_now, total=f.get("alternative_total", len(alternatives))),
             "lead"),
        *heading(words(lang, "alt_in_place"), "h2")]
    if alternatives:
        ordered = sorted(alternatives, key=lambda s: (not s["alternative_active"],
                                                      s["department"], s["code"]))
        rows = [[s["name"], names(s["department"]), s["alternative_means"] or "-",
                 words(lang, "alt_running" if s["alternative_active"]
                       else "alt_ended" if s["restored_at"] else "alt_stopped")]
                for s in ordered]
        header = [words(lang, "system"), words(lang, "department"), words(lang, "alt_means"),
                  words(lang, "status")]
        if len(rows) > LONG_ROWS:  # thousands at scale: drawn the light way (long_table.py)
            for row, system in zip(rows, ordered, strict=True):
                if system["alternative_active"]:
                    row[3] = Strong(row[3])
            story.append(long_table(header, rows, [0.27, 0.17, 0.42, 0.14], "LLLC"))
        else:
            bold = [("FONT", (3, i + 1), (3, i + 1), BOLD, 8) for i, s in enumerate(ordered)
                    if s["alternative_active"]]
            story.append(table(header, rows, [0.27, 0.17, 0.42, 0.14], "LLLC", extra=bold))
    else:
        story.append(para(f"- {words(lang, 'nothing')}", "note"))
    # Notices of the same period as §4 and §5: since the last issued report, with the total.
    since = snapshot.get("since")
    every = snapshot["notices"]
    notices = [n for n in every if since is None or n["at"] > since["as_of"]]
    title = words(lang, "notices_period", period=_since(snapshot, lang), n=len(notices),
                  total=len(every))
    if notices:
        story += heading_with(title, table([words(lang, "time"), words(lang, "notice_text")],
                                           [[short_time(lang, n["at"]), _notice_text(n, lang)]
                                            for n in notices], [0.14, 0.86], "CL"))
    else:
        story += [*heading(title, "h2"), para(f"- {words(lang, 'nothing')}", "note")]
    return story


def _notice_text(notice: NoticeItem, lang: str) -> str:
    channel = notice.get("channel")
    if channel is None:
        return notice["text"]
    return f"[{NoticeChannel(channel).label(lang)}] {notice['text']}"


def next_steps(snapshot: Snapshot, lang: str) -> list[Flowable]:
    story: list[Flowable] = heading(words(lang, "s7"), "h1", 60)
    plans = snapshot["plans"]
    follow_ups = _follow_ups(snapshot, lang)
    if plans:
        rows = []
        extra = []
        for index, plan in enumerate(plans, start=1):
            due = short_time(lang, plan["due"]) if plan["due"] else words(lang, "no_due")
            if plan["overdue"]:
                due = paren(lang, due, words(lang, "overdue"))
                extra += [("TEXTCOLOR", (0, index), (0, index), WARN)]
            rows.append([due, Team(plan["team"]).label(lang) if plan["team"] in Team._value2member_map_
                         else plan["team"], plan["title"], label("task", plan["status"], lang)])
        story.append(table([words(lang, "due"), words(lang, "team"), words(lang, "task"),
                            words(lang, "status")], rows, [0.19, 0.2, 0.5, 0.11], "CLLC", extra=extra))
    elif not follow_ups:
        story.append(para(f"- {words(lang, 'nothing')}", "note"))
    story += [para(f"○ {line}", "body") for line in follow_ups]
    story += _forecast(snapshot, lang)
    if snapshot.get("next_report_due") and not snapshot["incident"].get("closed_at"):
        story.append(para(words(lang, "next_report",
                                t=full_time(lang, snapshot["next_report_due"])), "after"))
    return story


def _follow_ups(snapshot: Snapshot, lang: str) -> list[str]:
    """The record's other next steps: systems still down that no open task covers, and once
    the incident is closed what the stand-down decided (사후 평가, 재발방지 대책)."""
    lines = []
    down = snapshot["still_down"]
    untasked = sum(1 for d in down if d["basis"] != "task")
    if down:
        lines.append(words(lang, "plan_down", n=len(down), k=untasked))
    closed = snapshot["incident"].get("closed_at")
    if closed:
        lines += [words(lang, "plan_decided", text=d["summary"], t=short_time(lang, d["at"]))
                  for d in snapshot["decisions"] if d["at"] >= closed]
    return lines


def _forecast(snapshot: Snapshot, lang: str) -> list[Flowable]:
    """The frozen restoration forecast: an estimate, named so, with its basis."""
    forecast = snapshot.get("forecast")
    if not forecast or not forecast["all_restored"]:
        return []
    story: list[Flowable] = heading(words(lang, "forecast"), "h2")

    def band(key: str, part: dict[str, object]) -> str:
        return words(lang, key, **{k: short_time(lang, str(part[k]))
                                   for k in ("p10", "p50", "p90")})

    story.append(para(f"- {band('forecast_all', dict(forecast['all_restored']))}", "body"))
    important = forecast["importance_1_2"]
    if important and not important["done"]:
        story.append(para(f"- {band('forecast_important', dict(important))}", "body"))
    elif important:
        story.append(para(f"- {words(lang, 'forecast_important_done')}", "body"))
    basis = forecast["basis"]
    story.append(para(words(lang, "forecast_basis", restored=basis["restored_fitted"],
                            etr=basis["with_etr"], draws=basis["draws"], seed=basis["seed"]),
                      "note"))
    return story


LONG_ROWS = 300
"""A table of more rows than this is a long table (an incident's real ones have dozens;
``demo --scale 100``'s has 2,701). Below it the table is as reports were always printed,
so the stored reports reprint with the same bytes."""


def annex(snapshot: Snapshot, lang: str, names: Names) -> list[Flowable]:
    systems = snapshot["systems"]
    if not systems:
        return []
    rows = [[s["code"], s["name"], names(s["department"]),
             short_label("category", s["category"], lang), s["importance_grade"], s["grade"],
             label("outage", s["status"], lang), short_time(lang, s["restored_at"]) or "-"]
            for s in systems]
    return [PageBreak(), *heading(paren(lang, words(lang, 'annex'), str(len(systems))), "h1"),
            long_table([words(lang, "code"), words(lang, "system"), words(lang, "department"),
                        words(lang, "category"), words(lang, "grade"),
                        words(lang, "failure_grade"), words(lang, "status"),
                        words(lang, "restored_at")], rows,
                       [0.11, 0.26, 0.19, 0.09, 0.07, 0.08, 0.09, 0.11], "LLLCCCCC")]
